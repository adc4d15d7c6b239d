import { createOrderBot } from '../../src/bot';
import { createTranslator } from '../../src/i18n';
import type { DemoOrderRecord } from '../../src/demo-store';
import type { ChatSession, LocalChannelId } from '../../src/server/local-channel';
import { startShop, type Shop } from './harness';
import { AFTER_ADDRESS, CANON_TO_BERLIN, GERMAN_ORDER_TO_MUNICH, play, restock, shown, stepTurn, type Step } from './steps';

/** Far more failed API calls than the client retries: the shop stays down until the test brings it back. */
const DOWN_FOR_GOOD = 1000;

/**
 * Order numbers differ between runs; everything else the customer sees must not. The number appears only in
 * the last answer, as a word of its own ("... is 7.", "— 7."), never inside a price or a button number.
 */
function withoutOrderNumbers(transcript: string[], orderId: number): string[] {
  const number = new RegExp(`(?<=\\s)${orderId}(?=[.\\s]|$)`, 'g');
  return transcript.map((text, i) => (i === transcript.length - 1 ? text.replace(number, '<order>') : text));
}

/** A conversation that opens and runs the whole script without trouble: what the customer should see. */
async function undisturbedRun(shop: Shop, channel: LocalChannelId, locale: string, steps: Step[]): Promise<string[]> {
  const chat = shop.chat(channel, locale);
  await chat.start();
  const transcript = await play(chat, steps);
  return withoutOrderNumbers(transcript, lastOrder(shop).orderId);
}

function lastOrder(shop: Shop): DemoOrderRecord {
  const order = shop.store.hooks.orders().at(-1);
  if (!order) throw new Error('the demo store holds no order');
  return order;
}

const CANON_RED_TIMES_TWO = [
  expect.objectContaining({
    productId: 30,
    name: 'Canon EOS 5D',
    quantity: 2,
    options: [expect.objectContaining({ productOptionId: 226, productOptionValueId: 15, value: 'Red' })],
  }),
];

describe('the OpenCart session dies mid-checkout', () => {
  let shop: Shop;
  beforeAll(async () => {
    shop = await startShop(createOrderBot);
  });
  afterAll(() => shop.close());

  it('after the address and again before placing: the order completes and nothing is asked again', async () => {
    restock(shop.store);
    const expected = await undisturbedRun(shop, 'webchat', 'en', CANON_TO_BERLIN);
    const ordersBefore = shop.store.hooks.orders().length;

    const chat = shop.chat('webchat', 'en');
    await chat.start();
    const transcript = await play(chat, CANON_TO_BERLIN.slice(0, AFTER_ADDRESS));
    shop.store.hooks.expireAllSessions();
    transcript.push(...(await play(chat, CANON_TO_BERLIN.slice(AFTER_ADDRESS, -1))));
    shop.store.hooks.expireAllSessions();
    transcript.push(...(await play(chat, CANON_TO_BERLIN.slice(-1))));

    expect(shop.store.hooks.orders()).toHaveLength(ordersBefore + 1);
    const order = lastOrder(shop);
    expect(withoutOrderNumbers(transcript, order.orderId)).toEqual(expected);
    expect(transcript.at(-1)).toContain(`Your order number is ${order.orderId}.`);
    expect(order.products).toEqual(CANON_RED_TIMES_TWO);
    expect(order.info).toMatchObject({
      firstname: 'Jane',
      email: 'jane@example.com',
      payment_country_id: '81',
      payment_zone_id: '1256',
      shipping_country_id: '81',
      shipping_zone_id: '1256',
      shipping_address_1: 'Hauptstr. 1',
      shipping_code: 'flat.flat',
      payment_code: 'cod',
      total: '165.0000',
    });
  });
});

describe('the shop goes down mid-conversation', () => {
  let shop: Shop;
  const translator = createTranslator();
  beforeAll(async () => {
    shop = await startShop(createOrderBot);
  });
  afterAll(() => shop.close());
  afterEach(() => shop.store.hooks.failNextRequests(0));

  /**
   * Sends the step's answer while the shop is down, checks the customer was told in their language, then
   * sends the same answer again once it is back and returns what that showed.
   */
  async function throughOutage(chat: ChatSession, step: Step, locale: string, whileDown: () => void): Promise<string> {
    // A click again is on the button of the earlier card: the outage answer has none.
    const button = 'click' in step ? chat.findButton(step.click) : null;
    const answer = () => (button ? chat.press(button) : stepTurn(chat, step));
    shop.store.hooks.failNextRequests(DOWN_FOR_GOOD);
    expect(shown(await answer())).toBe(translator.t(locale, 'common.shopUnreachable'));
    whileDown();
    shop.store.hooks.failNextRequests(0);
    return shown(await answer());
  }

  it.each([
    { channel: 'webchat' as const, locale: 'en', steps: CANON_TO_BERLIN, postcode: '10115', shipping: { country: '81', zone: '1256' } },
    { channel: 'msteams' as const, locale: 'de', steps: GERMAN_ORDER_TO_MUNICH, postcode: '80331', shipping: { country: '81', zone: '1255' } },
  ])('$channel in $locale: told in their language, the same answer again goes on, one correct order', async ({ channel, locale, steps, postcode, shipping }) => {
    restock(shop.store);
    const expected = await undisturbedRun(shop, channel, locale, steps);
    const ordersBefore = shop.store.hooks.orders().length;
    // Down while the addresses are sent and shipping is quoted ("same address? yes"), and when placing.
    const sameAddressStep = steps.findIndex((step) => 'say' in step && step.say === postcode) + 1;
    const last = steps.length - 1;

    const chat = shop.chat(channel, locale);
    await chat.start();
    const transcript = await play(chat, steps.slice(0, sameAddressStep));
    const noOrderYet = () => expect(shop.store.hooks.orders()).toHaveLength(ordersBefore);
    transcript.push(await throughOutage(chat, steps[sameAddressStep], locale, noOrderYet));
    transcript.push(...(await play(chat, steps.slice(sameAddressStep + 1, last))));
    transcript.push(await throughOutage(chat, steps[last], locale, noOrderYet));

    expect(shop.store.hooks.orders()).toHaveLength(ordersBefore + 1);
    const order = lastOrder(shop);
    expect(withoutOrderNumbers(transcript, order.orderId)).toEqual(expected);
    expect(transcript[last]).toContain(String(order.orderId));
    expect(order.products).toEqual(CANON_RED_TIMES_TWO);
    expect(order.info).toMatchObject({
      payment_country_id: shipping.country,
      payment_zone_id: shipping.zone,
      shipping_country_id: shipping.country,
      shipping_zone_id: shipping.zone,
      shipping_code: 'flat.flat',
      payment_code: 'cod',
      total: '165.0000',
    });
  });
});
