import { conversationAllows, emptyAttemptLog, ORDERS_TRACKED, OrderProbeLimiter, recordConversationAttempt } from '../../src/domain/aftersales/attempts';

const policy = { limit: 5, windowMs: 60 * 60 * 1000 };

describe('lookup attempts', () => {
  it('allows five an hour per conversation, and keeps its log bounded', () => {
    const log = emptyAttemptLog();
    for (let i = 0; i < 5; i++) {
      expect(conversationAllows(log, 100 + i, 1000 + i, policy)).toBe(true);
      recordConversationAttempt(log, 100 + i, 1000 + i, policy);
    }
    expect(conversationAllows(log, 999, 2000, policy)).toBe(false);
    expect(conversationAllows(log, 999, 1000 + policy.windowMs + 10, policy)).toBe(true);
    for (let i = 0; i < 100; i++) recordConversationAttempt(log, i, 10_000_000 + i * policy.windowMs, policy);
    expect(log.times.length).toBeLessThanOrEqual(policy.limit);
    expect(log.byOrder.length).toBeLessThanOrEqual(ORDERS_TRACKED);
  });

  it('limits each order number across conversations in a bounded LRU', () => {
    const probes = new OrderProbeLimiter(policy, 3);
    for (let i = 0; i < 5; i++) probes.record(7, i);
    expect(probes.allows(7, 10)).toBe(false);
    expect(probes.allows(8, 10)).toBe(true);
    for (const id of [1, 2, 3]) probes.record(id, 20);
    expect(probes.size).toBe(3);
    expect(probes.allows(7, 30)).toBe(true); // the least recently tried was dropped
  });
});
