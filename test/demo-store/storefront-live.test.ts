import { request } from 'node:http';
import { parseStoreCurrencies } from '../../src/catalog/parse/category';
import { parseSearchPage } from '../../src/catalog/parse/listing';
import { parseProductPage } from '../../src/catalog/parse/product';
import { ManualClock } from '../../src/clock';
import type { DemoStoreHandle } from '../../src/demo-store/handle';
import { startDemoStore } from '../../src/demo-store/index';
import { demoCatalog } from '../../src/demo-store/seed';
import { capture } from '../catalog/capture-server';

interface Page {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A plain storefront request over loopback, with the cookies a browser (or the catalog) would send. */
function fetchPage(store: DemoStoreHandle, pathAndQuery: string, opts: { cookie?: string; form?: Record<string, string> } = {}): Promise<Page> {
  const body = opts.form ? new URLSearchParams(opts.form).toString() : '';
  return new Promise((resolve, reject) => {
    const req = request(`${store.url}${pathAndQuery}`, {
      method: opts.form ? 'POST' : 'GET', agent: false,
      headers: {
        ...(opts.cookie ? { cookie: opts.cookie } : {}),
        ...(opts.form ? { 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(Buffer.byteLength(body)) } : {}),
      },
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const product = async (store: DemoStoreHandle, id: number, cookie?: string) =>
  parseProductPage((await fetchPage(store, `index.php?route=product/product&product_id=${id}`, { cookie })).body);

describe('demo storefront: currency like OpenCart 3.0 (session, then the currency cookie, then the default)', () => {
  let store: DemoStoreHandle;
  beforeAll(async () => { store = await startDemoStore({ clock: new ManualClock() }); });
  afterAll(() => store.close());

  it('shows product and listing prices in the cookie currency with the store formats', async () => {
    await expect(product(store, 40)).resolves.toMatchObject({ price: '$123.20', priceExTax: '$101.00' });
    await expect(product(store, 40, 'currency=EUR')).resolves.toMatchObject({ price: '96.66€', priceExTax: '79.24€' });
    await expect(product(store, 40, 'language=en-gb; currency=GBP')).resolves.toMatchObject({ price: '£75.46', priceExTax: '£61.86' });
    const canon = await product(store, 30, 'currency=EUR');
    expect(canon).toMatchObject({ price: '95.72€', special: '76.89€' });
    expect(canon?.options[0]?.values.map((value) => value.name)).toEqual(['Red', 'Blue']);
    const listing = parseSearchPage((await fetchPage(store, 'index.php?route=product/search&search=iphone', { cookie: 'currency=GBP' })).body)!;
    expect(listing.products).toMatchObject([{ productId: 40, price: '£75.46', priceExTax: '£61.86' }]);
  });

  it('option deltas and quantity discounts follow the currency too', async () => {
    const cinema = await product(store, 42, 'currency=EUR');
    const inUsd = await product(store, 42);
    const deltas = (p: typeof cinema) => p?.options.flatMap((option) => option.values.map((value) => value.priceDelta)).filter(Boolean);
    expect(deltas(inUsd)).toContain('+$12.00');
    expect(deltas(cinema)).toContain('+9.42€');
    expect(deltas(cinema)?.some((delta) => delta?.includes('$'))).toBe(false);
    const page = (await fetchPage(store, 'index.php?route=product/product&product_id=42', { cookie: 'currency=EUR' })).body;
    expect(page).toMatch(/10 or more [\d.]+€/);
  });

  it('falls back to the default for an unknown or lower-case code (array_key_exists is case-sensitive)', async () => {
    await expect(product(store, 40, 'currency=XXX')).resolves.toMatchObject({ price: '$123.20' });
    await expect(product(store, 40, 'currency=eur')).resolves.toMatchObject({ price: '$123.20' });
  });

  it('lists the store currencies in the header form and marks the current one', async () => {
    const page = (await fetchPage(store, 'index.php?route=common/home', { cookie: 'currency=GBP' })).body;
    expect(parseStoreCurrencies(page)).toEqual(parseStoreCurrencies(capture('product-40.html')));
    expect(parseStoreCurrencies(page).map((currency) => currency.code)).toEqual(['EUR', 'GBP', 'USD']);
    expect(page).toMatch(/<strong>£<\/strong>/);
  });

  it('switches the currency through the header form (common/currency/currency): 302 and a currency cookie', async () => {
    const redirect = `${store.url}index.php?route=product/product&amp;product_id=40`;
    const answer = await fetchPage(store, 'index.php?route=common/currency/currency', { form: { code: 'EUR', redirect } });
    expect(answer.status).toBe(302);
    expect(answer.headers.location).toBe(`${store.url}index.php?route=product/product&product_id=40`);
    expect(String(answer.headers['set-cookie'])).toContain('currency=EUR');
    const unknown = await fetchPage(store, 'index.php?route=common/currency/currency', { form: { code: 'XXX', redirect: 'http://elsewhere.example/' } });
    expect(unknown.status).toBe(302);
    expect(unknown.headers.location).toBe(`${store.url}index.php?route=common/home`);
    expect(unknown.headers['set-cookie']).toBeUndefined();
  });

  it('prints no currency form for a single-currency store, like the default theme', async () => {
    const single = await startDemoStore({ catalog: { ...demoCatalog, currencies: demoCatalog.currencies.filter((c) => c.code === 'USD') } });
    try {
      const page = (await fetchPage(single, 'index.php?route=common/home')).body;
      expect(page).not.toContain('form-currency');
      await expect(product(single, 40, 'currency=EUR')).resolves.toMatchObject({ price: '$123.20' });
    } finally {
      await single.close();
    }
  });
});

describe('demo storefront: settings and stock changed through the hooks reach the pages', () => {
  let store: DemoStoreHandle;
  beforeEach(async () => { store = await startDemoStore({ clock: new ManualClock() }); });
  afterEach(() => store.close());

  it('config_stock_display=1 shows the quantity like the capture; out-of-stock products keep their stock status', async () => {
    store.hooks.setStock(40, 970); // the quantity the reference store had when it was captured
    await expect(product(store, 40)).resolves.toMatchObject({ stockText: 'In Stock', inStock: true });
    store.hooks.setConfig('config_stock_display', 1);
    const shown = await product(store, 40);
    expect(shown).toMatchObject({ stockText: '970', inStock: true });
    expect(shown?.stockText).toBe(parseProductPage(capture('product-40-stock-display-on.html'))?.stockText);
    const tab = await product(store, 49);
    expect(tab?.stockText).toBe(parseProductPage(capture('product-49-stock-display-on.html'))?.stockText);
    expect(tab?.inStock).toBe(false);
    store.hooks.setConfig('config_stock_display', 0);
    await expect(product(store, 40)).resolves.toMatchObject({ stockText: 'In Stock' });
  });

  it('a product whose stock is set to 0 shows its stock status and is out of stock', async () => {
    store.hooks.setStock(40, 0);
    await expect(product(store, 40)).resolves.toMatchObject({ stockText: '2-3 Days', inStock: false });
    store.hooks.setConfig('config_stock_display', 1);
    await expect(product(store, 40)).resolves.toMatchObject({ stockText: '2-3 Days', inStock: false });
    store.hooks.setStock(40, 3);
    await expect(product(store, 40)).resolves.toMatchObject({ stockText: '3', inStock: true });
  });
});

describe('demo storefront: what a browser needs to show it as a shop', () => {
  let store: DemoStoreHandle;
  beforeAll(async () => { store = await startDemoStore({ clock: new ManualClock() }); });
  afterAll(() => store.close());

  it('links the default theme\'s stylesheet at OpenCart\'s path, as the captured pages do, and serves it', async () => {
    const stylesheet = 'catalog/view/theme/default/stylesheet/stylesheet.css';
    expect(capture('product-30.html')).toContain(`<link href="${stylesheet}" rel="stylesheet">`);
    const home = await fetchPage(store, 'index.php?route=common/home');
    expect(home.body).toContain(`<link href="${stylesheet}" rel="stylesheet">`);
    const css = await fetchPage(store, stylesheet);
    expect(css.status).toBe(200);
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(css.body).toContain('.product-thumb');
  });

  it('answers every product image with a placeholder of the size its path names', async () => {
    const home = await fetchPage(store, 'index.php?route=common/home');
    const src = /<img src="[^"]*?\/(image\/cache\/[^"]+)"/.exec(home.body)?.[1];
    expect(src).toMatch(/-228x228\.jpg$/);
    const image = await fetchPage(store, src!);
    expect(image.status).toBe(200);
    expect(image.headers['content-type']).toBe('image/svg+xml');
    expect(image.body).toMatch(/^<svg [^>]*width="228" height="228"/);
    // The label is the file's name, escaped: nothing in a path becomes markup.
    const odd = await fetchPage(store, 'image/cache/%3Cb%3E-100x50.png');
    expect(odd.body).toContain('width="100" height="50"');
    expect(odd.body).toContain('&lt;b&gt;');
    expect((await fetchPage(store, 'nothing/here.css')).status).toBe(404);
  });
});
