import { ManualClock } from '../../src/clock';
import { createStorefrontCatalog, createStorefrontFetcher, StorefrontCatalog, type Catalog, type StorefrontFetcher } from '../../src/catalog';
import { startDemoStore } from '../../src/demo-store';
import type { DemoStoreHandle } from '../../src/demo-store/handle';
import { demoCatalog } from '../../src/demo-store/seed';
import { call, login } from '../demo-store/api-client';

describe('the catalog reads the demo store over HTTP the same way as OpenCart', () => {
  let store: DemoStoreHandle;
  let catalog: Catalog;

  beforeAll(async () => {
    store = await startDemoStore();
    catalog = createStorefrontCatalog({ baseUrl: store.url, clock: new ManualClock(), timeoutMs: 5_000 });
  });
  afterAll(() => store.close());

  it('turns "2 red canon cameras" into product 30, quantity 2, option 226 = 15', async () => {
    const found = await catalog.findProducts('2 red canon cameras');
    expect(found.products.map((product) => product.productId)).toEqual([30]);
    expect(found.query).toMatchObject({ search: 'canon', quantity: 2 });
    const product = await catalog.product(30);
    expect(product).toMatchObject({ special: '$98.00', price: '$122.00' });
    if (product) expect(catalog.matchOptionWords(product, found.query.optionWords)).toEqual({ 226: [15] });
  });

  it('takes "cameras" in "2 red canon cameras" as the Cameras category, whose listing shows the Canon', async () => {
    const found = await catalog.findProducts('2 red canon cameras');
    expect(found.relaxed).toBe(false);
    expect(found.category).toEqual({ words: 1, productIds: [30] });
    expect(found.query.optionWords).toEqual(['red']);
    // The German greeting's example, against this English store: "Kameras" is one slip from "Cameras".
    const german = await catalog.findProducts('Ich brauche 2 rote Canon-Kameras');
    expect(german).toMatchObject({ relaxed: false, category: { words: 1, productIds: [30] } });
    expect(german.query).toMatchObject({ quantity: 2, optionWords: ['rote'] });
    const russian = await catalog.findProducts('Мне нужны 2 красные камеры Canon');
    expect(russian).toMatchObject({ relaxed: false, category: { words: 1, productIds: [30] } });
  });

  it('looks for the first product of "… and an iphone" and hands back the others', async () => {
    const found = await catalog.findProducts('I need 2 red Canon cameras and an iphone');
    expect(found.products.map((product) => product.productId)).toEqual([30]);
    expect(found).toMatchObject({ relaxed: false, query: { quantity: 2, optionWords: ['red'] }, more: ['an iphone'] });
    const one = await catalog.findProducts('canon cameras');
    expect(one.more).toBeUndefined();
  });

  it('keeps a search relaxed when the category a left-out word names does not list what was found', async () => {
    // The Sony VAIO is a laptop: "cameras" names Cameras, which does not list it.
    const sony = await catalog.findProducts('sony cameras');
    expect(sony.products.map((product) => product.productId)).toEqual([46]);
    expect(sony).toMatchObject({ relaxed: true });
    expect(sony.category).toBeUndefined();
    // A typo fixed is a guess: the category still counts, the search stays relaxed.
    const typo = await catalog.findProducts('cannon cameras');
    expect(typo).toMatchObject({ relaxed: true, category: { words: 1, productIds: [30] } });
  });

  it('reads every option of product 42 and its minimum, and null for unknown products', async () => {
    const cinema = await catalog.product(42);
    expect(cinema?.minimum).toBe(2);
    expect(cinema?.options.map((option) => option.type)).toEqual(['radio', 'checkbox', 'text', 'select', 'textarea', 'file', 'date', 'time', 'datetime']);
    if (cinema) expect(catalog.matchOptionWords(cinema, ['large', 'blue', 'checkbox', '2'])).toEqual({ 218: [7], 217: [3], 223: [9] });
    await expect(catalog.product(9999)).resolves.toBeNull();
  });

  it('reads top categories from the menu and corrects typos from their listings', async () => {
    const categories = await catalog.topCategories();
    expect(categories.map((category) => category.name)).toContain('Cameras');
    const found = await catalog.findProducts('drei Samsnug Galaxy');
    expect(found.products.map((product) => product.productId)).toContain(49);
    expect(found.query.quantity).toBe(3);
  });

  it.each([
    ['ipohne', 'iphone', [40]],
    ['macbok', 'macbook', [43, 44, 45]],
    ['two cannon', 'canon', [30]],
  ])('finds "%s" (swapped or doubled letters) as "%s"', async (text, search, ids) => {
    const found = await catalog.findProducts(text);
    expect(found.query.search).toBe(search);
    expect(found.products.map((product) => product.productId)).toEqual(ids);
  });

  it('resolves Kaliningrad, Russia to country 176 and zone 2743', async () => {
    const russia = await catalog.resolveCountry('Russia', 'en');
    expect(russia).toEqual({ kind: 'found', value: { countryId: 176, name: 'Russian Federation' } });
    await expect(catalog.resolveZone(176, 'Kaliningrad')).resolves.toMatchObject({ kind: 'found', value: { zoneId: 2743 } });
    await expect(catalog.country(99999)).resolves.toBeNull();
  });
});

describe('pages in the customer language when the store has it', () => {
  let store: DemoStoreHandle;

  beforeAll(async () => {
    store = await startDemoStore({ catalog: { ...demoCatalog, languages: [{ code: 'en-gb', name: 'English' }, { code: 'de-de', name: 'Deutsch' }] } });
  });
  afterAll(() => store.close());

  it('asks for de-de pages for a German customer, the default for a language the store lacks', async () => {
    const real = createStorefrontFetcher({ baseUrl: store.url });
    const asked: (string | undefined)[] = [];
    const recording: StorefrontFetcher = {
      get: (params, prefs) => {
        if (params.route === 'product/product') asked.push(prefs?.language);
        return real.get(params, prefs);
      },
    };
    const catalog = new StorefrontCatalog(recording, 60_000, new ManualClock());
    await catalog.product(40, { language: 'de' });
    await catalog.product(40, { language: 'fr' });
    await catalog.product(40, { language: 'en-GB' });
    expect(asked).toEqual(['de-de', undefined, 'en-gb']);
    const page = await real.get({ route: 'product/product', product_id: '40' }, { language: 'de-de' });
    expect(page).toContain('<html dir="ltr" lang="de">');
  });
});

describe('prices in the customer currency', () => {
  let store: DemoStoreHandle;
  beforeAll(async () => { store = await startDemoStore({ clock: new ManualClock() }); });
  afterAll(() => store.close());

  /** The price api/cart/products shows for one unit of the product in that currency (a fresh API session). */
  async function cartPrice(productId: number, currency: string): Promise<string> {
    const token = await login(store);
    expect((await call(store, 'api/currency', { currency }, token)).json).toEqual({ success: 'Success: Your currency has been changed!' });
    await call(store, 'api/cart/add', { product_id: String(productId), 'option[226]': '15' }, token);
    const cart = (await call(store, 'api/cart/products', {}, token)).json as { products: { product_id: string; price: string }[] };
    const line = cart.products.find((p) => p.product_id === String(productId));
    if (!line) throw new Error(`product ${productId} not in the cart`);
    return line.price;
  }

  it('reads EUR prices that match what the API cart shows for the same product in EUR', async () => {
    const catalog = createStorefrontCatalog({ baseUrl: store.url, clock: new ManualClock(), timeoutMs: 5_000 });
    const iphone = await catalog.product(40, { currency: 'EUR' });
    expect(iphone?.price).toBe('96.66€');
    expect(iphone?.price).toBe(await cartPrice(40, 'EUR'));
    const canon = await catalog.product(30, { currency: 'EUR' });
    expect(canon?.special).toBe(await cartPrice(30, 'EUR')); // the cart charges the special
    const found = await catalog.findProducts('iphone', { currency: 'EUR' });
    expect(found.products[0]?.price).toBe(iphone?.price);
    const pound = await catalog.search('iphone', { currency: 'gbp' });
    expect(pound[0]?.price).toBe(await cartPrice(40, 'GBP'));
    expect(pound[0]?.price).toBe('£75.46');
    // The default currency is still served (and cached) apart.
    await expect(catalog.product(40)).resolves.toMatchObject({ price: '$123.20' });
  });

  it('sends the store code from the header form, nothing for a code the store lacks, and caches per currency', async () => {
    const real = createStorefrontFetcher({ baseUrl: store.url });
    const asked: string[] = [];
    const recording: StorefrontFetcher = {
      get: (params, prefs) => {
        if (params.route === 'product/product') asked.push(prefs?.currency ?? '(default)');
        return real.get(params, prefs);
      },
    };
    const catalog = new StorefrontCatalog(recording, 60_000, new ManualClock());
    const prices = [];
    for (const currency of ['eur', 'EUR', 'XXX', undefined, 'GBP', 'GBP']) prices.push((await catalog.product(40, { currency }))?.price);
    expect(prices).toEqual(['96.66€', '96.66€', '$123.20', '$123.20', '£75.46', '£75.46']);
    expect(asked).toEqual(['EUR', '(default)', 'GBP']);
  });

  it('a single-currency store (no currency form) is asked without a currency cookie', async () => {
    const single = await startDemoStore({ catalog: { ...demoCatalog, currencies: demoCatalog.currencies.filter((c) => c.code === 'USD') } });
    try {
      const real = createStorefrontFetcher({ baseUrl: single.url });
      const currencies: (string | undefined)[] = [];
      const recording: StorefrontFetcher = { get: (params, prefs) => { currencies.push(prefs?.currency); return real.get(params, prefs); } };
      const catalog = new StorefrontCatalog(recording, 60_000, new ManualClock());
      await expect(catalog.product(40, { currency: 'EUR' })).resolves.toMatchObject({ price: '$123.20' });
      expect(currencies.every((currency) => currency === undefined)).toBe(true);
    } finally {
      await single.close();
    }
  });
});
