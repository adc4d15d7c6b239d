import { createOrderBot } from '../../src/bot';
import { startShop, type Shop } from '../e2e/harness';
import { CANON_TO_BERLIN, play, restock } from '../e2e/steps';

/** A well-formed anonymous activity from the local connector, with one field replaced by something malformed. */
function activity(shop: Shop, patch: Record<string, unknown>): Record<string, unknown> {
  return {
    type: 'message',
    id: 'm1',
    channelId: 'webchat',
    serviceUrl: shop.connector.serviceUrl,
    from: { id: 'user-1', name: 'user' },
    recipient: { id: 'bot', name: 'bot' },
    conversation: { id: 'malformed-1' },
    locale: 'en',
    text: 'hello',
    ...patch,
  };
}

const MALFORMED: [string, Record<string, unknown>][] = [
  ['text is a number', { text: 42 }],
  ['text is an array', { text: ['yes'] }],
  ['text is an object', { text: { yes: true } }],
  ['locale is a number', { locale: 7 }],
  ['conversation id is a number', { conversation: { id: 12345 } }],
  ['conversation is missing', { conversation: undefined }],
  ['entities is not an array', { entities: { type: 'clientInfo' } }],
  ['membersAdded is not an array', { type: 'conversationUpdate', membersAdded: { id: 'user-1' } }],
  ['type is missing', { type: undefined }],
  ['type is a number', { type: 3 }],
];

describe('malformed activities over HTTP', () => {
  let shop: Shop;
  beforeAll(async () => {
    shop = await startShop(createOrderBot);
  });
  afterAll(() => shop.close());

  const post = (body: string, contentType = 'application/json') =>
    fetch(shop.app.server.messagesUrl, { method: 'POST', headers: { 'content-type': contentType }, body });

  it.each(MALFORMED)('%s: 400', async (_name, patch) => {
    const answer = await post(JSON.stringify(activity(shop, patch)));
    expect(answer.status).toBe(400);
    expect(await answer.text()).not.toMatch(/\bat .+:\d+:\d+|Error:/);
  });

  it.each([
    ['not JSON', 'hello'],
    ['a JSON array', '[]'],
    ['JSON null', 'null'],
    ['truncated JSON', '{"type":"message","text":"he'],
  ])('a body that is %s: 400', async (_name, body) => {
    expect((await post(body)).status).toBe(400);
  });

  it('afterwards a whole order still goes through on the same bot', async () => {
    restock(shop.store);
    const before = shop.store.hooks.orders().length;
    const chat = shop.chat('webchat', 'en');
    await chat.start();
    const transcript = await play(chat, CANON_TO_BERLIN);
    expect(transcript.at(-1)).toMatch(/Your order number is \d+/);
    expect(shop.store.hooks.orders()).toHaveLength(before + 1);
  });
});
