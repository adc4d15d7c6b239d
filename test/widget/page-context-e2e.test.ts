import { createOrderBot } from '../../src/bot';
import { call, StreamReader } from '../directline/harness';
import { startShop, type Shop } from '../e2e/harness';

/** `npm start`'s composition in process: the embedded demo store, the Direct Line stand-in, the widget's join. */
describe('the page context end to end (Direct Line stand-in, demo store)', () => {
  let shop: Shop;
  let dl: string;
  const readers: StreamReader[] = [];

  beforeAll(async () => {
    shop = await startShop(createOrderBot);
    dl = `${shop.app.server.url}/v3/directline`;
  });
  afterAll(async () => {
    await Promise.all(readers.map((r) => r.close()));
    await shop.close();
  });

  async function conversation() {
    const { body } = await call<{ conversationId: string; token: string; streamUrl: string }>(`${dl}/conversations`, { method: 'POST' });
    const stream = await StreamReader.open(body.streamUrl);
    readers.push(stream);
    const post = async (activity: Record<string, unknown>) =>
      (await call<{ id: string }>(`${dl}/conversations/${body.conversationId}/activities`, { method: 'POST', token: body.token, body: activity })).body.id;
    return { stream, post };
  }

  it("on the Canon's page, in euros: 'I'll take 2 of these in red' puts two red Canons in an EUR cart", async () => {
    const { stream, post } = await conversation();
    const page = { language: 'en-gb', currency: 'EUR', productId: '30', pageUrl: `${shop.app.server.url}/index.php?route=product/product&product_id=30` };
    const joined = await post({ type: 'event', name: 'webchat/join', locale: 'en-US', value: page });
    await stream.waitFor((a) => a.replyToId === joined);
    const said = await post({ type: 'message', text: "I'll take 2 of these in red", locale: 'en-US' });
    await stream.waitFor((a) => a.replyToId === said && /Added 2 × Canon EOS 5D/.test(String(a.text)));
    const cart = JSON.stringify(await stream.waitFor((a) => a.replyToId === said && Array.isArray(a.attachments)));
    expect(cart).toContain('Red');
    expect(cart).toContain('€');
    expect(cart).not.toMatch(/\$\d/); // no dollar prices
  });
});
