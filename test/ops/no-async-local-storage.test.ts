import { createStorefrontCatalog } from '../../src/catalog';
import { ManualClock } from '../../src/clock';
import { createCheckoutService } from '../../src/domain/checkout';
import { startDemoStore, type DemoStoreHandle } from '../../src/demo-store';
import { createSessionFactory } from '../../src/opencart';
import { botUnderTest, shown } from '../dialogs/harness';
import { countAsyncLocalStorages } from './async-local-storage';

/**
 * The bot makes no AsyncLocalStorage, neither when its modules load nor in a turn: on Node 20 and 22 one that has run
 * makes every promise of the process pay for a hook, about a quarter of the bot's CPU (BENCHMARKS.md, 2026-12-03).
 * The turn's log fields and the OpenCart queue's nesting are passed explicitly instead (src/log.ts, queue.ts).
 */
describe('no AsyncLocalStorage in the bot', () => {
  let store: DemoStoreHandle;
  let counter: ReturnType<typeof countAsyncLocalStorages>;
  beforeAll(async () => {
    counter = countAsyncLocalStorages();
    store = await startDemoStore();
  });
  afterAll(async () => {
    counter.restore();
    await store.close();
  });

  it('none is made when the whole app is loaded afresh', () => {
    const before = counter.made();
    jest.isolateModules(() => {
      require('../../src/server/app');
      require('../../src/bot');
      require('../../src/webchat/site');
    });
    expect(counter.made() - before).toBe(0);
  });

  it('none is made by turns that search, add to the cart and meet an expired OpenCart session', async () => {
    const before = counter.made();
    store.hooks.setStock(30, 100);
    store.hooks.setOptionStock(15, 100);
    const clock = new ManualClock();
    const sessions = createSessionFactory({ baseUrl: store.url, username: store.username, apiKey: store.apiKey }, { clock });
    const bot = botUnderTest('webchat', {
      catalog: createStorefrontCatalog({ baseUrl: store.url, clock }),
      checkout: createCheckoutService({ sessions, clock }),
      clock,
    });
    await bot.say('canon eos');
    await bot.press(/^Red/);
    expect(shown(await bot.say('2'))).toMatch(/Added 2 × Canon EOS 5D/);
    store.hooks.expireAllSessions();
    await bot.press(/^Checkout$/);
    for (const answer of ['Jane', 'Doe', 'jane@example.com']) await bot.say(answer);
    expect(shown(await bot.say('+49 30 1234567'))).toContain('postcode and country');
    expect(counter.made() - before).toBe(0);
  });
});
