import { parseCategoryPage, parseMenuTopCategories, parseSearchCategorySelect, parseStoreLanguages } from '../../src/catalog/parse/category';
import { parseCountrySelect, parseZoneJson } from '../../src/catalog/parse/countries';
import { parseProductThumbs, parseSearchPage } from '../../src/catalog/parse/listing';
import * as cheerio from 'cheerio';
import { parseProductPage } from '../../src/catalog/parse/product';
import { demoCatalog } from '../../src/demo-store/seed';
import { handleStorefront, type StorefrontResponse } from '../../src/demo-store/storefront';
import { capture } from './capture-server';

const BASE = 'http://127.0.0.1:8030/';

function get(pathAndQuery: string, headers: Record<string, string> = {}): StorefrontResponse | null {
  const url = new URL(pathAndQuery, BASE);
  return handleStorefront(
    { method: 'GET', route: url.searchParams.get('route'), path: url.pathname, query: url.searchParams, body: new URLSearchParams(), headers },
    demoCatalog, BASE,
  );
}

function body(pathAndQuery: string): string {
  const response = get(pathAndQuery);
  if (!response) throw new Error(`no page for ${pathAndQuery}`);
  return response.body;
}

describe('demo store storefront pages read like the real captures', () => {
  it('renders product 42 with the same options, ids, deltas, prices and minimum as the capture', () => {
    const rendered = parseProductPage(body('index.php?route=product/product&product_id=42'));
    const real = parseProductPage(capture('product-42.html'));
    expect(rendered?.options).toEqual(real?.options);
    for (const field of ['productId', 'name', 'price', 'special', 'priceExTax', 'minimum', 'stockText', 'inStock', 'model', 'brand'] as const) {
      expect(rendered?.[field]).toEqual(real?.[field]);
    }
    expect(body('index.php?route=product/product&product_id=42')).toContain('This product has a minimum quantity of 2');
  });

  it('renders product 30 with its special price and required select, and product 40 taxed like the store', () => {
    const canon = parseProductPage(body('index.php?route=product/product&product_id=30'));
    const realCanon = parseProductPage(capture('product-30.html'));
    expect(canon).toMatchObject({ productId: 30, price: '$122.00', special: '$98.00', priceExTax: '$80.00', minimum: 1 });
    expect(canon?.options).toEqual(realCanon?.options);
    expect(parseProductPage(body('index.php?route=product/product&product_id=40'))).toMatchObject({ price: '$123.20', special: null, priceExTax: '$101.00', stockText: 'In Stock' });
  });

  it('shows the stock status text of an out-of-stock product', () => {
    expect(parseProductPage(body('index.php?route=product/product&product_id=49'))).toMatchObject({ stockText: 'Pre-Order', inStock: false });
  });

  it('answers 404 with the "Product not found!" page for unknown ids', () => {
    const response = get('index.php?route=product/product&product_id=9999');
    expect(response?.status).toBe(404);
    expect(parseProductPage(response?.body ?? '')).toBeNull();
    expect(response?.body).toContain('Product not found!');
  });

  it('searches like OpenCart: name words, description, tag, model, limit', () => {
    const ids = (query: string) => parseSearchPage(body(`index.php?route=product/search&${query}`))!.products.map((p) => p.productId);
    expect(ids('search=mac')).toEqual(parseSearchPage(capture('search-mac.html'))!.products.map((p) => p.productId));
    expect(ids('search=canon')).toEqual([30]);
    expect(ids('search=canon%20cameras')).toEqual([]);
    expect(ids('search=zzqqxx')).toEqual([]);
    expect(ids('search=mac&limit=2')).toEqual([41, 43]);
    expect(ids('search=revolutionary&description=true')).toContain(40);
    expect(ids('search=revolutionary')).toEqual([]);
    expect(ids('search=product%203')).toEqual([30]);
  });

  it('renders a category with subcategories and products carrying the minimum in cart.add', () => {
    const page = parseCategoryPage(body('index.php?route=product/category&path=20'), '20');
    expect(page.category.name).toBe('Desktops');
    expect(page.subcategories.map((c) => c.path)).toEqual(['20_26', '20_27']);
    expect(page.products.find((p) => p.productId === 42)).toMatchObject({ minimum: 2, special: '$110.00', price: '$122.00' });
    expect(get('index.php?route=product/category&path=999')?.status).toBe(404);
  });

  it('renders the home page with the top-category menu and featured products', () => {
    const home = body('index.php?route=common/home');
    expect(parseMenuTopCategories(home)).toEqual(parseMenuTopCategories(capture('product-30.html')));
    const $ = cheerio.load(home);
    const featured = parseProductThumbs($, $('#content'));
    expect(featured.map((p) => [p.productId, p.minimum])).toEqual([[43, 1], [40, 1], [42, 1], [30, 1]]);
    expect(parseSearchPage(home)).toBeNull(); // the home page is no search page
    expect(home).toContain("cart.add('42');");
    expect(parseSearchCategorySelect(body('index.php?route=product/search')).filter((c) => c.depth === 0).map((c) => c.path))
      .toEqual(['20', '18', '25', '57', '17', '24', '33', '34']);
    expect(parseStoreLanguages(home)).toEqual([]);
    expect(body('/')).toEqual(home);
  });

  it('serves SEO keyword paths for products and categories, 404 (null) for unknown keywords', () => {
    expect(parseProductPage(body('/iphone'))?.productId).toBe(40);
    expect(parseProductPage(body('/desktops/iphone'))?.productId).toBe(40);
    expect(parseCategoryPage(body('/desktops'), '20').category.name).toBe('Desktops');
    expect(get('/no-such-keyword')).toBeNull();
  });

  it('lists countries in the checkout/guest fragment and zones as JSON like the captures', () => {
    const countries = parseCountrySelect(body('index.php?route=checkout/guest'));
    expect(countries).toContainEqual({ countryId: 176, name: 'Russian Federation' });
    expect(countries.length).toBe(parseCountrySelect(capture('countries-checkout-guest-fragment.html')).length);
    const zones = get('index.php?route=account/account/country&country_id=176');
    expect(zones?.contentType).toBe('application/json');
    expect(parseZoneJson(zones?.body ?? '')).toEqual(parseZoneJson(capture('zones-account-account-country-176.json')));
    expect(body('index.php?route=account/account/country&country_id=99999')).toBe('[]');
  });
});
