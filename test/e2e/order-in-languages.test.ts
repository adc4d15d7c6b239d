import { createOrderBot } from '../../src/bot';
import { startShop, type Shop } from './harness';
import { GERMAN_ORDER_TO_MUNICH, RUSSIAN_ORDER_TO_KALININGRAD, play, restock } from './steps';

describe('complete orders answered in the customer language', () => {
  let shop: Shop;
  beforeAll(async () => {
    shop = await startShop(createOrderBot);
  });
  afterAll(() => shop.close());

  it('Telegram in Russian: "два", "да", Kaliningrad without a postcode', async () => {
    restock(shop.store);
    const ordersBefore = shop.store.hooks.orders().length;
    const chat = shop.chat('telegram', 'ru');
    expect((await chat.start()).rendered.lines.join('\n')).toMatch(/здравствуйте/i);

    const transcript = await play(chat, RUSSIAN_ORDER_TO_KALININGRAD);

    const orders = shop.store.hooks.orders();
    expect(orders).toHaveLength(ordersBefore + 1);
    const order = orders[orders.length - 1];
    const summary = transcript.at(-2) ?? '';
    expect(summary).toContain('2 × Canon EOS 5D (Select: Red)');
    expect(summary).toContain('Иван Петров, ivan@example.ru');
    expect(transcript.at(-1)).toContain(`Номер вашего заказа — ${order.orderId}.`);
    for (const text of transcript) expect(text).not.toMatch(/\b(please|the|your)\b/i);

    expect(order.products).toEqual([
      expect.objectContaining({
        productId: 30,
        quantity: 2,
        options: [expect.objectContaining({ productOptionId: 226, productOptionValueId: 15, value: 'Red' })],
      }),
    ]);
    expect(order.info).toMatchObject({
      firstname: 'Иван',
      lastname: 'Петров',
      email: 'ivan@example.ru',
      payment_address_1: 'ул. Ленина, 5',
      payment_city: 'Калининград',
      payment_country_id: '176',
      payment_zone_id: '2743',
      shipping_country_id: '176',
      shipping_zone_id: '2743',
      shipping_code: 'flat.flat',
      payment_code: 'cod',
      total: '165.0000',
      // The demo store offers no roubles, so the order stays in the shop's default currency.
      currency_code: 'USD',
    });
  });

  it('Teams in German: "zwei", "ja", the order in euros', async () => {
    restock(shop.store);
    const ordersBefore = shop.store.hooks.orders().length;
    const chat = shop.chat('msteams', 'de');
    expect((await chat.start()).rendered.lines.join('\n')).toMatch(/hallo/i);

    const transcript = await play(chat, GERMAN_ORDER_TO_MUNICH);

    const orders = shop.store.hooks.orders();
    expect(orders).toHaveLength(ordersBefore + 1);
    const order = orders[orders.length - 1];
    const summary = transcript.at(-2) ?? '';
    expect(summary).toContain('2 × Canon EOS 5D (Select: Red)');
    expect(summary).toContain('Hans Müller, Marienplatz 1, 80331 München, Bayern');
    // OpenCart's own formatting of the euro totals: 165 USD × 0.7846.
    expect(summary).toContain('129.46€');
    expect(transcript.at(-1)).toContain(`Ihre Bestellnummer ist ${order.orderId}.`);

    expect(order.products).toEqual([
      expect.objectContaining({
        productId: 30,
        quantity: 2,
        options: [expect.objectContaining({ productOptionId: 226, productOptionValueId: 15, value: 'Red' })],
      }),
    ]);
    expect(order.info).toMatchObject({
      firstname: 'Hans',
      lastname: 'Müller',
      email: 'hans@example.de',
      telephone: '+49 89 1234567',
      payment_city: 'München',
      payment_postcode: '80331',
      payment_country_id: '81',
      payment_zone_id: '1255',
      shipping_country_id: '81',
      shipping_zone_id: '1255',
      shipping_code: 'flat.flat',
      payment_code: 'cod',
      total: '165.0000',
      currency_code: 'EUR',
    });
  });
});
