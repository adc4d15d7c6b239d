import { ManualClock } from '../../src/clock';
import { TokenBucketLimiter } from '../../src/server/webchat-token';

function limiter(capacity: number, maxClients = 100) {
  const clock = new ManualClock();
  return { clock, limiter: new TokenBucketLimiter({ capacity, refillMs: 1000, maxClients, clock }) };
}

describe('TokenBucketLimiter', () => {
  it('lets a burst through, then refuses with the seconds until the next token', () => {
    const { limiter: bucket } = limiter(2);
    expect([bucket.take('a'), bucket.take('a'), bucket.take('a')]).toEqual([
      { ok: true },
      { ok: true },
      { ok: false, retryAfterSeconds: 1 },
    ]);
  });

  it('earns tokens back with time, never more than the capacity', () => {
    const { limiter: bucket, clock } = limiter(2);
    bucket.take('a');
    bucket.take('a');
    clock.advance(60_000);
    expect([bucket.take('a').ok, bucket.take('a').ok, bucket.take('a').ok]).toEqual([true, true, false]);
  });

  it('keeps clients apart', () => {
    const { limiter: bucket } = limiter(1);
    expect(bucket.take('a').ok).toBe(true);
    expect(bucket.take('b').ok).toBe(true);
    expect(bucket.take('a').ok).toBe(false);
  });

  it('remembers at most maxClients, forgetting the one unseen the longest', () => {
    const { limiter: bucket } = limiter(1, 3);
    for (const key of ['a', 'b', 'c']) bucket.take(key);
    bucket.take('a');
    bucket.take('d');
    expect(bucket.size).toBe(3);
    expect(bucket.take('a').ok).toBe(false);
    expect(bucket.take('b').ok).toBe(true);
  });

  it('stays bounded under many distinct clients', () => {
    const { limiter: bucket } = limiter(1, 1000);
    for (let i = 0; i < 50_000; i += 1) bucket.take(`client-${i}`);
    expect(bucket.size).toBe(1000);
  });
});
