import { Writable } from 'node:stream';
import { startDemoStore } from '../../src/demo-store';
import { conversationLogId, createLogger } from '../../src/log';
import { createSessionFactory } from '../../src/opencart';
import { latenciesWithoutOpenCart, openCartCallCollector } from '../bench/opencart-time';

/** The bench's "p99 less OpenCart": the bot's OpenCart lines, matched to the driver's turns by conversation and time. */
describe('turn latency less the OpenCart time the bot logged', () => {
  const a = conversationLogId('webchat/a');
  const b = conversationLogId('webchat/b');

  it('subtracts each call from the turn of its conversation whose span holds it, and from no other', () => {
    const { take, calls } = openCartCallCollector();
    const line = (conversation: string, time: number, ms: number, msg = 'OpenCart call succeeded') =>
      JSON.stringify({ level: 20, time, conversation, channel: 'webchat', turn: 3, component: 'opencart', route: 'api/cart/add', ms, msg });
    take(line(a, 1_000, 40));
    take(line(a, 1_010, 30, 'OpenCart refused a call'));
    take(line(b, 1_005, 70)); // another conversation at the same time
    take(line(a, 2_000, 25)); // a's next turn
    take('{"level":20,"msg":"turn done","ms":5}');
    take('not JSON at all "OpenCart ');
    const spans = [
      { conversation: a, startedAt: 990, endedAt: 1_012, latencyMs: 100 },
      { conversation: b, startedAt: 995, endedAt: 1_004, latencyMs: 80 }, // its call's line came 1 ms after
      { conversation: a, startedAt: 1_990, endedAt: 2_010, latencyMs: 20 },
      { conversation: a, startedAt: 3_000, endedAt: 3_010, latencyMs: 9 },
    ];
    expect(latenciesWithoutOpenCart(spans, calls)).toEqual([30, 10, 0, 9]);
  });

  it('reads the lines the OpenCart client writes for its calls, with the turn they served', async () => {
    const store = await startDemoStore();
    try {
      const { take, calls } = openCartCallCollector();
      const stream = new Writable({
        write(chunk: Buffer, _encoding, done) {
          chunk.toString('utf8').split('\n').filter(Boolean).forEach(take);
          done();
        },
      });
      const logger = createLogger('debug', stream);
      const sessions = createSessionFactory({ baseUrl: store.url, username: store.username, apiKey: store.apiKey }, { logger });
      const before = Date.now();
      const client = sessions(null, { logFields: { conversation: a, channel: 'webchat', turn: 2 } });
      expect((await client.cartProducts()).ok).toBe(true);
      const own = calls.get(a) ?? [];
      expect(own).toHaveLength(2); // login, then cart/products
      for (const call of own) {
        expect(call.at).toBeGreaterThanOrEqual(before);
        expect(call.ms).toBeGreaterThanOrEqual(0);
      }
      expect(calls.get(b)).toBeUndefined();
    } finally {
      await store.close();
    }
  });
});
