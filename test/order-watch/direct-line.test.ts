import { createOrderBot } from '../../src/bot';
import { createSessionFactory } from '../../src/opencart';
import { startShop, type Shop } from '../e2e/harness';
import { call, StreamReader } from '../directline/harness';
import { placeApiOrder } from './helpers';

/**
 * Web Chat through the local Direct Line stand-in: an update is sent while the customer's stream is connected (the
 * bot's reply goes through the stand-in's connector routes to the open stream); with the stream closed it waits.
 */
describe('order updates in Web Chat over the Direct Line stand-in', () => {
  let shop: Shop;
  beforeAll(async () => {
    shop = await startShop(createOrderBot);
  });
  afterAll(() => shop.close());

  const admin = () => createSessionFactory({ baseUrl: shop.store.url, username: shop.store.username, apiKey: shop.store.apiKey })(null);

  it('is sent to an open conversation and kept for the next visit once the stream is closed', async () => {
    const started = await call<{ conversationId: string; token: string; streamUrl: string }>(`${shop.app.server.url}/v3/directline/conversations`, { method: 'POST' });
    const { conversationId, streamUrl } = started.body;
    const stream = await StreamReader.open(streamUrl);
    const orderId = await placeApiOrder(admin(), shop.store);
    const watcher = shop.app.orderWatch.watcher;
    const conversationKey = `directline/${conversationId}`;
    await watcher.watch({
      orderId,
      reference: { channelId: 'directline', serviceUrl: shop.app.server.url, conversation: { id: conversationId }, bot: { id: 'order-bot' }, user: { id: 'dl_user' } },
      conversationKey,
      channelId: 'directline',
      locale: 'ru',
    });

    expect((await admin().orderHistory(orderId, { order_status_id: 3 })).ok).toBe(true);
    await watcher.checkNow(orderId);
    await stream.waitFor((a) => a.type === 'message' && String(a.text).includes(`заказа ${orderId}`));
    expect(stream.texts()).toContain(`Новый статус вашего заказа ${orderId}: отправлен.`);

    await stream.close();
    expect((await admin().orderHistory(orderId, { order_status_id: 5 })).ok).toBe(true);
    await watcher.checkNow(orderId);
    expect(await watcher.store.takePending(conversationKey)).toEqual([expect.objectContaining({ orderId, statusId: 5 })]);
  });
});
