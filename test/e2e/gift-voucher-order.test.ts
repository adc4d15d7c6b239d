import { createOrderBot } from '../../src/bot';
import type { LocalChannelId } from '../../src/server/local-channel';
import { startShop, type Shop } from './harness';
import { playSkippingAbsent as play } from './loose-play';
import { AFTER_ADDRESS, CANON_TO_BERLIN, restock, shown } from './steps';

describe('a gift voucher bought in the chat and ordered with the rest (issue #12)', () => {
  let shop: Shop;
  beforeAll(async () => {
    shop = await startShop(createOrderBot);
  });
  afterAll(() => shop.close());

  it.each<LocalChannelId>(['telegram', 'webchat'])('%s: asked at the summary, the shop\'s limits told, paid with the cameras; the demo store has it', async (channel) => {
    restock(shop.store);
    const chat = shop.chat(channel, 'en');
    await chat.start();
    await play(chat, CANON_TO_BERLIN.slice(0, -1));
    expect(chat.transcript).toMatch(/place order/i);

    const start = shown(await chat.say('I want to buy a gift card'));
    expect(start).toContain('It will say it is from Jane Doe (jane@example.com).');
    expect(start).toContain('Who is it for?');
    await chat.say('Bob');
    await chat.say('bob@example.com');
    await chat.say('5000');
    const refused = shown(await chat.say('Happy birthday'));
    expect(refused).toContain('The shop sells gift vouchers from $1.00 to $1,000.00.');
    const added = shown(await chat.say('25'));
    expect(added).toContain('Added a $25.00 gift voucher for Bob to your cart.');
    expect(added).toContain('Gift voucher for Bob');

    const ordersBefore = shop.store.hooks.orders().length;
    const rest = await play(chat, [{ click: /checkout/i }, ...CANON_TO_BERLIN.slice(AFTER_ADDRESS)]);
    if (process.env.E2E_SHOW) console.log(rest.join('\n---\n'));
    expect(rest.find((text) => /Place order/.test(text))).toMatch(/Gift voucher for Bob[\s\S]*Sub-Total: \$185\.00/);
    const orders = shop.store.hooks.orders();
    expect(orders).toHaveLength(ordersBefore + 1);
    const order = orders[orders.length - 1];
    expect(rest.at(-1)).toContain(String(order.orderId));
    expect(order.products).toEqual([expect.objectContaining({ productId: 30, quantity: 2 })]);
    expect(order.vouchers).toEqual([
      { description: '$25.00 Gift Certificate for Bob', fromName: 'Jane Doe', fromEmail: 'jane@example.com', toName: 'Bob', toEmail: 'bob@example.com', message: 'Happy birthday', amount: 25 },
    ]);
    expect(order.totals.map((t) => [t.code, t.value])).toEqual([['sub_total', 185], ['shipping', 5], ['total', 190]]);
  });
});
