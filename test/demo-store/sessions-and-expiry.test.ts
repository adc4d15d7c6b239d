import { ManualClock } from '../../src/clock';
import type { DemoStoreHandle } from '../../src/demo-store/handle';
import { startDemoStore } from '../../src/demo-store/index';
import { call, login } from './api-client';

const MINUTE = 60 * 1000;
const PERMISSION = { error: { warning: 'Warning: You do not have permission to access the API!' } };

describe('demo store sessions: tokens, idle expiry, cart line expiry', () => {
  let clock: ManualClock;
  let store: DemoStoreHandle;

  afterEach(async () => { await store.close(); });

  async function start(sessionLifetimeSeconds?: number): Promise<void> {
    clock = new ManualClock();
    store = await startDemoStore({ clock, sessionLifetimeSeconds });
  }

  it('keeps a token alive while it is used at least every 24 minutes', async () => {
    await start();
    const token = await login(store);
    for (let i = 0; i < 4; i++) {
      clock.advance(20 * MINUTE);
      expect((await call(store, 'api/cart/products', {}, token)).json).toHaveProperty('products');
    }
  });

  it('loses the session data after 24 minutes idle (gc_maxlifetime) and never gets it back', async () => {
    await start();
    const token = await login(store);
    clock.advance(25 * MINUTE);
    expect((await call(store, 'api/cart/products', {}, token)).json).toEqual(PERMISSION);
    expect((await call(store, 'api/cart/products', {}, token)).json).toEqual(PERMISSION);
  });

  it('ends the API session after 1 hour idle even when the session data lives longer', async () => {
    await start(7200);
    const token = await login(store);
    clock.advance(59 * MINUTE);
    expect((await call(store, 'api/cart/products', {}, token)).json).toHaveProperty('products');
    clock.advance(61 * MINUTE);
    expect((await call(store, 'api/cart/products', {}, token)).json).toEqual(PERMISSION);
    expect((await call(store, 'api/cart/edit', { key: '1', quantity: '1' }, token)).json).toEqual({ error: PERMISSION.error.warning });
  });

  it('keeps several tokens valid at once, each with its own cart', async () => {
    await start();
    const first = await login(store);
    const second = await login(store);
    expect(first).not.toBe(second);
    await call(store, 'api/cart/add', { product_id: '40' }, first);
    const a = (await call(store, 'api/cart/products', {}, first)).json as { products: unknown[] };
    const b = (await call(store, 'api/cart/products', {}, second)).json as { products: unknown[] };
    expect([a.products.length, b.products.length]).toEqual([1, 0]);
  });

  it('deletes cart lines 1 hour after they were added, in a live session, without an error', async () => {
    await start();
    const token = await login(store);
    await call(store, 'api/cart/add', { product_id: '40' }, token);
    clock.advance(20 * MINUTE);
    await call(store, 'api/cart/add', { product_id: '41' }, token);
    clock.advance(20 * MINUTE);
    await call(store, 'api/cart/add', { product_id: '40' }, token); // merging does not refresh the line's age
    clock.advance(21 * MINUTE);
    const products = (await call(store, 'api/cart/products', {}, token)).json as { products: { product_id: string; quantity: string }[] };
    expect(products.products.map((p) => [p.product_id, p.quantity])).toEqual([['41', '1']]);
  });

  it('refuses tokens while the API user is disabled and accepts them again afterwards', async () => {
    await start();
    const token = await login(store);
    store.hooks.setApiUserEnabled('Default', false);
    expect((await call(store, 'api/cart/products', {}, token)).json).toEqual(PERMISSION);
    expect((await call(store, 'api/login', { username: 'Default', key: store.apiKey })).json).toEqual([]);
    store.hooks.setApiUserEnabled('Default', true);
    expect((await call(store, 'api/cart/products', {}, token)).json).toHaveProperty('products');
  });

  it('names the IP in error.ip when the key is right but the address is not allowed', async () => {
    await start();
    const answer = await call(store, 'api/login', { username: 'Default', key: store.apiKey }, undefined, '127.0.0.2');
    expect(answer.json).toEqual({ error: { ip: 'Warning: Your IP 127.0.0.2 is not allowed to access this API!', key: 'Warning: Incorrect API Key!' } });
    expect((await call(store, 'api/login', { username: 'Default', key: 'wrong' }, undefined, '127.0.0.2')).json).toEqual([]);
  });

  it('expireAllSessions ends every token', async () => {
    await start();
    const token = await login(store);
    store.hooks.expireAllSessions();
    expect((await call(store, 'api/cart/products', {}, token)).json).toEqual(PERMISSION);
  });
});
