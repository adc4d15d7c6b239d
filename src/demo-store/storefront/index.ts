/**
 * Storefront pages of the demo store (home, search, category, product, checkout/guest country fragment, zone JSON),
 * rendered with the markup of a real OpenCart 3.0.5.1 default theme so the catalog reads both alike.
 */
import type { DemoCatalogData } from '../model';
import { categoryBody, categoryNotFoundBody, homeBody, searchBody } from './listing-pages';
import { guestCheckoutFragment, zoneJson } from './countries';
import { htmlEscape } from '../php';
import { link, renderPage } from './layout';
import { productBody, productNotFoundBody } from './product-html';

export interface StorefrontRequest {
  method: string;
  /** The `route` query parameter, or null for SEO/keyword paths and the home page. */
  route: string | null;
  /** URL path without query, e.g. "/index.php" or "/iphone". */
  path: string;
  query: URLSearchParams;
  body: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
}

export interface StorefrontResponse {
  status: number;
  contentType: string;
  body: string;
  headers?: Record<string, string>;
}

const HTML = 'text/html; charset=utf-8';
const NO_CACHE = { 'cache-control': 'no-store, no-cache, must-revalidate, post-check=0, pre-check=0', pragma: 'no-cache' };

/** OpenCart 3 picks the language from the session, then the `language` cookie, then Accept-Language. */
function languageOf(req: StorefrontRequest, data: DemoCatalogData): string {
  const cookie = [req.headers.cookie ?? ''].flat().join(';');
  const fromCookie = cookie.split(';').map((part) => part.trim().split('=')).find(([name]) => name === 'language')?.[1];
  const known = (code: string | undefined) => data.languages.find((l) => l.code === code)?.code;
  const accepted = String(req.headers['accept-language'] ?? '').split(',').map((part) => part.split(';')[0]?.trim().toLowerCase());
  return known(fromCookie) ?? accepted.map(known).find(Boolean) ?? data.settings.language;
}

/** Keyword URLs such as /iphone, /desktops, /desktops/iphone: the last segment names a product or category. */
function seoTarget(data: DemoCatalogData, path: string): URLSearchParams | null {
  const segments = path.split('/').filter(Boolean).map(decodeURIComponent);
  const keyword = segments[segments.length - 1];
  if (!keyword) return new URLSearchParams({ route: 'common/home' });
  const product = data.products.find((p) => p.keyword === keyword && p.status);
  if (product) return new URLSearchParams({ route: 'product/product', product_id: String(product.productId) });
  const categories = segments.map((segment) => data.categories.find((c) => c.keyword === segment));
  if (categories.every(Boolean)) return new URLSearchParams({ route: 'product/category', path: categories.map((c) => c?.categoryId).join('_') });
  return null;
}

function page(data: DemoCatalogData, baseUrl: string, language: string, status: number, title: string, body: string, canonical?: string): StorefrontResponse {
  return { status, contentType: HTML, headers: NO_CACHE, body: renderPage(data, baseUrl, { title, body, language, canonical }) };
}

/** Answers a storefront request, or null when the demo store has no such page (the server then sends 404). */
export function handleStorefront(req: StorefrontRequest, data: DemoCatalogData, baseUrl: string): StorefrontResponse | null {
  const isIndex = req.path === '/' || req.path.endsWith('/index.php');
  const query = isIndex ? req.query : seoTarget(data, req.path);
  if (!query) return null;
  const route = query.get('route') ?? 'common/home';
  const language = languageOf(req, data);
  switch (route) {
    case 'common/home':
      return page(data, baseUrl, language, 200, data.settings.name, homeBody(data, baseUrl), baseUrl);
    case 'product/search': {
      const { title, body } = searchBody(data, baseUrl, query);
      return page(data, baseUrl, language, 200, title, body);
    }
    case 'product/category': {
      const found = categoryBody(data, baseUrl, query);
      if (!found) return page(data, baseUrl, language, 404, 'Category not found!', categoryNotFoundBody(baseUrl));
      return page(data, baseUrl, language, 200, found.title, found.body, link(baseUrl, 'product/category', { path: query.get('path') ?? '' }));
    }
    case 'product/product': {
      const productId = query.get('product_id') ?? '';
      const product = data.products.find((p) => String(p.productId) === productId && p.status);
      if (!product) return page(data, baseUrl, language, 404, 'Product not found!', productNotFoundBody(baseUrl, productId));
      return page(data, baseUrl, language, 200, htmlEscape(product.name), productBody(data, baseUrl, product), link(baseUrl, 'product/product', { product_id: product.productId }));
    }
    case 'checkout/guest':
      return { status: 200, contentType: HTML, headers: NO_CACHE, body: guestCheckoutFragment(data) };
    case 'account/account/country':
    case 'checkout/checkout/country':
    case 'extension/total/shipping/country':
      return { status: 200, contentType: 'application/json', headers: NO_CACHE, body: zoneJson(data, query.get('country_id')) };
    default:
      return null;
  }
}
