import { MemoryStorage, type Storage } from 'botbuilder';
import { CosmosDbPartitionedStorage } from 'botbuilder-azure';
import type { Clock } from '../clock';
import type { AppConfig } from '../config';
import type { Logger } from '../log';
import { createBlobState } from './blob';
import { FileStorage } from './file-storage';
import type { ConversationLock } from './turn-lock';

export { FileStorage, type FileStorageOptions } from './file-storage';
export { StorageConflictError, isStorageConflict } from './errors';
export { LockTimeoutError, type ConversationLock } from './turn-lock';

export type StateStorageKind = AppConfig['STATE_STORAGE'];

export type StorageConfig = Pick<
  AppConfig,
  | 'STATE_STORAGE'
  | 'STATE_DIR'
  | 'STATE_TTL_DAYS'
  | 'AZURE_STORAGE_CONNECTION_STRING'
  | 'AZURE_STORAGE_CONTAINER'
  | 'COSMOS_DB_ENDPOINT'
  | 'COSMOS_DB_KEY'
  | 'COSMOS_DB_DATABASE'
  | 'COSMOS_DB_CONTAINER'
>;

/** Bot state storage with what it must do at shutdown (stop its timer, let writes reach the disk). */
export interface StateStorage extends Storage {
  close(): Promise<void>;
  /** Present when several instances share the storage: each turn holds its conversation everywhere. */
  turnLock?: ConversationLock;
}

export interface StorageDeps {
  logger: Logger;
  clock: Clock;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const SWEEP_EVERY_MS = 60 * 60 * 1000;

/** The storage STATE_STORAGE names: file (default, durable on local disk), memory, blob (Azure) or cosmos. */
export function createStorage(config: StorageConfig, deps: StorageDeps): StateStorage {
  switch (config.STATE_STORAGE) {
    case 'memory':
      return Object.assign(new MemoryStorage(), { close: async () => undefined });
    case 'file':
      return fileStorage(config, deps);
    case 'blob':
      return blobStorage(config, deps);
    case 'cosmos':
      return cosmosStorage(config);
  }
}

export class StorageConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StorageConfigError';
  }
}

/**
 * Cosmos DB through botbuilder-azure's partitioned storage (the container partitioned on /id). Writes are
 * last-writer-wins there; with several instances prefer blob, which holds a lease per conversation turn.
 */
function cosmosStorage(config: StorageConfig): StateStorage {
  const { COSMOS_DB_ENDPOINT: endpoint, COSMOS_DB_KEY: key } = config;
  if (!endpoint || !key) throw new StorageConfigError('STATE_STORAGE=cosmos needs COSMOS_DB_ENDPOINT and COSMOS_DB_KEY');
  const storage = new CosmosDbPartitionedStorage({
    cosmosDbEndpoint: endpoint,
    authKey: key,
    databaseId: config.COSMOS_DB_DATABASE,
    containerId: config.COSMOS_DB_CONTAINER,
  });
  return Object.assign(storage, { close: async () => undefined });
}

function blobStorage(config: StorageConfig, deps: StorageDeps): StateStorage {
  const connectionString = config.AZURE_STORAGE_CONNECTION_STRING;
  if (!connectionString) throw new StorageConfigError('STATE_STORAGE=blob needs AZURE_STORAGE_CONNECTION_STRING');
  const { storage, turnLock } = createBlobState({ connectionString, container: config.AZURE_STORAGE_CONTAINER, logger: deps.logger });
  return Object.assign(storage, { turnLock, close: async () => undefined });
}

/** One sweep at start and one unref'd timer per process (a storage is made once, at start-up). */
function fileStorage(config: StorageConfig, deps: StorageDeps): StateStorage {
  const ttlMs = config.STATE_TTL_DAYS * DAY_MS;
  const storage = new FileStorage({ dir: config.STATE_DIR, ttlMs, clock: deps.clock, logger: deps.logger });
  const sweep = () =>
    storage.sweep().catch((error: unknown) => {
      deps.logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'state sweep failed');
      return 0;
    });
  const started = sweep();
  const timer = setInterval(() => void sweep(), Math.min(ttlMs, SWEEP_EVERY_MS));
  timer.unref();
  return Object.assign(storage, {
    close: async () => {
      clearInterval(timer);
      await started;
      await storage.flush();
    },
  });
}
