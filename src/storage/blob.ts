import { ContainerClient } from '@azure/storage-blob';
import { BlobsStorage } from 'botbuilder-azure-blobs';
import { sanitizeBlobKey } from 'botbuilder-azure-blobs/lib/sanitizeBlobKey';
import type { Logger } from '../log';
import { BlobLeaseLock } from './blob-lease-lock';
import { ETagGuardStorage } from './etag-guard';
import type { ConversationLock } from './turn-lock';

export interface BlobStateOptions {
  connectionString: string;
  container: string;
  logger: Logger;
}

/** Conversation state keys (botbuilder's ConversationState): `<channel>/conversations/<id>/`. */
const isConversationKey = (key: string) => key.split('/')[1] === 'conversations';

/**
 * State in Azure Blob Storage, shared by several instances: botbuilder-azure-blobs' BlobsStorage for the items,
 * conversation writes made conditional on the eTag read at the turn's start, and a per-conversation Blob lease
 * held for each turn.
 */
export function createBlobState(options: BlobStateOptions): { storage: ETagGuardStorage; turnLock: ConversationLock } {
  const blobs = new BlobsStorage(options.connectionString, options.container);
  const container = new ContainerClient(options.connectionString, options.container);
  const currentETag = async (key: string) => {
    const properties = await container.getBlobClient(sanitizeBlobKey(key)).getProperties();
    return properties.etag ?? null;
  };
  return {
    storage: new ETagGuardStorage(blobs, currentETag, isConversationKey),
    turnLock: new BlobLeaseLock(container, { logger: options.logger }),
  };
}
