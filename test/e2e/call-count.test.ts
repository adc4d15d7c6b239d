import { createOrderBot } from '../../src/bot';
import type { ChatSession } from '../../src/server/local-channel';
import { startShop, type Shop } from './harness';
import { CANON_TO_BERLIN, play, type Step } from './steps';

/**
 * OpenCart API calls per whole order through the real bot, counted by the demo store by route. The floor for N lines
 * is N+9: login, N x cart/add, customer, payment/address, payment/methods, shipping/address, shipping/methods,
 * shipping/method, cart/products for the totals before confirming, order/add (payment method inline). The cart card
 * shown after each add prices the lines from the storefront (the draft), so it costs no call.
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
    'api/cart/products': 1, // the summary's totals
    'api/order/add': 1,
  };
}

async function addProducts(chat: ChatSession, count: number): Promise<void> {
  for (const name of PRODUCTS.slice(0, count)) {
    // A search whose one product has every word goes straight to the quantity; otherwise its card is chosen.
    const found = await chat.say(name);
    if (found.rendered.buttons.some((button) => /^choose$/i.test(button.label))) await chat.click(/^choose$/i);
    await chat.say('1');
  }
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

  it.each([1, 3, 10])('%i line(s): each route at its floor, N+9 calls in all', async (lines) => {
    const counts = await order(lines);
    expect(counts).toEqual(floor(lines));
    expect(total(counts)).toBe(lines + 9);
  });

  it('session expired after the address: the failed call, a login and the session rebuilt, each once', async () => {
    const afterAddress = CHECKOUT.findIndex((step) => 'say' in step && step.say === '10115') + 1;
    const counts = await order(1, (index) => {
      if (index === afterAddress) shop.store.hooks.expireAllSessions();
    });
    // shipping/method found the session gone; the new one gets the line, customer, both addresses and the quotes again.
    const normal = floor(1);
    const again = ['api/login', 'api/cart/add', 'api/customer', 'api/payment/address', 'api/shipping/address', 'api/shipping/methods', 'api/shipping/method'];
    expect(counts).toEqual({ ...normal, ...Object.fromEntries(again.map((route) => [route, normal[route] + 1])) });
  });

  it('a cart line about to expire (57 min after it was added) is removed and added again, once', async () => {
    const at = (say: string) => CHECKOUT.findIndex((step) => 'say' in step && step.say === say);
    // Each gap stays under the session data's 24 idle minutes, so only the line's own hour runs out.
    const gaps = new Map([[at('+49 30 1234567'), 20], [at('10115'), 20], [at('10115') + 1, 17]]);
    const counts = await order(1, (index) => shop.clock.advance((gaps.get(index) ?? 0) * MINUTE));
    // cart/products once more for the line's cart_id (nothing read it before the summary), then remove and add; the
    // changed cart drops the shipping quotes in OpenCart, so they are quoted once more.
    expect(counts).toEqual({ ...floor(1), 'api/cart/products': 2, 'api/cart/add': 2, 'api/cart/remove': 1, 'api/shipping/methods': 2 });
  });
});
