import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import pino from 'pino';
import { ManualClock } from '../../src/clock';
import { createStorefrontCatalog, describeRequest, StorefrontHttpError, type Catalog } from '../../src/catalog';
import { startCaptureServer, type CaptureServer } from './capture-server';

const isSearch = (request: string) => request.includes('route=product%2Fsearch') && request.includes('search=');

describe('storefront fetches per search phrase (captured 3.0.5.1 pages on loopback)', () => {
  let server: CaptureServer;
  let catalog: Catalog;
  beforeEach(async () => {
    server = await startCaptureServer();
    catalog = createStorefrontCatalog({ baseUrl: server.url, ttlMs: 60_000, clock: new ManualClock(), timeoutMs: 5_000 });
    await catalog.findProducts('iphone'); // warms the shared vocabulary (home page, category listings)
  });
  afterEach(() => server.close());

  it.each([
    ['2 red canon cameras', [30]],
    ['one cannon', [30]],
    ['2 macbok', [43, 44]],
    ['Ich möchte zwei rote Canon', [30]],
  ])('"%s" costs one product/search fetch once the vocabulary is warm', async (text, ids) => {
    const before = server.requests.length;
    const found = await catalog.findProducts(text);
    expect(found.products.map((product) => product.productId)).toEqual(expect.arrayContaining(ids));
    const fetched = server.requests.slice(before);
    expect(fetched.filter(isSearch)).toHaveLength(1);
    expect(fetched).toHaveLength(1);
  });

  it('asks the same phrase again from parsed results: no fetch, same products', async () => {
    const first = await catalog.findProducts('macbook');
    const before = server.requests.length;
    const again = await catalog.findProducts('macbook');
    expect(server.requests.length).toBe(before);
    expect(again.products).toEqual(first.products);
  });

  it('asks the looser searches in their order, at most 12, for words no product name has', async () => {
    const before = server.requests.length;
    const found = await catalog.findProducts('zzqq yyxx wwvv');
    expect(found.products).toEqual([]);
    const searches = server.requests.slice(before).filter(isSearch).length;
    expect(searches).toBeGreaterThan(1);
    expect(searches).toBeLessThanOrEqual(12);
  });
});

describe('search text stays out of logs and errors', () => {
  it('describes a search request by its length', () => {
    expect(describeRequest({ route: 'product/search', search: 'Jane Doe +49 30 1234567', limit: '30' })).toBe('index.php?route=product/search&search=[23 chars]&limit=30');
  });

  it('a refused search (HTTP 431) throws StorefrontHttpError naming the route and status, and logs no text', async () => {
    const server = http.createServer((_req, res) => {
      res.writeHead(431, { 'content-type': 'text/html' });
      res.end('<h1>Request Header Fields Too Large</h1>');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk: Buffer, _enc, done) => (lines.push(chunk.toString()), done()) });
    // No time, pid or host in the lines: their digits could match the phone number looked for.
    const logger = pino({ level: 'trace', timestamp: false, base: null }, sink);
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
      const catalog = createStorefrontCatalog({ baseUrl: url, clock: new ManualClock(), timeoutMs: 5_000, logger });
      const error = await catalog.search('jane.doe@example.com +49301234567').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StorefrontHttpError);
      expect(error).toMatchObject({ status: 431, route: 'product/search' });
      expect(String((error as Error).message)).not.toContain('jane');
      expect(lines.length).toBeGreaterThan(0);
      expect(lines.join('\n')).not.toMatch(/jane|49301234567|example\.com/);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
