import { createOrderBot } from '../../src/bot';
import type { ChatSession } from '../../src/server/local-channel';
import { startShop, type Shop } from './harness';
import { CANON_TO_BERLIN, play, type Step } from './steps';

/**
 * OpenCart API calls per whole order through the real bot, counted by the demo store by route. The floor for N lines
 * is N+9: login, N x cart/add, customer, payment/address, payment/methods, shipping/address, shipping/methods,
 * shipping/method, cart/products for the totals before confirming, order/add (payment method inline). The bot also
 * shows the cart card with OpenCart's prices after each add, which costs one cart/products per card shown.
 */
const PRODUCTS = ['htc touch hd', 'palm treo pro', 'nikon d300', 'samsung syncmaster', 'iphone', 'imac', 'macbook air', 'sony vaio', 'ipod classic', 'ipod shuffle'];
/** From the cart card's "checkout" to the placed order (Berlin, same address, flat rate, cash on delivery, no code). */
const CHECKOUT = CANON_TO_BERLIN.slice(CANON_TO_BERLIN.findIndex((step) => 'click' in step && step.click.test('checkout')));
const MINUTE = 60_000;

function floor(lines: number): Record<string, number> {
  return {
    'api/login': 1,
    'api/cart/add': lines,
    'api/customer': 1,
    'api/payment/address': 1,
    'api/payment/methods': 1,
    'api/shipping/address': 1,
    'api/shipping/methods': 1,
    'api/shipping/method': 1,
    'api/cart/products': 1 + lines, // the summary's totals, plus the cart card shown after each add
    'api/order/add': 1,
  };
}

async function addProducts(chat: ChatSession, count: number): Promise<void> {
  for (const name of PRODUCTS.slice(0, count)) await play(chat, [{ say: name }, { click: /^choose$/i }, { say: '1' }]);
}

/** Plays the checkout, turning `before(step index)` first (to move the clock or break the session). */
async function checkout(chat: ChatSession, before: (index: number) => void = () => undefined): Promise<void> {
  for (const [index, step] of CHECKOUT.entries()) {
    before(index);
    await play(chat, [step as Step]);
  }
}

const total = (counts: Record<string, number>) => Object.values(counts).reduce((sum, n) => sum + n, 0);

describe('OpenCart calls per whole order through the bot', () => {
  let shop: Shop;
  beforeAll(async () => {
    shop = await startShop(createOrderBot);
    for (const id of [28, 29, 31, 33, 40, 41, 44, 46, 48, 34]) shop.store.hooks.setStock(id, 100_000);
  });
  afterAll(() => shop.close());

  async function order(lines: number, before?: (index: number) => void): Promise<Record<string, number>> {
    const chat = shop.chat('webchat', 'en');
    await chat.start();
    const ordersBefore = shop.store.hooks.orders().length;
    shop.store.hooks.resetCallCounts();
    await addProducts(chat, lines);
    await checkout(chat, before);
    const orders = shop.store.hooks.orders();
    expect(orders).toHaveLength(ordersBefore + 1);
    expect(orders[orders.length - 1].products).toHaveLength(lines);
    return shop.store.hooks.callCounts();
  }

  it.each([1, 3, 10])('%i line(s): each route at its floor, N+9 calls besides the cart cards', async (lines) => {
    const counts = await order(lines);
    expect(counts).toEqual(floor(lines));
    expect(total(counts) - lines).toBeLessThanOrEqual(lines + 9);
  });

  it('session expired after the address: logged in again and rebuilt, each extra call once', async () => {
    const afterAddress = CHECKOUT.findIndex((step) => 'say' in step && step.say === '10115') + 1;
    const counts = await order(1, (index) => {
      if (index === afterAddress) shop.store.hooks.expireAllSessions();
    });
    const normal = floor(1);
    for (const route of new Set([...Object.keys(counts), ...Object.keys(normal)])) {
      const extra = (counts[route] ?? 0) - (normal[route] ?? 0);
      expect({ route, extraAtMostOnce: extra <= 1 }).toEqual({ route, extraAtMostOnce: true });
    }
    expect(counts['api/login']).toBe(2);
  });

  it('a cart line about to expire (57 min after it was added) is added again once, without reading the cart first', async () => {
    const at = (say: string) => CHECKOUT.findIndex((step) => 'say' in step && step.say === say);
    // Each gap stays under the session data's 24 idle minutes, so only the line's own hour runs out.
    const gaps = new Map([[at('+49 30 1234567'), 20], [at('10115'), 20], [at('10115') + 1, 17]]);
    const counts = await order(1, (index) => shop.clock.advance((gaps.get(index) ?? 0) * MINUTE));
    expect(counts).toEqual({ ...floor(1), 'api/cart/add': 2, 'api/cart/remove': 1 });
  });
});
