import type { Clock } from '../../clock';

export interface TokenBucketOptions {
  /** Requests a client may make at once. */
  capacity: number;
  /** Milliseconds to earn back one request. */
  refillMs: number;
  /** Clients remembered at most; the one unseen the longest is forgotten first. */
  maxClients: number;
  clock: Clock;
}

export type TakeResult = { ok: true } | { ok: false; retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  updatedMs: number;
}

/** A token bucket per client key, in memory and bounded: a Map kept in least-recently-seen order. */
export class TokenBucketLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(private readonly options: TokenBucketOptions) {}

  take(key: string): TakeResult {
    const { capacity, refillMs, clock } = this.options;
    const now = clock.now();
    const bucket = this.buckets.get(key) ?? { tokens: capacity, updatedMs: now };
    const earned = Math.max(0, now - bucket.updatedMs) / refillMs;
    const tokens = Math.min(capacity, bucket.tokens + earned);
    this.remember(key, { tokens: tokens >= 1 ? tokens - 1 : tokens, updatedMs: now });
    if (tokens >= 1) return { ok: true };
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(((1 - tokens) * refillMs) / 1000)) };
  }

  get size(): number {
    return this.buckets.size;
  }

  private remember(key: string, bucket: Bucket): void {
    this.buckets.delete(key);
    if (this.buckets.size >= this.options.maxClients) {
      const oldest = this.buckets.keys().next();
      if (!oldest.done) this.buckets.delete(oldest.value);
    }
    this.buckets.set(key, bucket);
  }
}
