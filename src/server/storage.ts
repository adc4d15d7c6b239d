import { MemoryStorage, type Storage } from 'botbuilder';

/** Which storage backs conversation and user state. Only memory today; Azure Blob / Cosmos plug in here. */
export type StorageKind = 'memory';

export function createStorage(kind: StorageKind = 'memory'): Storage {
  switch (kind) {
    case 'memory':
      return new MemoryStorage();
  }
}
