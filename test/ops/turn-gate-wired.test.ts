import { createOrderBot } from '../../src/bot';
import type { TurnGate } from '../../src/bot/turn-gate';
import { createTranslator } from '../../src/i18n';
import { startShop, type Shop } from '../e2e/harness';
import { shown } from '../e2e/steps';

/** Waits, without a timer, until the gate holds that many waiting turns. */
async function untilWaiting(gate: TurnGate, count: number): Promise<void> {
  while (gate.size.waiting < count) await new Promise((resolve) => setImmediate(resolve));
}

describe('the turn gate as npm start configures it (MAX_CONCURRENT_TURNS, MAX_WAITING_TURNS)', () => {
  let shop: Shop;
  let gate: TurnGate | undefined;
  beforeAll(async () => {
    shop = await startShop(
      (deps) => {
        gate = deps.turnGate;
        return createOrderBot(deps);
      },
      { env: { MAX_CONCURRENT_TURNS: '1', MAX_WAITING_TURNS: '1' } },
    );
  });
  afterAll(() => shop.close());

  it('lets a turn wait for a place, refuses one beyond the waiting line with the translated message, and the refused customer goes on', async () => {
    expect(gate?.limit).toBe(1);
    expect(gate?.maxWaiting).toBe(1);
    // The one place is taken (as by a turn waiting on a slow shop) until the test gives it back.
    let freePlace: () => void = () => undefined;
    const occupied = gate!.run(() => new Promise<void>((resolve) => (freePlace = resolve)), async () => undefined);

    const waiting = shop.chat('webchat', 'en').say('macbook');
    await untilWaiting(gate!, 1);
    const refused = shop.chat('webchat', 'de');
    expect(shown(await refused.say('macbook'))).toBe(createTranslator().t('de', 'common.busy'));

    freePlace();
    await occupied;
    expect(shown(await waiting)).toContain('MacBook');
    // Nothing of the refused turn was run or saved: the same message now simply works.
    expect(shown(await refused.say('macbook'))).toContain('MacBook');
    expect(gate!.size).toEqual({ running: 0, waiting: 0 });
  });
});
