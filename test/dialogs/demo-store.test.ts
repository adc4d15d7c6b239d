import { createStorefrontCatalog } from '../../src/catalog';
import { ManualClock } from '../../src/clock';
import { createCheckoutService } from '../../src/domain/checkout';
import { startDemoStore, type DemoStoreHandle } from '../../src/demo-store';
import { createSessionFactory } from '../../src/opencart';
import { botUnderTest, shown, type BotUnderTest, type ChannelId } from './harness';

/** The dialogs against the real catalog and checkout, talking HTTP to the embedded demo store. */
describe('dialogs with the real catalog and checkout on the demo store', () => {
  let store: DemoStoreHandle;
  beforeAll(async () => {
    store = await startDemoStore();
  });
  afterAll(() => store.close());

  function realBot(channelId: ChannelId): BotUnderTest {
    const clock = new ManualClock();
    const sessions = createSessionFactory({ baseUrl: store.url, username: store.username, apiKey: store.apiKey }, { clock, maxRetries: 0 });
    return botUnderTest(channelId, {
      catalog: createStorefrontCatalog({ baseUrl: store.url, clock }),
      checkout: createCheckoutService({ sessions, clock }),
    });
  }

  async function pressOrSay(bot: BotUnderTest, step: string | RegExp): Promise<string> {
    return shown(typeof step === 'string' ? await bot.say(step) : await bot.press(step));
  }

  it.each<ChannelId>(['webchat', 'telegram'])('places an order on %s, surviving an expired session and a store outage', async (channelId) => {
    store.hooks.setStock(30, 100);
    store.hooks.setOptionStock(15, 100);
    const before = store.hooks.orders().length;
    const bot = realBot(channelId);
    // The only product matching both words goes straight on to its options.
    expect(await pressOrSay(bot, 'canon eos')).toMatch(/Canon EOS 5D[\s\S]*Red/);
    expect(await pressOrSay(bot, /^Red/)).toMatch(/How many Canon EOS 5D/);
    expect(await pressOrSay(bot, '2')).toMatch(/Added 2 × Canon EOS 5D[\s\S]*Your cart/);
    await pressOrSay(bot, /^Checkout$/);
    for (const answer of ['Jane', 'Doe', 'jane@example.com']) await pressOrSay(bot, answer);
    store.hooks.expireAllSessions();
    expect(await pressOrSay(bot, '+49 30 1234567')).toContain('postcode and country');
    expect(await pressOrSay(bot, 'Germany')).toContain('Which region or state in Germany?');
    expect(await pressOrSay(bot, 'Berlin')).toContain('Which city?');
    await pressOrSay(bot, 'Berlin');
    await pressOrSay(bot, 'Hauptstr. 1');
    store.hooks.failNextRequests(5);
    expect(await pressOrSay(bot, '10115')).toContain('the shop is not reachable');
    store.hooks.failNextRequests(0);
    // Delivery to the billing address and no code are the defaults: the summary offers to change them.
    expect(await pressOrSay(bot, '10115')).toMatch(/How shall we ship it\?[\s\S]*Flat Shipping Rate/);
    expect(await pressOrSay(bot, /^Flat Shipping Rate/)).toMatch(/Cash On Delivery/);
    const summary = await pressOrSay(bot, /^Cash On Delivery/);
    expect(summary).toMatch(/Add a coupon or gift voucher/);
    expect(summary).toMatch(/2 × Canon EOS 5D/);
    expect(summary).toMatch(/Hauptstr\. 1, 10115 Berlin, Berlin, Germany/);
    const summaryReplies = bot.last;
    expect(await pressOrSay(bot, /^Place order$/)).toMatch(/Your order number is \d+/);
    expect(shown(await bot.press(/^Place order$/, summaryReplies))).toMatch(/has already been placed/);
    const orders = store.hooks.orders();
    expect(orders).toHaveLength(before + 1);
    expect(orders.at(-1)!.products[0]).toMatchObject({ productId: 30, quantity: 2 });
  });
  it('puts "I need 2 red Canon cameras" (the greeting\'s own example) in the cart in one answer', async () => {
    store.hooks.setStock(30, 100);
    store.hooks.setOptionStock(15, 100);
    const bot = realBot('webchat');
    // "cameras" names the Cameras category, which lists the Canon: nothing to choose, the red option named.
    const answer = await pressOrSay(bot, 'I need 2 red Canon cameras');
    expect(answer).toMatch(/Added 2 × Canon EOS 5D[\s\S]*Your cart[\s\S]*Select: Red/);
    // Without an option named, "canon cameras" still names the product: its option is asked.
    const plain = realBot('webchat');
    expect(await pressOrSay(plain, 'canon cameras')).toMatch(/Canon EOS 5D[\s\S]*Red[\s\S]*Blue/);
    // The one Sony is a laptop: found for "sony", offered to choose, not taken.
    expect(await pressOrSay(realBot('webchat'), 'sony cameras')).toMatch(/I found 1 product for "sony"[\s\S]*Choose/);
  });

  it('takes every product of "2 red Canon cameras and an iphone", one after the other, then shows the cart', async () => {
    store.hooks.setStock(30, 100);
    store.hooks.setOptionStock(15, 100);
    const bot = realBot('webchat');
    const first = await pressOrSay(bot, 'I need 2 red Canon cameras and an iphone');
    expect(first).toMatch(/Added 2 × Canon EOS 5D to your cart\.[\s\S]*I found 1 product for "iphone"/);
    expect(first).not.toContain('Your cart');
    expect(await pressOrSay(bot, /^Choose$/)).toContain('How many iPhone would you like?');
    const cart = await pressOrSay(bot, '1');
    expect(cart).toMatch(/Added 1 × iPhone to your cart\.[\s\S]*Your cart[\s\S]*Canon EOS 5D[\s\S]*iPhone/);
    // Nothing found for one of them: said, and on with the next.
    const unicorn = await pressOrSay(realBot('webchat'), 'a unicorn saddle and a nikon');
    expect(unicorn).toMatch(/I found nothing for "unicorn saddle"[\s\S]*Nikon D300/);
  });

  it.each<ChannelId>(['webchat', 'msteams', 'telegram'])('on %s takes "Kaliningrad, Russia" in one answer, and orders to a country without regions with zone 0', async (channelId) => {
    store.hooks.setStock(30, 100);
    store.hooks.setOptionStock(15, 100);
    const bot = realBot(channelId);
    await pressOrSay(bot, 'canon eos');
    await pressOrSay(bot, /^Red/);
    await pressOrSay(bot, '1');
    await pressOrSay(bot, /^Checkout$/);
    for (const answer of ['Jane', 'Doe', 'jane@example.com', '+49 30 1234567']) await pressOrSay(bot, answer);
    // Kaliningrad names its region and is kept as the city.
    expect(await pressOrSay(bot, 'Kaliningrad, Russia')).toContain('Street and house number?');
    expect(await pressOrSay(bot, 'Leninsky 1')).toContain('How shall we ship it?');
    await pressOrSay(bot, /^Flat Shipping Rate/);
    await pressOrSay(bot, /^Cash On Delivery/);
    expect(await pressOrSay(bot, /^Deliver elsewhere$/)).toContain('postcode and country');
    const france = await pressOrSay(bot, 'France');
    expect(france).toContain('Which city?');
    expect(france).not.toContain('region');
    for (const answer of ['Paris', 'Rue de Rivoli 1']) await pressOrSay(bot, answer);
    // A new delivery address may change the shipping rates: asked again, then back to the summary.
    expect(await pressOrSay(bot, '75001')).toContain('How shall we ship it?');
    const summary = await pressOrSay(bot, /^Flat Shipping Rate/);
    // OpenCart's own spelling of the zone; countries by their ISO codes (its only France is "France, Metropolitan", FX).
    expect(summary).toContain('Jane Doe, Leninsky 1, Kaliningrad, Kalinigrad, Russia');
    expect(summary).toContain('Jane Doe, Rue de Rivoli 1, 75001 Paris, France');
    expect(summary).not.toContain('Russian Federation');
    expect(await pressOrSay(bot, /^Place order$/)).toMatch(/Your order number is \d+/);
    expect(store.hooks.orders().at(-1)!.info).toMatchObject({ payment_zone: 'Kalinigrad', shipping_country: 'France, Metropolitan', shipping_zone_id: '0' });
  });
});
