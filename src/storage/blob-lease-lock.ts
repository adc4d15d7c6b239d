import { createHash, randomUUID } from 'node:crypto';
import type { ContainerClient } from '@azure/storage-blob';
import type { Logger } from '../log';
import { LockTimeoutError, type ConversationLock } from './turn-lock';

export interface BlobLeaseLockOptions {
  /** Azure allows 15 to 60 s; a process that dies holding a lease blocks its conversation this long at most. */
  leaseSeconds?: number;
  /** How long a turn waits for another instance's turn of the same conversation. */
  maxWaitMs?: number;
  logger: Logger;
}

const LOCK_PREFIX = 'turn-locks/';

/**
 * A per-conversation Blob lease held for the turn, renewed while the turn runs. The lock blob (empty, named by the
 * key's hash) sits beside the state blobs; a lease that cannot be taken is retried with backoff until maxWaitMs.
 */
export class BlobLeaseLock implements ConversationLock {
  private readonly leaseSeconds: number;
  private readonly maxWaitMs: number;

  constructor(private readonly container: ContainerClient, private readonly options: BlobLeaseLockOptions) {
    this.leaseSeconds = options.leaseSeconds ?? 15;
    this.maxWaitMs = options.maxWaitMs ?? 30_000;
  }

  async hold<T>(conversationKey: string, turn: () => Promise<T>): Promise<T> {
    const blob = this.container.getBlockBlobClient(`${LOCK_PREFIX}${createHash('sha256').update(conversationKey).digest('hex')}`);
    const lease = blob.getBlobLeaseClient(randomUUID());
    await this.acquire(blob, lease);
    // Renewed well before it runs out; a renewal that fails is logged, and the state's eTag catches a lost lease.
    const renewal = setInterval(() => {
      lease.renewLease().catch((error: unknown) => this.options.logger.warn({ err: describe(error) }, 'turn lease renewal failed'));
    }, (this.leaseSeconds * 1000) / 3);
    renewal.unref();
    try {
      return await turn();
    } finally {
      clearInterval(renewal);
      await lease.releaseLease().catch((error: unknown) => this.options.logger.warn({ err: describe(error) }, 'turn lease release failed'));
    }
  }

  private async acquire(blob: ReturnType<ContainerClient['getBlockBlobClient']>, lease: ReturnType<typeof blob.getBlobLeaseClient>): Promise<void> {
    const deadline = Date.now() + this.maxWaitMs;
    for (let attempt = 0; ; attempt++) {
      try {
        await lease.acquireLease(this.leaseSeconds);
        return;
      } catch (error) {
        const status = statusOf(error);
        if (status === 404) await this.createLockBlob(blob);
        else if (status !== 409) throw error; // 409: another instance holds it
        if (Date.now() >= deadline) throw new LockTimeoutError();
        if (status === 409) await sleep(Math.min(25 * 2 ** Math.min(attempt, 4), 400) * (0.5 + Math.random()));
      }
    }
  }

  private async createLockBlob(blob: ReturnType<ContainerClient['getBlockBlobClient']>): Promise<void> {
    try {
      await blob.upload('', 0, { conditions: { ifNoneMatch: '*' } });
    } catch (error) {
      const status = statusOf(error);
      if (status === 404) await this.container.createIfNotExists();
      else if (status !== 409 && status !== 412) throw error; // someone else just made it, or leased it
    }
  }
}

function statusOf(error: unknown): number | undefined {
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' ? status : undefined;
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${statusOf(error) ?? ''}` : String(error);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
