import { ActivityHandler } from 'botbuilder';
import type { BotDeps } from '../../src/server';
import { startShop, type Shop } from './harness';

/** A bot that only proves what startBotApp hands it is live: the catalog reads the demo store's storefront. */
function catalogProbeBot(deps: BotDeps): ActivityHandler {
  const bot = new ActivityHandler();
  bot.onMessage(async (context, next) => {
    const found = await deps.catalog.findProducts(context.activity.text ?? '');
    await context.sendActivity(found.products.map((p) => `${p.productId} ${p.name}`).join('\n') || 'nothing');
    await next();
  });
  return bot;
}

describe('the bot app composed as npm start does it', () => {
  let shop: Shop;
  beforeAll(async () => {
    shop = await startShop(catalogProbeBot, { checkStore: true });
  });
  afterAll(() => shop.close());

  it('logs in to the store at start-up', () => {
    expect(shop.app.storeAccess).toBe('ok');
  });

  it.each(['webchat', 'msteams', 'telegram'] as const)('reaches the store catalog in a %s turn', async (channel) => {
    const turn = await shop.chat(channel, 'en').say('iphone');
    expect(turn.rendered.lines.join('\n')).toContain('40 iPhone');
  });

  it('answers /healthz', async () => {
    expect((await fetch(`${shop.app.server.url}/healthz`)).status).toBe(200);
  });
});

describe('start-up with a wrong API key', () => {
  it('reports the bad key instead of failing later', async () => {
    const shop = await startShop(catalogProbeBot, { checkStore: true, apiKey: 'wrong' });
    try {
      expect(shop.app.storeAccess).toBe('bad-key');
    } finally {
      await shop.close();
    }
  });
});
