import { ManualClock } from '../../src/clock';
import { createStorefrontCatalog, type Catalog } from '../../src/catalog';
import { startCaptureServer, type CaptureServer } from './capture-server';

describe('StorefrontCatalog against a loopback server serving the 3.0.5.1 captures', () => {
  let server: CaptureServer;
  let clock: ManualClock;
  let catalog: Catalog;

  beforeEach(async () => {
    server = await startCaptureServer();
    clock = new ManualClock();
    catalog = createStorefrontCatalog({ baseUrl: server.url, ttlMs: 60_000, clock, timeoutMs: 5_000 });
  });
  afterEach(() => server.close());

  it('turns "2 red canon cameras" into product 30, quantity 2 and option 226 = Red (15)', async () => {
    const found = await catalog.findProducts('2 red canon cameras');
    expect(found.products.map((product) => product.productId)).toEqual([30]);
    expect(found.query).toEqual({ search: 'canon', quantity: 2, optionWords: ['red', 'cameras'] });
    expect(found.relaxed).toBe(true);
    const product = await catalog.product(30);
    expect(product).not.toBeNull();
    if (product) expect(catalog.matchOptionWords(product, found.query.optionWords)).toEqual({ 226: [15] });
  });

  it('reads quantity words and wishes in German and Russian', async () => {
    const german = await catalog.findProducts('Ich möchte zwei rote Canon');
    expect(german.products.map((product) => product.productId)).toEqual([30]);
    expect(german.query).toMatchObject({ search: 'canon', quantity: 2, optionWords: ['rote'] });
    expect(german.relaxed).toBe(false);
    const russian = await catalog.findProducts('мне нужно два iphone');
    expect(russian.query).toMatchObject({ search: 'iphone', quantity: 2 });
    expect(russian.products.map((product) => product.productId)).toEqual([40]);
  });

  it('corrects typos with the vocabulary of the top categories\' listings', async () => {
    const found = await catalog.findProducts('one cannon');
    expect(found.products.map((product) => product.productId)).toEqual([30]);
    expect(found.query).toEqual({ search: 'canon', quantity: 1, optionWords: [] });
    expect(found.relaxed).toBe(true);
    const iphone = await catalog.findProducts('iphome');
    expect(iphone.products.map((product) => product.productId)).toEqual([40]);
  });

  it.each([
    ['ipohne', 'iphone', [40]],
    ['2 macbok', 'macbook', [43, 44]],
    ['cannon', 'canon', [30]],
  ])('finds "%s" (swapped or doubled letters) as "%s"', async (text, search, ids) => {
    const found = await catalog.findProducts(text);
    expect(found.query.search).toBe(search);
    expect(found.products.map((product) => product.productId)).toEqual(expect.arrayContaining(ids));
  });

  it('falls back to a description search when no name matches', async () => {
    const found = await catalog.findProducts('zzqq mac');
    expect(found.products.map((product) => product.productId)).toEqual(expect.arrayContaining([41, 43, 44, 45]));
    const described = await catalog.search('mac', { description: true });
    expect(described.length).toBeGreaterThan(4);
  });

  it('reports nothing found without throwing', async () => {
    const found = await catalog.findProducts('zzqqxx');
    expect(found.products).toEqual([]);
    expect(found.query.quantity).toBeNull();
  });

  it('answers null for an unknown product (HTTP 404) and an unknown category', async () => {
    await expect(catalog.product(9999)).resolves.toBeNull();
    await expect(catalog.category('999')).resolves.toBeNull();
  });

  it('reads top categories through the search form when SEO URLs hide the ids in the menu', async () => {
    const categories = await catalog.topCategories();
    expect(categories.map((category) => category.path)).toEqual(['20', '18', '25', '57', '17', '24', '33', '34']);
    const desktops = await catalog.category('20');
    expect(desktops?.category.name).toBe('Desktops');
  });

  it('fetches a product page once for many concurrent customers (single flight)', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => catalog.product(30)));
    expect(new Set(results.map((product) => product?.productId))).toEqual(new Set([30]));
    expect(server.count((request) => request.includes('product_id=30'))).toBe(1);
  });

  it('keeps answers for the TTL and fetches again after it', async () => {
    await catalog.product(42);
    clock.advance(59_000);
    await catalog.product(42);
    expect(server.count((request) => request.includes('product_id=42'))).toBe(1);
    clock.advance(2_000);
    await catalog.product(42);
    expect(server.count((request) => request.includes('product_id=42'))).toBe(2);
  });

  it('resolves countries by name, local name, ISO codes and small typos', async () => {
    for (const [text, locale] of [['Russia', 'en'], ['Россия', 'ru'], ['RU', 'en'], ['RUS', 'en'], ['Rusia', 'en'], ['russian federation', 'de']]) {
      await expect(catalog.resolveCountry(text, locale)).resolves.toEqual({ kind: 'found', value: { countryId: 176, name: 'Russian Federation' } });
    }
    await expect(catalog.resolveCountry('Deutschland', 'de')).resolves.toMatchObject({ kind: 'found', value: { countryId: 81 } });
    await expect(catalog.resolveCountry('UK', 'en')).resolves.toMatchObject({ kind: 'found', value: { countryId: 222 } });
    await expect(catalog.resolveCountry('Atlantis', 'en')).resolves.toEqual({ kind: 'none' });
    expect(server.count((request) => request.includes('checkout%2Fguest') || request.includes('checkout/guest'))).toBe(1);
  });

  it('reports ambiguity instead of guessing', async () => {
    const united = await catalog.resolveCountry('United', 'en');
    expect(united.kind).toBe('ambiguous');
    if (united.kind === 'ambiguous') {
      expect(united.candidates.map((country) => country.countryId)).toEqual(expect.arrayContaining([221, 222, 223]));
    }
    const newStates = await catalog.resolveZone(223, 'New');
    expect(newStates.kind).toBe('ambiguous');
  });

  it('resolves zones by name despite the demo spelling, by code, and answers none for unknown countries', async () => {
    const kaliningrad = { kind: 'found', value: { zoneId: 2743, name: 'Kalinigrad', code: 'KA' } };
    await expect(catalog.resolveZone(176, 'Kaliningrad')).resolves.toEqual(kaliningrad);
    await expect(catalog.resolveZone(176, 'Калининград')).resolves.toEqual(kaliningrad);
    await expect(catalog.resolveZone(176, 'Kaliningrad Oblast')).resolves.toEqual(kaliningrad);
    await expect(catalog.resolveZone(176, 'KA')).resolves.toEqual(kaliningrad);
    await expect(catalog.resolveZone(223, 'US-CA')).resolves.toMatchObject({ kind: 'found', value: { zoneId: 3624 } });
    await expect(catalog.resolveZone(222, 'Greater London')).resolves.toMatchObject({ kind: 'found', value: { zoneId: 3553 } });
    await expect(catalog.resolveZone(99999, 'Anything')).resolves.toEqual({ kind: 'none' });
    await expect(catalog.country(176)).resolves.toMatchObject({ isoCode3: 'RUS' });
  });
});
