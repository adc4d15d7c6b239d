import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { demoCatalog, startDemoStore } from '../../src/demo-store';
import { startCountingProxy } from './counting-proxy';

/**
 * The demo store in its own process for the benchmark, with stock raised on every product and option value so
 * it takes thousands of orders, a counting proxy in front, and a loopback control port:
 * POST /latency?ms=N, GET /counts, POST /counts/reset. Prints one JSON line with the three addresses.
 */
const STOCK = 10_000_000;

async function main(): Promise<void> {
  const store = await startDemoStore({ host: '127.0.0.1', port: 0 });
  for (const product of demoCatalog.products) {
    store.hooks.setStock(product.productId, STOCK);
    for (const option of product.options) for (const value of option.values) store.hooks.setOptionStock(value.productOptionValueId, STOCK);
  }
  const proxy = await startCountingProxy(store.url);
  const control = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://control');
    const send = (body: unknown) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.method === 'POST' && url.pathname === '/latency') {
      store.hooks.setLatency(Math.max(0, Math.min(10_000, Number(url.searchParams.get('ms')) || 0)));
      return send({ ok: true });
    }
    if (req.method === 'GET' && url.pathname === '/counts') return send(proxy.counts());
    if (req.method === 'POST' && url.pathname === '/counts/reset') {
      proxy.reset();
      return send({ ok: true });
    }
    if (req.method === 'GET' && url.pathname === '/orders') return send({ orders: store.hooks.orders().length });
    res.writeHead(404);
    res.end();
  });
  await new Promise<void>((resolve) => control.listen(0, '127.0.0.1', resolve));
  const { port } = control.address() as AddressInfo;
  const ready = { store: store.url, proxy: proxy.url, control: `http://127.0.0.1:${port}`, username: store.username, apiKey: store.apiKey };
  process.stdout.write(`${JSON.stringify(ready)}\n`);
  const stop = () => void Promise.allSettled([proxy.close(), store.close()]).then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

void main();
