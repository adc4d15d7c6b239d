import { createOrderBot } from '../../src/bot';
import { createChannelActivityFactory } from '../../src/server/local-channel';
import { startShop, type Shop } from './harness';

describe('Teams group chats and channels', () => {
  let shop: Shop;
  beforeAll(async () => {
    shop = await startShop(createOrderBot);
  });
  afterAll(async () => {
    await shop.close();
  });

  it.each([
    ['groupChat', 'en-US', /personal chat/],
    ['channel', 'de-DE', /persönlichen Chat/],
  ])('in a %s the bot says politely, in the customer\'s language, that it takes orders in personal chat', async (type, locale, expected) => {
    const factory = createChannelActivityFactory({
      channel: 'msteams',
      locale,
      serviceUrl: shop.connector.serviceUrl,
      conversationKey: `group-${type}`,
    });
    const message = factory.text('2 red canon cameras');
    const activity = { ...message, conversation: { ...message.conversation, isGroup: true, conversationType: type } };
    const before = shop.connector.received.length;
    const answer = await fetch(shop.app.server.messagesUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
    });
    expect(answer.status).toBeLessThan(300);
    const replies = shop.connector.received.slice(before).map((r) => r.activity.text ?? '');
    expect(replies).toEqual([expect.stringMatching(expected)]);
    expect(shop.store.hooks.callCounts()['api/cart/add'] ?? 0).toBe(0);
  });
});
