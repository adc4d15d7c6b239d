import { ManualClock } from '../../src/clock';
import { ConversationRateLimit } from '../../src/bot/rate-limit';

const takeN = (limit: ConversationRateLimit, key: string, n: number) => Array.from({ length: n }, () => limit.take(key));

describe('ConversationRateLimit (20 turns a minute, burst 10)', () => {
  const make = (clock = new ManualClock(), maxConversations = 100) => ({
    clock,
    limit: new ConversationRateLimit({ turnsPerMinute: 20, burst: 10, maxConversations, clock }),
  });

  it('lets a burst of 10 through at once, then refuses', () => {
    const { limit } = make();
    expect(takeN(limit, 'a', 10)).toEqual(Array(10).fill(true));
    expect(takeN(limit, 'a', 5)).toEqual(Array(5).fill(false));
  });

  it('earns one turn back every 3 seconds, never more than the burst', () => {
    const { limit, clock } = make();
    takeN(limit, 'a', 10);
    clock.advance(2_999);
    expect(limit.take('a')).toBe(false);
    clock.advance(1);
    expect(limit.take('a')).toBe(true);
    expect(limit.take('a')).toBe(false);
    clock.advance(60 * 60_000);
    expect(takeN(limit, 'a', 11)).toEqual([...Array(10).fill(true), false]);
  });

  it('holds 20 turns a minute when spread out', () => {
    const { limit, clock } = make();
    takeN(limit, 'a', 10);
    const allowed = Array.from({ length: 60 }, () => {
      clock.advance(1_000);
      return limit.take('a');
    }).filter(Boolean).length;
    expect(allowed).toBe(20);
  });

  it('a refused turn costs nothing: waiting is enough', () => {
    const { limit, clock } = make();
    takeN(limit, 'a', 10);
    for (let i = 0; i < 100; i++) expect(limit.take('a')).toBe(false);
    clock.advance(3_000);
    expect(limit.take('a')).toBe(true);
  });

  it('keeps conversations apart', () => {
    const { limit } = make();
    takeN(limit, 'a', 10);
    expect(limit.take('a')).toBe(false);
    expect(takeN(limit, 'b', 10)).toEqual(Array(10).fill(true));
  });

  it('remembers at most maxConversations, forgetting the one unseen the longest', () => {
    const { limit } = make(new ManualClock(), 3);
    for (const key of ['a', 'b', 'c']) takeN(limit, key, 10);
    limit.take('a'); // a is now the most recently seen
    takeN(limit, 'd', 10); // forgets b
    expect(limit.size).toBe(3);
    expect(limit.take('a')).toBe(false);
    expect(limit.take('c')).toBe(false);
    expect(limit.take('b')).toBe(true); // forgotten: starts full again (and forgets d)
    for (let i = 0; i < 1000; i++) limit.take(`flood-${i}`);
    expect(limit.size).toBe(3);
  });

  it('a clock going backwards earns nothing', () => {
    const { limit, clock } = make();
    takeN(limit, 'a', 10);
    clock.advance(-60_000);
    expect(limit.take('a')).toBe(false);
  });

  it('refuses nonsense settings', () => {
    const clock = new ManualClock();
    expect(() => new ConversationRateLimit({ turnsPerMinute: 0, clock })).toThrow(RangeError);
    expect(() => new ConversationRateLimit({ burst: 0.5, clock })).toThrow(RangeError);
  });
});
