import type { Activity } from 'botbuilder';
import { createOrderBot } from '../../src/bot';
import { renderActivities, type LocalChannelId } from '../../src/server/local-channel';
import { startShop, type Shop } from './harness';
import { playSkippingAbsent } from './loose-play';
import { CANON_TO_BERLIN, play, restock } from './steps';

/** POSTs an activity to the bot as a channel would; resolves when the bot answered the request. */
async function post(shop: Shop, activity: Partial<Activity>): Promise<number> {
  const response = await fetch(shop.app.server.messagesUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity),
  });
  await response.text();
  return response.status;
}

/** What the bot answered to one activity: its replies carry that activity's id (reply-to-activity). */
function answerTo(shop: Shop, activity: Partial<Activity>): string {
  const replies = shop.connector.received.filter((r) => r.activityId === activity.id).map((r) => r.activity);
  return renderActivities(replies).lines.join('\n');
}

describe('a double click on "place order" over HTTP', () => {
  let shop: Shop;
  beforeAll(async () => {
    shop = await startShop(createOrderBot);
  });
  afterAll(() => shop.close());
  afterEach(() => shop.store.hooks.setLatency(0));

  /** A chat up to the summary, then "place order" posted twice at once while the shop is slow (20 ms a call). */
  async function doubleClickPlaceOrder(channel: LocalChannelId, playSteps: typeof play) {
    restock(shop.store);
    const chat = shop.chat(channel, 'en');
    await chat.start();
    await playSteps(chat, CANON_TO_BERLIN.slice(0, -1));
    const placeOrder = chat.findButton(/place order/i);
    const first = chat.factory.click(placeOrder);
    const second = chat.factory.click(placeOrder);
    if (!first || !second) throw new Error('"place order" is not a button the channel posts');
    const ordersBefore = shop.store.hooks.orders().length;
    // A slow shop keeps the first turn running while the second request arrives.
    shop.store.hooks.setLatency(20);
    const statuses = await Promise.all([post(shop, first), post(shop, second)]);
    return { chat, first, second, ordersBefore, statuses };
  }

  it.each<LocalChannelId>(['webchat', 'msteams'])('%s: two simultaneous submits place one order, both answers name it', async (channel) => {
    const { first, second, ordersBefore, statuses } = await doubleClickPlaceOrder(channel, play);

    expect(statuses).toEqual([200, 200]);
    const orders = shop.store.hooks.orders();
    expect(orders).toHaveLength(ordersBefore + 1);
    const orderId = String(orders[orders.length - 1].orderId);
    const answers = [answerTo(shop, first), answerTo(shop, second)];
    const placed = answers.filter((text) => text.includes(`Your order number is ${orderId}.`));
    const already = answers.filter((text) => text.includes(`Your order ${orderId} has already been placed`));
    expect(placed).toHaveLength(1);
    expect(already).toHaveLength(1);
    for (const text of answers) expect(text).not.toMatch(/went wrong|not reachable/i);
  });

  // Issue #10: the first click's answer ends with "remember my details?"; the second must not ask it again.
  it.each<LocalChannelId>(['webchat', 'msteams', 'telegram'])('%s: "remember my details?" is asked once over both answers, and answering it works', async (channel) => {
    const { chat, first, second, ordersBefore, statuses } = await doubleClickPlaceOrder(channel, playSkippingAbsent);
    expect(statuses).toEqual([200, 200]);

    expect(shop.store.hooks.orders()).toHaveLength(ordersBefore + 1);
    const answers = `${answerTo(shop, first)}\n${answerTo(shop, second)}`;
    expect(answers.match(/Shall I remember your contact details/g)).toHaveLength(1);
    shop.store.hooks.setLatency(0);
    expect((await chat.say('yes')).rendered.lines.join('\n')).toMatch(/I'll offer them next time/);
  });
});
