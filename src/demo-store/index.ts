import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { systemClock } from '../clock';
import type { DemoStoreHandle, DemoStoreHooks, DemoStoreOptions } from './handle';
import { demoCatalog } from './seed';
import { createRequestHandler, type ServerControls } from './server';
import type { StoreState } from './state';
import { uploadsOf } from './storefront/upload';

export type { DemoStoreHandle, DemoStoreHooks, DemoStoreOptions, DemoOrderRecord } from './handle';
export { demoCatalog } from './seed';

/** The demo key: printed by `npm run demo-store`, never a secret of a real shop. */
export const DEMO_API_KEY = 'demo-key-' + 'a1b2c3d4e5f6'.repeat(10);

function hooksFor(state: StoreState, controls: ServerControls): DemoStoreHooks {
  const product = (id: number) => state.products.get(id);
  return {
    setStock: (productId, quantity) => { const p = product(productId); if (p) p.quantity = quantity; },
    setOptionStock: (valueId, quantity) => {
      for (const p of state.products.values()) for (const o of p.options) for (const v of o.values) if (v.productOptionValueId === valueId) v.quantity = quantity;
    },
    setApiUserEnabled: (username, enabled) => {
      const user = state.catalog.apiUsers.find((u) => u.username.toLowerCase() === username.toLowerCase());
      if (user) state.apiUserEnabled.set(user.username, enabled);
    },
    expireAllSessions: () => state.apiSessions.clear(),
    orders: () => structuredClone(state.orders),
    upload: (code) => {
      const row = uploadsOf(state).get(code);
      return row && { code: row.code, name: row.name, size: row.size };
    },
    setConfig: (key, value) => { state.config[key] = value; },
    failNextRequests: (count) => { controls.failNext = count; },
    dropAnswersOf: (route, count = 1, thenFail = 0) => { controls.dropAnswers.set(route, count); controls.failAfterDrop = thenFail; },
    callCounts: () => Object.fromEntries(controls.callCounts),
    resetCallCounts: () => controls.callCounts.clear(),
    setLatency: (ms) => { controls.latencyMs = ms; },
    setProductStatus: (productId, enabled) => { const p = product(productId); if (p) p.status = enabled; },
    ageCartLines: (ms, productId) => {
      for (const row of state.cart) if (productId === undefined || row.productId === productId) row.addedAt -= ms;
    },
    expireSessionData: (token) => { const row = state.sessions.get(token); if (row) row.expiresAt = state.clock.now() - 60_000; },
    idleApiSession: (token, ms) => { const row = state.apiSessions.get(token); if (row) row.lastUsedAt -= ms; },
  };
}

/** Starts an OpenCart 3.0.5.1 look-alike (API + storefront) on 127.0.0.1; port 0 picks a free one. */
export async function startDemoStore(opts: DemoStoreOptions = {}): Promise<DemoStoreHandle> {
  const host = opts.host ?? '127.0.0.1';
  const catalog = structuredClone(opts.catalog ?? demoCatalog);
  const state: StoreState = {
    catalog, clock: opts.clock ?? systemClock, apiKey: opts.apiKey ?? DEMO_API_KEY,
    allowedIps: opts.allowedIps ?? ['127.0.0.1', '::1'], baseUrl: '', sessionLifetimeMs: (opts.sessionLifetimeSeconds ?? 1440) * 1000,
    config: {
      config_stock_checkout: catalog.settings.stockCheckout ? 1 : 0, config_stock_display: catalog.settings.stockDisplay ? 1 : 0,
      config_stock_warning: catalog.settings.stockWarning ? 1 : 0, config_error_display: catalog.settings.errorDisplay ? 1 : 0,
    },
    products: new Map(catalog.products.map((p) => [p.productId, p])),
    apiUserEnabled: new Map(), sessions: new Map(), apiSessions: new Map(), cart: [], nextCartId: 1, orders: [], nextOrderId: 1,
    couponHistory: [], voucherHistory: [],
  };
  const controls: ServerControls = { latencyMs: 0, failNext: 0, callCounts: new Map(), dropAnswers: new Map(), failAfterDrop: 0 };
  const server = createServer(createRequestHandler(state, controls));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  state.baseUrl = `http://${host.includes(':') ? `[${host}]` : host}:${port}/`;
  return {
    url: state.baseUrl, username: 'Default', apiKey: state.apiKey, hooks: hooksFor(state, controls),
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
