import type { Clock } from '../clock';

export interface ConversationRateLimitOptions {
  /** Turns a conversation earns back per minute. */
  turnsPerMinute: number;
  /** Turns a conversation may take at once, on top of nothing earned. */
  burst: number;
  /** Conversations remembered at most; the one unseen the longest is forgotten first (its next turn starts full). */
  maxConversations: number;
  clock: Clock;
}

export const DEFAULT_TURN_RATE: Omit<ConversationRateLimitOptions, 'clock'> = { turnsPerMinute: 20, burst: 10, maxConversations: 10_000 };

interface Bucket {
  tokens: number;
  updatedMs: number;
}

/**
 * A token bucket per conversation for the turns that call OpenCart: pure, in memory, bounded (a Map kept in
 * least-recently-seen order). A refused turn costs nothing, so a customer who waits is let through again.
 */
export class ConversationRateLimit {
  private readonly buckets = new Map<string, Bucket>();
  private readonly options: ConversationRateLimitOptions;

  constructor(options: Partial<ConversationRateLimitOptions> & { clock: Clock }) {
    this.options = { ...DEFAULT_TURN_RATE, ...options };
    const { turnsPerMinute, burst, maxConversations } = this.options;
    if (!(turnsPerMinute > 0) || !(burst >= 1) || !(maxConversations >= 1)) throw new RangeError('rate limit: turnsPerMinute > 0, burst >= 1, maxConversations >= 1');
  }

  /** Takes one turn for this conversation; false when it has none left (the turn must then not call OpenCart). */
  take(conversationKey: string): boolean {
    const { burst, turnsPerMinute, clock } = this.options;
    const now = clock.now();
    const bucket = this.buckets.get(conversationKey) ?? { tokens: burst, updatedMs: now };
    const earned = (Math.max(0, now - bucket.updatedMs) * turnsPerMinute) / 60_000;
    const tokens = Math.min(burst, bucket.tokens + earned);
    const allowed = tokens >= 1;
    this.remember(conversationKey, { tokens: allowed ? tokens - 1 : tokens, updatedMs: now });
    return allowed;
  }

  /** Conversations remembered now (never more than maxConversations). */
  get size(): number {
    return this.buckets.size;
  }

  private remember(key: string, bucket: Bucket): void {
    this.buckets.delete(key);
    if (this.buckets.size >= this.options.maxConversations) {
      const oldest = this.buckets.keys().next();
      if (!oldest.done) this.buckets.delete(oldest.value);
    }
    this.buckets.set(key, bucket);
  }
}
