import { StorefrontCatalog, StorefrontTransportError, type StorefrontFetcher } from '../../src/catalog';
import { isShopUnreachable } from '../../src/bot';
import { ManualClock } from '../../src/clock';
import { capture } from './capture-server';

const RUSSIA = '{"country_id":"176","name":"Russian Federation","iso_code_2":"RU","iso_code_3":"RUS","address_format":"",'
  + '"postcode_required":"0","zone":[{"zone_id":"2743","country_id":"176","name":"Kalinigrad","code":"KA","status":"1"}],"status":"1"}';

describe('a storefront answer cut off on the way', () => {
  it('is the shop not answering (told to the customer, state kept), not a crash, and is not cached', async () => {
    let answer = RUSSIA.slice(0, 80);
    const fetcher: StorefrontFetcher = { get: async () => answer };
    const catalog = new StorefrontCatalog(fetcher, 60_000, new ManualClock());
    const cut = await catalog.country(176).catch((error: unknown) => error);
    expect(cut).toBeInstanceOf(StorefrontTransportError);
    expect(isShopUnreachable(cut)).toBe(true);
    answer = RUSSIA;
    await expect(catalog.country(176)).resolves.toMatchObject({ isoCode3: 'RUS', zones: [{ zoneId: 2743 }] });
  });

  it('an error page instead of the country list is the shop not answering, and is not cached', async () => {
    let page = '<html><body><h1>502 Bad Gateway</h1></body></html>';
    const fetcher: StorefrontFetcher = { get: async () => page };
    const catalog = new StorefrontCatalog(fetcher, 60_000, new ManualClock());
    const failed = await catalog.countries().catch((error: unknown) => error);
    expect(isShopUnreachable(failed)).toBe(true);
    page = '<select name="country_id"><option value="81">Germany</option></select>';
    await expect(catalog.countries()).resolves.toEqual([expect.objectContaining({ countryId: 81, name: 'Germany' })]);
  });
});

describe('a search or product page that is not one', () => {
  const SEARCH_NOHITS = capture('search-nohits.html');
  const PRODUCT_GONE = capture('product-9999-not-found.html');

  it.each([
    ['an error page', '<html><body><h1>Fatal error: Allowed memory size exhausted</h1></body></html>'],
    ['a page cut short', SEARCH_NOHITS.slice(0, Math.floor(SEARCH_NOHITS.length / 2))],
  ])('%s at product/search is the shop not answering, not "nothing found", and is not cached', async (_name, broken) => {
    let page = broken;
    const catalog = new StorefrontCatalog({ get: async () => page }, 60_000, new ManualClock());
    const failed = await catalog.search('canon').catch((error: unknown) => error);
    expect(failed).toBeInstanceOf(StorefrontTransportError);
    expect(isShopUnreachable(failed)).toBe(true);
    page = SEARCH_NOHITS;
    await expect(catalog.search('canon')).resolves.toEqual([]);
  });

  it('a product page cut short is the shop not answering; the "Product not found!" page is the product gone', async () => {
    let page = capture('product-30.html').slice(0, 5000);
    const catalog = new StorefrontCatalog({ get: async () => page }, 60_000, new ManualClock());
    const failed = await catalog.product(30).catch((error: unknown) => error);
    expect(isShopUnreachable(failed)).toBe(true);
    page = PRODUCT_GONE;
    await expect(catalog.product(30)).resolves.toBeNull();
  });
});
