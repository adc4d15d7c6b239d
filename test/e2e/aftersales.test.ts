import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createOrderBot } from '../../src/bot';
import { ManualClock } from '../../src/clock';
import { createSessionFactory } from '../../src/opencart';
import { recognizeAftersales } from '../../src/domain/aftersales/intent';
import { startShop, type Shop } from './harness';
import { CANON_TO_BERLIN, play, restock, shown } from './steps';

/** Order status and cancellation requests over HTTP against the demo store (issue #12). */
describe('after the order', () => {
  let shop: Shop;

  beforeAll(async () => {
    shop = await startShop(createOrderBot, { env: { CANCEL_REQUEST_STATUS_ID: '7' } });
  });
  afterAll(() => shop.close());
  beforeEach(() => restock(shop.store));

  const newestOrderId = () => shop.store.hooks.orders().at(-1)!.orderId;

  /** An order placed in another conversation: its number is all this one knows. */
  async function orderElsewhere(): Promise<number> {
    await play(shop.chat('webchat', 'en-US'), CANON_TO_BERLIN);
    return newestOrderId();
  }

  /** The shop's admin moving an order on (its own API session). */
  async function setStatus(orderId: number, statusId: number): Promise<void> {
    const api = createSessionFactory({ baseUrl: shop.store.url, username: shop.store.username, apiKey: shop.store.apiKey }, { clock: new ManualClock() })(null);
    expect((await api.orderHistory(orderId, { order_status_id: statusId, comment: 'Packed' })).ok).toBe(true);
  }

  it("answers the conversation's own order at once, in the customer's language, and takes a cancellation request", async () => {
    const chat = shop.chat('webchat', 'en-US');
    await play(chat, CANON_TO_BERLIN);
    const orderId = newestOrderId();
    const status = shown(await chat.say(`where is my order ${orderId}?`));
    expect(status).toContain(`Order ${orderId}`);
    expect(status).toMatch(/Status: pending/);
    expect(status).toMatch(/Total: \$\d+\.\d\d/); // the order's own currency, formatted
    expect(status).toContain('Flat Shipping Rate');
    expect(status).toContain('Request cancellation');
    shop.store.hooks.resetCallCounts();
    expect(shown(await chat.click(/request cancellation/i))).toMatch(new RegExp(`cancel order ${orderId}`));
    expect(shown(await chat.click(/^yes$/i))).toContain('The shop will confirm');
    const order = shop.store.hooks.orders().find((o) => o.orderId === orderId)!;
    expect(order.history.at(-1)).toMatchObject({ orderStatusId: 7, notify: false, comment: expect.stringContaining('asked in the chat') });
    expect(order.info.order_status_id).toBe('7');
    const calls = shop.store.hooks.callCounts();
    expect(calls['api/order/edit'] ?? 0).toBe(0);
    expect(calls['api/order/delete'] ?? 0).toBe(0);
    expect(shown(await chat.say(`cancel my order ${orderId}`))).toContain('already been requested');
  }, 60_000);

  it('shows another order only after the email it was placed with; a wrong email and a missing order get the same answer', async () => {
    const orderId = await orderElsewhere();
    const chat = shop.chat('webchat', 'en-US');
    const asked = shown(await chat.say(`status of order ${orderId}`));
    expect(asked).toContain(`email address order ${orderId} was placed with`);
    expect(asked).not.toMatch(/Jane|Doe|pending|Flat/i);
    const wrong = shown(await chat.say('someone@example.com'));
    await chat.say(`where is my order ${orderId + 1000}`);
    const missing = shown(await chat.say('jane@example.com'));
    expect(wrong.replace(String(orderId), 'N')).toBe(missing.replace(String(orderId + 1000), 'N'));
    expect(wrong).not.toMatch(/Jane|pending/i);
    await chat.say(`where is my order ${orderId}`);
    const verified = shown(await chat.say('  JANE@example.com '));
    expect(verified).toContain(`Order ${orderId}`);
    expect(verified).toMatch(/Status: pending/);
    expect(verified).not.toContain('Jane');
  }, 60_000);

  it('asks once more for a number it did not find, offering the shop, then gives the shop\'s contact; nothing is searched', async () => {
    const chat = shop.chat('webchat', 'en-US');
    expect(shown(await chat.say('where is my order?'))).toContain('Please tell me its number');
    const again = shown(await chat.say('the one with the cameras'));
    expect(again).toContain('confirmation email the shop sent');
    expect(again).toContain('] Contact the shop');
    const contact = shown(await chat.say('no idea'));
    expect(contact).toContain('I did not find an order number in that');
    expect(contact).toContain('Telephone: 123456789');
    // Neither answer was taken for a product search.
    expect(`${again}\n${contact}`).not.toMatch(/I found|Choose/);
    // A number after all is looked up as usual.
    expect(shown(await chat.say('where is my order 99999'))).toContain('email address order 99999 was placed with');
  }, 60_000);

  it('names a status past the initial one and says a cancellation is no longer possible in the chat', async () => {
    const orderId = await orderElsewhere();
    await setStatus(orderId, 3);
    const chat = shop.chat('msteams', 'de-DE');
    expect(shown(await chat.say(`Bestellung ${orderId} stornieren`))).toContain('E-Mail-Adresse');
    shop.store.hooks.resetCallCounts();
    const answer = shown(await chat.say('jane@example.com'));
    expect(answer).toContain('bereits versandt');
    expect(shop.store.hooks.callCounts()['api/order/history'] ?? 0).toBe(0);
  }, 60_000);

  it('knows every status of a fresh OpenCart 3 install, by the name the shop gives it', async () => {
    const orderId = await orderElsewhere();
    await setStatus(orderId, 15);
    const order = shop.store.hooks.orders().find((o) => o.orderId === orderId)!;
    expect(order.info.order_status).toBe('Processed');
    const chat = shop.chat('webchat', 'en-US');
    expect(shown(await chat.say(`where is my order ${orderId}?`))).toMatch(/email/i);
    expect(shown(await chat.say('jane@example.com'))).toMatch(/processed/i);
  }, 60_000);

  it('limits lookups per conversation and per order number, across conversations too', async () => {
    const orderId = await orderElsewhere();
    const chat = shop.chat('telegram', 'ru');
    for (let i = 0; i < 5; i++) {
      expect(shown(await chat.say(`где мой заказ ${orderId}`))).toContain('адрес электронной почты');
      expect(shown(await chat.say(`guess${i}@example.com`))).toContain('Я не нахожу');
    }
    shop.store.hooks.resetCallCounts();
    expect(shown(await chat.say(`где мой заказ ${orderId}`))).toContain('Слишком много');
    // Another conversation probing the same number is limited as well; nothing was asked of the store.
    const other = shop.chat('webchat', 'en-US');
    expect(shown(await other.say(`where is my order ${orderId}`))).toContain('Too many');
    expect(shop.store.hooks.callCounts()['api/order/info'] ?? 0).toBe(0);
    // An hour later it may be asked again.
    shop.clock.advance(61 * 60 * 1000);
    expect(shown(await other.say(`where is my order ${orderId}`))).toContain('email address');
    expect(shown(await other.say('jane@example.com'))).toContain(`Order ${orderId}`);
  }, 90_000);

  it('never reaches order/edit or order/delete, whatever is posted', async () => {
    const orderId = await orderElsewhere();
    const chat = shop.chat('webchat', 'en-US');
    shop.store.hooks.resetCallCounts();
    const forged: unknown[] = [
      { a: 'anything' },
      { oc: { a: 'anything' } },
      { oc: { a: 'after', v: `edit:${orderId}` } },
      { oc: { a: 'after', v: `delete:${orderId}` } },
      { oc: { a: 'after', v: `cancel:${orderId}` } },
      { oc: { a: 'after', v: 'cancel:-1' } },
      { oc: { a: 'after', v: 'status:99999999999' } },
      { oc: { a: 'yes' } },
      { oc: { a: 'place' } },
      { oc: { a: 'chg', v: 'cart' } },
      { oc: { a: 'form', v: 'contact' }, email: 'jane@example.com' },
    ];
    // Each is answered, or refused at the edge (400) before any dialog sees it.
    for (const value of forged) await chat.post({ type: 'message', value }).catch((error: Error) => expect(error.message).toContain('HTTP 400'));
    for (const text of [`oc:after:cancel:${orderId}`, 'yes', `delete order ${orderId}`, `edit my order ${orderId}`, `cancel my order ${orderId}`, 'jane@example.com', 'yes']) {
      await chat.say(text);
    }
    const calls = shop.store.hooks.callCounts();
    expect(calls['api/order/edit'] ?? 0).toBe(0);
    expect(calls['api/order/delete'] ?? 0).toBe(0);
    expect(shop.store.hooks.orders().some((o) => o.orderId === orderId)).toBe(true);
  }, 90_000);

  it('has no code outside the OpenCart client and the demo store that names order/edit or order/delete', () => {
    const root = path.resolve(__dirname, '..', '..');
    const files = (dir: string): string[] =>
      readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]));
    const users = [...files('src'), ...files('dialogs')]
      .filter((f) => f.endsWith('.ts') && !f.startsWith(path.join('src', 'opencart')) && !f.startsWith(path.join('src', 'demo-store')))
      .filter((f) => /orderEdit|orderDelete|order\/edit|order\/delete/.test(readFileSync(path.join(root, f), 'utf8')));
    expect(users).toEqual([]);
  });

  it.each([
    ['where is my order 24?', 'en'],
    ['wo ist meine Bestellung 24', 'de'],
    ['где мой заказ 24', 'ru'],
  ])('"%s" (%s) is an after-sales request, never a search', (text) => {
    expect(recognizeAftersales(text)).toEqual({ kind: 'status', orderId: 24 });
  });
});
