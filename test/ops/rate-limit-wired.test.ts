import { createOrderBot } from '../../src/bot';
import { createTranslator } from '../../src/i18n';
import { startShop, type Shop } from '../e2e/harness';
import { shown } from '../e2e/steps';

describe('the turn rate limit as npm start configures it', () => {
  let shop: Shop;
  beforeAll(async () => {
    shop = await startShop(createOrderBot, { env: { TURN_RATE_LIMIT: '6', TURN_RATE_BURST: '3' } });
  });
  afterAll(() => shop.close());

  it('answers a burst over TURN_RATE_BURST with the translated slow-down message, and goes on once refilled', async () => {
    const chat = shop.chat('webchat', 'de');
    const slowDown = createTranslator().t('de', 'common.slowDown');
    const answers: string[] = [];
    for (let i = 0; i < 4; i += 1) answers.push(shown(await chat.say('macbook')));
    expect(answers.slice(0, 3).every((a) => a !== slowDown)).toBe(true);
    expect(answers[3]).toBe(slowDown);
    shop.clock.advance(10_000); // 6 a minute: one more turn every 10 s
    expect(shown(await chat.say('macbook'))).toContain('MacBook');
  });
});
