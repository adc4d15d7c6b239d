import { createOrderBot } from '../../src/bot';
import { createSessionFactory } from '../../src/opencart';
import type { LocalChannelId } from '../../src/server/local-channel';
import { signEvent, OPENCART_EVENTS_PATH, SIGNATURE_HEADER, TIMESTAMP_HEADER } from '../../src/server/opencart-events';
import { startShop, type Shop } from '../e2e/harness';
import { CANON_TO_BERLIN, play, restock, type Step } from '../e2e/steps';

const SECRET = 'order-events-secret-of-at-least-32-chars';
const MINUTE = 60_000;

/**
 * Updates sent to the customer, end to end: an order placed in the chat, its status changed in the demo store the way
 * the admin does it (order/history through the API), and the bot telling the customer on the same channel, by polling
 * with the shared clock moved on or at once on the store's signed notification.
 */
describe('order status updates sent to the customer', () => {
  let shop: Shop;
  let admin: ReturnType<ReturnType<typeof createSessionFactory>>;

  beforeAll(async () => {
    shop = await startShop(createOrderBot, { env: { SHOP_SHARED_SECRET: SECRET } });
    admin = createSessionFactory({ baseUrl: shop.store.url, username: shop.store.username, apiKey: shop.store.apiKey })(null);
  });
  afterAll(() => shop.close());
  beforeEach(() => restock(shop.store));

  const watcher = () => shop.app.orderWatch.watcher;

  /** Places the order in a new conversation; its id and that conversation's id at the connector. */
  async function placeOrder(channel: LocalChannelId, locale: string, steps: Step[]): Promise<{ orderId: number; conversationId: string }> {
    const chat = shop.chat(channel, locale);
    await chat.start();
    await play(chat, steps);
    const orders = shop.store.hooks.orders();
    const conversationId = chat.factory.text('x').conversation?.id ?? '';
    return { orderId: orders[orders.length - 1].orderId, conversationId };
  }

  /** What the connector received in a conversation since `from`, as text. */
  const textsSince = (conversationId: string, from: number) =>
    shop.connector.received.slice(from).filter((r) => r.conversationId === conversationId).map((r) => String(r.activity.text ?? ''));

  async function setStatus(orderId: number, statusId: number): Promise<void> {
    const answer = await admin.orderHistory(orderId, { order_status_id: statusId, comment: '', notify: false });
    expect(answer.ok).toBe(true);
  }

  async function poll(ms: number): Promise<void> {
    shop.clock.advance(ms);
    await watcher().runDue();
    await watcher().idle();
  }

  function postEvent(body: string, headers: Record<string, string>): Promise<Response> {
    return fetch(`${shop.app.server.url}${OPENCART_EVENTS_PATH}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  }

  function signed(orderId: number, statusId: number, tsSeconds = Math.floor(shop.clock.now() / 1000)) {
    const body = JSON.stringify({ order_id: orderId, order_status_id: statusId, ts: tsSeconds });
    return { body, headers: { [TIMESTAMP_HEADER]: String(tsSeconds), [SIGNATURE_HEADER]: signEvent(tsSeconds, body, SECRET) } };
  }

  it('Telegram: polling finds the shipped status and tells the customer; the backoff doubles; a final status ends the watch', async () => {
    const { orderId, conversationId } = await placeOrder('telegram', 'en', CANON_TO_BERLIN);
    let from = shop.connector.received.length;
    await poll(5 * MINUTE); // still pending: nothing said
    expect(textsSince(conversationId, from)).toEqual([]);
    await setStatus(orderId, 3);
    await poll(5 * MINUTE); // the next look is 10 minutes after the last
    expect(textsSince(conversationId, from)).toEqual([]);
    await poll(5 * MINUTE);
    expect(textsSince(conversationId, from)).toEqual([`Your order ${orderId} is now shipped.`]);

    from = shop.connector.received.length;
    await setStatus(orderId, 5);
    await poll(5 * MINUTE);
    expect(textsSince(conversationId, from)).toEqual([`Your order ${orderId} is now complete.`]);
    expect((await watcher().store.index()).doc.orders.map((e) => e.orderId)).not.toContain(orderId);
    await setStatus(orderId, 11);
    await poll(6 * 60 * MINUTE);
    expect(textsSince(conversationId, from)).toHaveLength(1);
  });

  it("Teams: the store's signed notification makes the bot look at once", async () => {
    const { orderId, conversationId } = await placeOrder('msteams', 'en', CANON_TO_BERLIN);
    const from = shop.connector.received.length;
    await setStatus(orderId, 2);
    const { body, headers } = signed(orderId, 2);
    expect((await postEvent(body, headers)).status).toBe(202);
    await watcher().idle();
    // No clock moved: told because the store said so (the watcher's API session, idle for hours, is logged in again).
    expect(textsSince(conversationId, from)).toEqual([`Your order ${orderId} is now being processed.`]);
  });

  it('refuses a forged, a stale and a replayed notification with 401 and no detail, and looks at nothing', async () => {
    const { orderId } = await placeOrder('telegram', 'en', CANON_TO_BERLIN);
    shop.store.hooks.resetCallCounts();
    const good = signed(orderId, 3);
    const forged = { ...good.headers, [SIGNATURE_HEADER]: signEvent(Number(good.headers[TIMESTAMP_HEADER]), good.body, 'another-secret-of-at-least-32-characters') };
    const stale = signed(orderId, 3, Math.floor(shop.clock.now() / 1000) - 6 * 60);
    const tampered = good.body.replace(`"order_status_id":3`, `"order_status_id":5`);
    for (const [body, headers] of [[good.body, forged], [stale.body, stale.headers], [tampered, good.headers], [good.body, {}]] as const) {
      const answer = await postEvent(body, headers);
      expect(answer.status).toBe(401);
      expect(await answer.json()).toEqual({ error: 'unauthorized' });
    }
    await watcher().idle();
    expect(shop.store.hooks.callCounts()['api/order/info']).toBeUndefined();
    expect((await postEvent(good.body, good.headers)).status).toBe(202);
    await watcher().idle();
    const looked = shop.store.hooks.callCounts()['api/order/info'];
    expect(looked).toBeGreaterThan(0);
    const replay = await postEvent(good.body, good.headers);
    expect(replay.status).toBe(401);
    await watcher().idle();
    expect(shop.store.hooks.callCounts()['api/order/info']).toBe(looked);
  });

  it('Web Chat not open (no Direct Line stream): the update waits and is told at the start of the next turn', async () => {
    const chat = shop.chat('webchat', 'en');
    await chat.start();
    await play(chat, CANON_TO_BERLIN);
    const orders = shop.store.hooks.orders();
    const orderId = orders[orders.length - 1].orderId;
    const conversationId = chat.factory.text('x').conversation?.id ?? '';
    const from = shop.connector.received.length;
    await setStatus(orderId, 3);
    await poll(5 * MINUTE);
    expect(textsSince(conversationId, from)).toEqual([]);
    const turn = await chat.say('help');
    expect(turn.rendered.lines[0]).toBe(`Your order ${orderId} is now shipped.`);
    const again = await chat.say('help');
    expect(again.rendered.lines.join('\n')).not.toContain('is now shipped');
  });
});
