/**
 * Storefront pages of the demo store (home, search, category, product, checkout/guest country fragment, zone JSON),
 * rendered with the markup of a real OpenCart 3.0.5.1 default theme so the catalog reads both alike.
 */
import type { DemoCatalogData } from '../model';
import { storefrontAsset } from './assets';
import { contactBody } from './contact-page';
import { categoryBody, categoryNotFoundBody, homeBody, searchBody } from './listing-pages';
import { guestCheckoutFragment, zoneJson } from './countries';
import { htmlEscape } from '../php';
import { link, renderPage } from './layout';
import { productBody, productNotFoundBody } from './product-html';
import { visitorCurrency } from './pricing';
import type { PageView } from './view';

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

function cookieOf(req: StorefrontRequest, name: string): string | undefined {
  const cookie = [req.headers.cookie ?? ''].flat().join(';');
  const value = cookie.split(';').map((part) => part.trim().split('=')).find(([key]) => key === name)?.[1];
  if (value === undefined) return undefined;
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** OpenCart 3 picks the language from the session, then the `language` cookie, then Accept-Language. */
function languageOf(req: StorefrontRequest, data: DemoCatalogData): string {
  const fromCookie = cookieOf(req, 'language');
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

function page(view: PageView, language: string, status: number, title: string, body: string, canonical?: string, productId?: number): StorefrontResponse {
  return { status, contentType: HTML, headers: NO_CACHE, body: renderPage(view, { title, body, language, canonical, productId }) };
}

/** Settings the store may change at run time (the demo store's test hooks); defaults come from the seed. */
export interface LiveSettings {
  stockDisplay?: boolean;
}

/**
 * common/currency/currency (the header form): OpenCart 3 stores a known code in the session and redirects; the next
 * page's startup then sets the `currency` cookie. Without storefront sessions here, the cookie is set at once.
 */
function switchCurrency(req: StorefrontRequest, data: DemoCatalogData, baseUrl: string): StorefrontResponse {
  const code = req.body.get('code') ?? '';
  const redirect = req.body.get('redirect') ?? '';
  const location = redirect.startsWith(baseUrl) ? redirect.replace(/&amp;/g, '&') : `${baseUrl}index.php?route=common/home`;
  const known = data.currencies.some((c) => c.code === code);
  const headers: Record<string, string> = { location };
  if (known) headers['set-cookie'] = `currency=${code}; path=/`;
  return { status: 302, contentType: 'text/html; charset=UTF-8', headers, body: '' };
}

/** Answers a storefront request, or null when the demo store has no such page (the server then sends 404). */
export function handleStorefront(req: StorefrontRequest, data: DemoCatalogData, baseUrl: string, live: LiveSettings = {}): StorefrontResponse | null {
  if (req.method === 'POST' && req.route === 'common/currency/currency') return switchCurrency(req, data, baseUrl);
  const asset = req.method === 'GET' || req.method === 'HEAD' ? storefrontAsset(req.path) : null;
  if (asset) return asset;
  const isIndex = req.path === '/' || req.path.endsWith('/index.php');
  const query = isIndex ? req.query : seoTarget(data, req.path);
  if (!query) return null;
  const route = query.get('route') ?? 'common/home';
  const language = languageOf(req, data);
  // startup.php: the session's currency, else the `currency` cookie when the store has it, else config_currency.
  const view: PageView = {
    data, baseUrl, currency: visitorCurrency(data, cookieOf(req, 'currency')), stockDisplay: live.stockDisplay ?? data.settings.stockDisplay,
  };
  switch (route) {
    case 'common/home':
      return page(view, language, 200, data.settings.name, homeBody(view), baseUrl);
    case 'product/search': {
      const { title, body } = searchBody(view, query);
      return page(view, language, 200, title, body);
    }
    case 'product/category': {
      const found = categoryBody(view, query);
      if (!found) return page(view, language, 404, 'Category not found!', categoryNotFoundBody(baseUrl));
      return page(view, language, 200, found.title, found.body, link(baseUrl, 'product/category', { path: query.get('path') ?? '' }));
    }
    case 'product/product': {
      const productId = query.get('product_id') ?? '';
      const product = data.products.find((p) => String(p.productId) === productId && p.status);
      if (!product) return page(view, language, 404, 'Product not found!', productNotFoundBody(baseUrl, productId));
      const canonical = link(baseUrl, 'product/product', { product_id: product.productId });
      return page(view, language, 200, htmlEscape(product.name), productBody(view, product), canonical, product.productId);
    }
    case 'information/contact':
      return page(view, language, 200, 'Contact Us', contactBody(baseUrl, data.settings));
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
