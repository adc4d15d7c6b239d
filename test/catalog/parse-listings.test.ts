import { parseCategoryPage, parseMenuTopCategories, parseSearchCategorySelect, parseStoreLanguages } from '../../src/catalog/parse/category';
import { parseCountrySelect, parseZoneJson } from '../../src/catalog/parse/countries';
import { parseProductThumbs, parseSearchPage } from '../../src/catalog/parse/listing';
import { loadPage } from '../../src/catalog/parse/markup';
import { capture } from './capture-server';

describe('listing parsers on the 3.0.5.1 captures', () => {
  it('reads search results with ids from the cart buttons', () => {
    const page = parseSearchPage(capture('search-mac.html'))!;
    expect(page.products.map((product) => [product.productId, product.name])).toEqual([[41, 'iMac'], [43, 'MacBook'], [44, 'MacBook Air'], [45, 'MacBook Pro']]);
    expect(page.products[2]).toEqual({
      productId: 44, name: 'MacBook Air', thumb: expect.stringContaining('macbook_air_1'), price: '$1,202.00', special: null, priceExTax: '$1,000.00', minimum: 1,
    });
    expect(page.total).toBe(4);
  });

  it('reads the same products with limit=100, with description search, and with SEO URLs on', () => {
    const ids = (file: string) => parseSearchPage(capture(file))!.products.map((product) => product.productId);
    expect(ids('search-mac-limit100.html')).toEqual([41, 43, 44, 45]);
    expect(ids('seo-search-mac.html')).toEqual([41, 43, 44, 45]);
    expect(ids('search-mac-description.html').length).toBeGreaterThan(4);
    expect(ids('search-mac-description.html')).toEqual(expect.arrayContaining([41, 43, 44, 45]));
  });

  it('finds nothing on the no-hits and tag pages without results', () => {
    expect(parseSearchPage(capture('search-nohits.html'))).toEqual({ products: [], total: null });
  });

  it('reads a category: name, subcategories, products with specials and minimums', () => {
    const page = parseCategoryPage(capture('category-20.html'), '20');
    expect(page.category).toEqual({ path: '20', name: 'Desktops' });
    expect(page.subcategories).toEqual([{ path: '20_26', name: 'PC' }, { path: '20_27', name: 'Mac' }]);
    const cinema = page.products.find((product) => product.productId === 42);
    expect(cinema).toMatchObject({ name: 'Apple Cinema 30"', price: '$122.00', special: '$110.00', priceExTax: '$90.00', minimum: 2 });
    const all = parseCategoryPage(capture('category-20-limit100.html'), '20');
    expect(all.products.length).toBeGreaterThanOrEqual(page.products.length);
    expect(all.products.map((product) => product.productId)).toContain(30);
  });

  it('reads the same category through its SEO URL (subcategory links carry keywords, so only the listing)', () => {
    const page = parseCategoryPage(capture('seo-category-20.html'), '20');
    expect(page.category.name).toBe('Desktops');
    expect(page.products.map((product) => product.productId)).toEqual(parseCategoryPage(capture('category-20.html'), '20').products.map((product) => product.productId));
  });

  it('reads top categories from the menu, and falls back to the search select when SEO hides the ids', () => {
    expect(parseMenuTopCategories(capture('product-30.html'))).toEqual([
      { path: '20', name: 'Desktops' }, { path: '18', name: 'Laptops & Notebooks' }, { path: '25', name: 'Components' },
      { path: '57', name: 'Tablets' }, { path: '17', name: 'Software' }, { path: '24', name: 'Phones & PDAs' },
      { path: '33', name: 'Cameras' }, { path: '34', name: 'MP3 Players' },
    ]);
    expect(parseMenuTopCategories(capture('seo-home.html'))).toBeNull();
    const tree = parseSearchCategorySelect(capture('seo-search-mac.html'));
    expect(tree.filter((entry) => entry.depth === 0).map((entry) => entry.path)).toEqual(['20', '18', '25', '57', '17', '24', '33', '34']);
    expect(tree.find((entry) => entry.categoryId === 35)).toEqual({ categoryId: 35, depth: 2, path: '25_28_35', name: 'test 1' });
  });

  it('reads featured products on the SEO home page, where cart.add has no minimum', () => {
    const $ = loadPage(capture('seo-home.html'));
    const featured = parseProductThumbs($, $('#content'));
    expect(featured.map((product) => product.productId)).toEqual(expect.arrayContaining([43, 40, 42]));
    expect(featured.find((product) => product.productId === 42)).toMatchObject({ special: '$110.00', price: '$122.00', minimum: 1 });
  });

  it('finds no language switcher in a single-language store', () => {
    expect(parseStoreLanguages(capture('seo-home.html'))).toEqual([]);
    const twoLanguages = `<form id="form-language"><ul class="dropdown-menu">
      <li><button class="btn btn-link btn-block language-select" type="button" name="en-gb"><img src="catalog/language/en-gb/en-gb.png" alt="English" title="English" /> English</button></li>
      <li><button class="btn btn-link btn-block language-select" type="button" name="de-de"><img src="catalog/language/de-de/de-de.png" alt="Deutsch" title="Deutsch" /> Deutsch</button></li>
    </ul></form>`;
    expect(parseStoreLanguages(twoLanguages)).toEqual([{ code: 'en-gb', name: 'English' }, { code: 'de-de', name: 'Deutsch' }]);
  });
});

describe('country and zone parsers', () => {
  it('lists every enabled country of the checkout/guest fragment', () => {
    const countries = parseCountrySelect(capture('countries-checkout-guest-fragment.html'));
    expect(countries.length).toBeGreaterThan(240);
    expect(countries).toContainEqual({ countryId: 176, name: 'Russian Federation' });
    expect(countries).toContainEqual({ countryId: 222, name: 'United Kingdom' });
    expect(countries.some((country) => country.countryId <= 0)).toBe(false);
  });

  it('reads the zone JSON, [] for an unknown id, and [] after a PHP warning', () => {
    const russia = parseZoneJson(capture('zones-account-account-country-176.json'));
    expect(russia).toMatchObject({ countryId: 176, name: 'Russian Federation', isoCode2: 'RU', isoCode3: 'RUS', postcodeRequired: false });
    expect(russia?.zones).toContainEqual({ zoneId: 2743, name: 'Kalinigrad', code: 'KA' });
    expect(parseZoneJson(capture('zones-account-account-country-222.json'))?.postcodeRequired).toBe(true);
    expect(parseZoneJson(capture('zones-checkout-checkout-country-176.json'))).toEqual(russia);
    expect(parseZoneJson(capture('zones-account-account-country-99999.json'))).toBeNull();
    expect(parseZoneJson(capture('zones-account-account-country-missing-param.txt'))).toBeNull();
  });
});
