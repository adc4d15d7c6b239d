import { createOrderBot } from '../../src/bot';
import type { LocalChannelId } from '../../src/server/local-channel';
import { startShop, type Shop } from './harness';
import { CANON_TO_BERLIN, play } from './steps';

describe('a complete order over HTTP on every channel', () => {
  let shop: Shop;
  beforeAll(async () => {
    shop = await startShop(createOrderBot);
  });
  afterAll(() => shop.close());

  it.each<LocalChannelId>(['webchat', 'msteams', 'telegram'])('%s: the demo store receives the order as chosen', async (channel) => {
    // Every order takes stock; give each test enough so none depends on the others.
    shop.store.hooks.setStock(30, 100);
    shop.store.hooks.setOptionStock(15, 100);
    const ordersBefore = shop.store.hooks.orders().length;
    const chat = shop.chat(channel, 'en');
    const greeting = await chat.start();
    expect(greeting.rendered.lines.join('\n')).toMatch(/hello/i);

    const transcript = await play(chat, CANON_TO_BERLIN);

    if (process.env.E2E_SHOW) console.log(transcript.join('\n---\n'));
    const orders = shop.store.hooks.orders();
    expect(orders).toHaveLength(ordersBefore + 1);
    const order = orders[orders.length - 1];
    expect(transcript.at(-1)).toContain(String(order.orderId));

    expect(order.products).toEqual([
      expect.objectContaining({
        productId: 30,
        name: 'Canon EOS 5D',
        quantity: 2,
        options: [expect.objectContaining({ productOptionId: 226, productOptionValueId: 15, value: 'Red' })],
      }),
    ]);
    expect(order.info).toMatchObject({
      firstname: 'Jane',
      lastname: 'Doe',
      email: 'jane@example.com',
      telephone: '+49 30 1234567',
      payment_address_1: 'Hauptstr. 1',
      payment_city: 'Berlin',
      payment_postcode: '10115',
      payment_country_id: '81',
      payment_zone_id: '1256',
      shipping_country_id: '81',
      shipping_zone_id: '1256',
      shipping_address_1: 'Hauptstr. 1',
      payment_code: 'cod',
      shipping_code: 'flat.flat',
      total: '165.0000',
    });
    expect(order.totals.map((t) => [t.code, t.value])).toEqual([
      ['sub_total', 160],
      ['shipping', 5],
      ['total', 165],
    ]);
  });
});

describe('the customer language as each channel carries it', () => {
  let shop: Shop;
  beforeAll(async () => {
    shop = await startShop(createOrderBot);
  });
  afterAll(() => shop.close());

  it.each<LocalChannelId>(['webchat', 'msteams', 'telegram'])('%s: greets in German and Russian, not English', async (channel) => {
    const english = (await shop.chat(channel, 'en').start()).rendered.lines.join('\n');
    const german = (await shop.chat(channel, 'de').start()).rendered.lines.join('\n');
    const russian = (await shop.chat(channel, 'ru').start()).rendered.lines.join('\n');
    expect(german).not.toBe(english);
    expect(russian).toMatch(/[а-яё]/i);
    expect(german).not.toMatch(/[а-яё]/i);
  });
});
