import http, { type IncomingHttpHeaders } from 'node:http';
import { gunzipSync } from 'node:zlib';
import pino from 'pino';
import { createOrderBot } from '../../src/bot';
import { ManualClock } from '../../src/clock';
import { loadConfig } from '../../src/config';
import { startDemoStore, type DemoStoreHandle } from '../../src/demo-store';
import { startBotApp, type BotApp } from '../../src/server';
import { call, StreamReader } from '../directline/harness';

/** A GET whose body stays as sent (fetch would undo the gzip). */
function rawGet(url: string, headers: Record<string, string>): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http.get(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

/** `npm start`'s composition in process: the embedded demo store behind the bot, no credentials. */
describe('the storefront, the widget and Web Chat served by the bot', () => {
  let store: DemoStoreHandle;
  let app: BotApp;
  let bot: string;
  const readers: StreamReader[] = [];

  beforeAll(async () => {
    const clock = new ManualClock();
    store = await startDemoStore({ clock });
    app = await startBotApp({
      config: loadConfig({ LOG_LEVEL: 'silent', STATE_STORAGE: 'memory' }),
      logger: pino({ level: 'silent' }),
      createBot: createOrderBot,
      opencart: { baseUrl: store.url, username: store.username, apiKey: store.apiKey },
      checkStore: false,
      clock,
      port: 0,
      host: '127.0.0.1',
    });
    bot = app.server.url;
  });
  afterAll(async () => {
    await Promise.all(readers.map((r) => r.close()));
    await app.close();
    await store.close();
  });

  it('shows the demo store pages at its own root, linking back to itself, with the widget on every page', async () => {
    const home = await fetch(`${bot}/`);
    expect(home.status).toBe(200);
    const html = await home.text();
    expect(html).toContain(`<base href="${bot}/" />`);
    expect(html).not.toContain(store.url);
    expect(html).toContain('<script src="widget.js" data-language="en-gb" data-currency="USD" defer></script>');

    const product = await (await fetch(`${bot}/index.php?route=product/product&product_id=30`)).text();
    expect(product).toContain('Canon EOS 5D');
    expect(product).toContain('<script src="widget.js" data-product-id="30" data-language="en-gb" data-currency="USD" defer></script>');
    const search = await (await fetch(`${bot}/index.php?route=product/search&search=macbook`)).text();
    expect(search).toContain('MacBook Air');
  });

  it('keeps the demo store API and uploads off the public side', async () => {
    expect((await fetch(`${bot}/index.php?route=api/login`)).status).toBe(404);
    expect((await fetch(`${bot}/index.php?route=tool/upload`)).status).toBe(404);
  });

  it('serves widget.js configured for the local Direct Line stand-in', async () => {
    const widget = await fetch(`${bot}/widget.js`);
    expect(widget.status).toBe(200);
    expect(widget.headers.get('content-type')).toContain('javascript');
    const source = await widget.text();
    expect(source).toContain('"tokenUrl":"/v3/directline/tokens/generate"');
    expect(source).toContain('"bundleUrl":"/webchat/4.18.1/webchat.js"');
    expect(source).toContain('"open":"Chat des Shops öffnen"');
    expect(source).not.toContain('/*CONFIG*/null');
  });

  it('serves the Web Chat bundle from node_modules gzipped, with an ETag and a year of caching', async () => {
    const gz = await rawGet(`${bot}/webchat/4.18.1/webchat.js`, { 'accept-encoding': 'gzip' });
    expect(gz.status).toBe(200);
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(gz.body.length).toBeLessThan(1.1 * 1024 * 1024);
    expect(gunzipSync(gz.body).length).toBeGreaterThan(3 * 1024 * 1024);
    const etag = String(gz.headers.etag);
    expect(etag).toMatch(/^"[\w-]+"$/);

    const again = await fetch(`${bot}/webchat/4.18.1/webchat.js`, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
  });

  it('greets once, on the first webchat/join in the page language, not on the conversation update nor on resume', async () => {
    const dl = `${bot}/v3/directline`;
    const { body: started } = await call<{ conversationId: string; token: string; streamUrl: string }>(`${dl}/conversations`, { method: 'POST' });
    const stream = await StreamReader.open(started.streamUrl);
    readers.push(stream);
    const join = (url: string) =>
      call<{ id: string }>(`${dl}/conversations/${started.conversationId}/activities`, {
        method: 'POST', token: started.token,
        body: { type: 'event', name: 'webchat/join', locale: 'de-DE', value: { language: 'de-de', currency: 'EUR', productId: '30', pageUrl: url } },
      });
    const first = await join(`${bot}/index.php?route=product/product&product_id=30`);
    const greeting = await stream.waitFor((a) => a.replyToId === first.body.id);
    expect(JSON.stringify(greeting)).toContain('Hallo');

    const second = await join(`${bot}/`);
    await stream.waitFor((a) => a.id === second.body.id);
    const { body: said } = await call<{ id: string }>(`${dl}/conversations/${started.conversationId}/activities`, {
      method: 'POST', token: started.token, body: { type: 'message', text: 'macbook', locale: 'de-DE' },
    });
    await stream.waitFor((a) => a.replyToId === said.id);
    const fromBot = stream.activities.filter((a) => (a.from as { role?: string }).role === 'bot' && a.type === 'message');
    expect(fromBot.filter((a) => JSON.stringify(a).includes('Hallo'))).toHaveLength(1);
  });
});
