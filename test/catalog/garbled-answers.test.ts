import { StorefrontCatalog, StorefrontTransportError, type StorefrontFetcher } from '../../src/catalog';
import { isShopUnreachable } from '../../src/bot';
import { ManualClock } from '../../src/clock';

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
});
