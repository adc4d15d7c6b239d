import type { Activity } from 'botbuilder';
import { createOrderBot } from '../../src/bot';
import { renderActivities, type LocalChannelId } from '../../src/server/local-channel';
import { startShop, type Shop } from './harness';
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

const REMEMBER = /Shall I remember your contact details/g;

describe('"remember my details?" after a double click on "place order" (issue #10)', () => {
  let shop: Shop;
  beforeAll(async () => {
    shop = await startShop(createOrderBot);
  });
  afterAll(() => shop.close());
  afterEach(() => shop.store.hooks.setLatency(0));

  it.each<LocalChannelId>(['webchat', 'msteams', 'telegram'])('%s: asked once over both answers, and answering it works', async (channel) => {
    restock(shop.store);
    const chat = shop.chat(channel, 'en');
    await chat.start();
    await play(chat, CANON_TO_BERLIN.slice(0, -1));
    const placeOrder = chat.findButton(/place order/i);
    const first = chat.factory.click(placeOrder);
    const second = chat.factory.click(placeOrder);
    if (!first || !second) throw new Error('"place order" is not a button the channel posts');
    const ordersBefore = shop.store.hooks.orders().length;

    shop.store.hooks.setLatency(20); // the second click arrives while the first turn still runs
    expect(await Promise.all([post(shop, first), post(shop, second)])).toEqual([200, 200]);

    expect(shop.store.hooks.orders()).toHaveLength(ordersBefore + 1);
    const answers = `${answerTo(shop, first)}\n${answerTo(shop, second)}`;
    expect(answers.match(REMEMBER)).toHaveLength(1);
    shop.store.hooks.setLatency(0);
    const consent = await chat.say('yes');
    expect(consent.rendered.lines.join('\n')).toMatch(/I'll offer them next time/);
  });
});
