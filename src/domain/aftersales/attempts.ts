import { z } from 'zod';

/**
 * Limits on looking up orders that were not placed in this conversation, so order numbers cannot be probed with
 * guessed emails: per conversation (kept in its state, bounded), per order number within the conversation, and per
 * order number across conversations (a small process-wide LRU). Times come from the injected clock.
 */

export interface AttemptPolicy {
  /** Lookups allowed per window, for the conversation and for each order number. */
  limit: number;
  windowMs: number;
}

export const DEFAULT_ATTEMPT_POLICY: AttemptPolicy = { limit: 5, windowMs: 60 * 60 * 1000 };

/** Order numbers whose attempts a conversation keeps (the least recently tried is dropped first). */
export const ORDERS_TRACKED = 10;
/** Order numbers the process keeps attempts for. */
export const PROCESS_ORDERS_TRACKED = 1000;

const timesSchema = z.array(z.number()).max(100).catch([]);

/** A conversation's lookups: plain JSON in conversation state, validated on load. */
export const attemptLogSchema = z.object({
  times: timesSchema.default([]),
  byOrder: z
    .array(z.object({ orderId: z.number().int(), times: timesSchema }))
    .max(ORDERS_TRACKED * 2)
    .catch([])
    .default([]),
});
export type AttemptLog = z.infer<typeof attemptLogSchema>;

export function emptyAttemptLog(): AttemptLog {
  return { times: [], byOrder: [] };
}

/** The times still inside the window, at most `limit` of them (older ones can never matter again). */
function recent(times: number[], now: number, policy: AttemptPolicy): number[] {
  return times.filter((t) => t > now - policy.windowMs && t <= now).slice(-policy.limit);
}

function underLimit(times: number[] | undefined, now: number, policy: AttemptPolicy): boolean {
  return recent(times ?? [], now, policy).length < policy.limit;
}

/** Whether this conversation may look up `orderId` now. */
export function conversationAllows(log: AttemptLog, orderId: number, now: number, policy: AttemptPolicy): boolean {
  const order = log.byOrder.find((o) => o.orderId === orderId);
  return underLimit(log.times, now, policy) && underLimit(order?.times, now, policy);
}

/** Counts one lookup of `orderId`; the log stays bounded (ORDERS_TRACKED order numbers, `limit` times each). */
export function recordConversationAttempt(log: AttemptLog, orderId: number, now: number, policy: AttemptPolicy): void {
  log.times = recent([...log.times, now], now, policy);
  const previous = log.byOrder.find((o) => o.orderId === orderId);
  const others = log.byOrder
    .filter((o) => o.orderId !== orderId)
    .map((o) => ({ orderId: o.orderId, times: recent(o.times, now, policy) }))
    .filter((o) => o.times.length > 0);
  const entry = { orderId, times: recent([...(previous?.times ?? []), now], now, policy) };
  log.byOrder = [...others, entry].slice(-ORDERS_TRACKED);
}

/** Lookups per order number across every conversation of this process: a bounded LRU of recent times. */
export class OrderProbeLimiter {
  private readonly byOrder = new Map<number, number[]>();

  constructor(
    private readonly policy: AttemptPolicy = DEFAULT_ATTEMPT_POLICY,
    private readonly capacity = PROCESS_ORDERS_TRACKED,
  ) {}

  allows(orderId: number, now: number): boolean {
    return underLimit(this.byOrder.get(orderId), now, this.policy);
  }

  record(orderId: number, now: number): void {
    const times = recent([...(this.byOrder.get(orderId) ?? []), now], now, this.policy);
    this.byOrder.delete(orderId); // re-inserted last: the most recently used
    this.byOrder.set(orderId, times);
    while (this.byOrder.size > this.capacity) {
      const oldest = this.byOrder.keys().next().value;
      if (oldest === undefined) break;
      this.byOrder.delete(oldest);
    }
  }

  /** Order numbers tracked now (for tests of the bound). */
  get size(): number {
    return this.byOrder.size;
  }
}
