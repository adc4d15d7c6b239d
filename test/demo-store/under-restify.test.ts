/**
 * The bot loads restify into the same process as the embedded demo store. restify replaces
 * http.ServerResponse.prototype.writeHead process-wide with a version that returns undefined, so a server that chains
 * `res.writeHead(...).end(...)` throws on every answer. The demo store must answer normally under that patch.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
require('restify');
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createStorefrontCatalog } from '../../src/catalog';
import { ManualClock } from '../../src/clock';
import type { DemoStoreHandle } from '../../src/demo-store/handle';
import { startDemoStore } from '../../src/demo-store/index';
import { call, login } from './api-client';

/** What writeHead returns in this process right now: undefined while restify's replacement is in place. */
async function writeHeadReturns(): Promise<unknown> {
  let returned: unknown = 'not called';
  const server = http.createServer((_req, res) => {
    returned = res.writeHead(204);
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve, reject) => {
    http.get({ host: '127.0.0.1', port, agent: false }, (res) => { res.resume(); res.on('end', resolve); }).on('error', reject);
  });
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return returned;
}

describe('the demo store with restify loaded in the same process', () => {
  let store: DemoStoreHandle;
  beforeAll(async () => { store = await startDemoStore({ clock: new ManualClock() }); });
  afterAll(() => store.close());

  it('runs under restify\'s writeHead (which returns nothing)', async () => {
    await expect(writeHeadReturns()).resolves.toBeUndefined();
  });

  it('answers the API: login, cart, unknown route 404, bad session cookie', async () => {
    const token = await login(store);
    expect(token).toMatch(/^[a-f0-9]{26}$/i);
    const added = await call(store, 'api/cart/add', { product_id: '40' }, token);
    expect(added).toMatchObject({ status: 200, json: { success: 'Success: You have modified your shopping cart!' } });
    const cart = await call(store, 'api/cart/products', {}, token);
    expect(cart.json).toMatchObject({ products: [{ product_id: '40', price: '$123.20' }] });
    const unknown = await call(store, 'api/nothing-here', {}, token);
    expect(unknown.status).toBe(404);
    expect(unknown.body).toContain('The page you requested cannot be found!');
    const badCookie = await fetch(`${store.url}index.php?route=api/cart/products`, { method: 'POST', headers: { cookie: 'OCSESSID=bad!id' } });
    expect(badCookie.status).toBe(200);
    await expect(badCookie.text()).resolves.toBe('Error: Invalid session ID!');
  });

  it('answers storefront pages, 404s and the currency switch; the catalog reads them', async () => {
    const catalog = createStorefrontCatalog({ baseUrl: store.url, clock: new ManualClock(), timeoutMs: 5_000 });
    await expect(catalog.product(40)).resolves.toMatchObject({ productId: 40, price: '$123.20' });
    await expect(catalog.product(40, { currency: 'EUR' })).resolves.toMatchObject({ price: '96.66€' });
    await expect(catalog.product(9999)).resolves.toBeNull();
    const found = await catalog.findProducts('2 red canon cameras');
    expect(found.products.map((p) => p.productId)).toEqual([30]);
    await expect(catalog.resolveZone(176, 'Kaliningrad')).resolves.toMatchObject({ kind: 'found', value: { zoneId: 2743 } });
    const missing = await fetch(`${store.url}no-such-keyword`);
    expect(missing.status).toBe(404);
    const switched = await fetch(`${store.url}index.php?route=common/currency/currency`, {
      method: 'POST', redirect: 'manual', body: new URLSearchParams({ code: 'GBP', redirect: `${store.url}index.php?route=common/home` }),
    });
    expect(switched.status).toBe(302);
    expect(switched.headers.get('set-cookie')).toContain('currency=GBP');
  });
});
