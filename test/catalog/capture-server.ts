import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import * as cheerio from 'cheerio';
import { foldText } from '../../src/catalog/query/fold';

export const CAPTURES = path.join(__dirname, '..', 'fixtures', 'opencart-contract', '3.0.5.1', 'storefront');

export function capture(file: string): string {
  return readFileSync(path.join(CAPTURES, file), 'utf8');
}

const PRODUCT_PAGES: Record<string, string> = { '30': 'product-30.html', '40': 'product-40.html', '42': 'product-42.html', '49': 'product-49-out-of-stock.html' };
const ZONES: Record<string, string> = {
  '176': 'zones-account-account-country-176.json', '222': 'zones-account-account-country-222.json',
  '223': 'zones-account-account-country-223.json', '81': 'zones-account-account-country-81.json',
};

/** Captured listing entries (real markup), searched like OpenCart does: every word inside the product name. */
let thumbsMemo: { name: string; html: string }[] | null = null;

function capturedThumbs(): { name: string; html: string }[] {
  thumbsMemo ??= readThumbs();
  return thumbsMemo;
}

function readThumbs(): { name: string; html: string }[] {
  const seen = new Set<string>();
  return ['category-20-limit100.html', 'search-mac-limit100.html'].flatMap((file) => {
    const $ = cheerio.load(capture(file));
    return $('#content .product-layout').toArray().flatMap((layout) => {
      const name = $(layout).find('.caption h4').text().trim();
      if (seen.has(name)) return [];
      seen.add(name);
      return [{ name, html: $.html(layout) }];
    });
  });
}

/** A search page built from the captured "no hits" page with captured product entries put in. */
function searchPage(search: string): string {
  const words = foldText(search).split(' ').filter(Boolean);
  const hits = capturedThumbs().filter((thumb) => words.every((word) => foldText(thumb.name).includes(word)));
  const $ = cheerio.load(capture('search-nohits.html'));
  if (hits.length > 0) {
    $('#content > p').last().replaceWith(`<div class="row">${hits.map((hit) => hit.html).join('\n')}</div>`);
  }
  return $.html();
}

export interface CaptureServer {
  url: string;
  /** Requests seen, as "route?params" strings. */
  requests: string[];
  count(predicate: (request: string) => boolean): number;
  close(): Promise<void>;
}

function answer(query: URLSearchParams): { status: number; type: string; body: string } {
  const html = (file: string, status = 200) => ({ status, type: 'text/html; charset=utf-8', body: capture(file) });
  const route = query.get('route') ?? 'common/home';
  switch (route) {
    case 'common/home':
      return html('seo-home.html');
    case 'product/product': {
      const file = PRODUCT_PAGES[query.get('product_id') ?? ''];
      return file ? html(file) : html('product-9999-not-found.html', 404);
    }
    case 'product/category':
      if (query.get('path') !== '20') return html('product-9999-not-found.html', 404);
      return html(query.get('limit') === '100' ? 'category-20-limit100.html' : 'category-20.html');
    case 'product/search': {
      const search = query.get('search');
      if (search === null) return html('search-nohits.html');
      if (search === 'mac') return html(query.get('description') ? 'search-mac-description.html' : 'search-mac-limit100.html');
      return { status: 200, type: 'text/html; charset=utf-8', body: searchPage(search) };
    }
    case 'checkout/guest':
      return html('countries-checkout-guest-fragment.html');
    case 'account/account/country':
      return { status: 200, type: 'application/json', body: capture(ZONES[query.get('country_id') ?? ''] ?? 'zones-account-account-country-99999.json') };
    default:
      return html('seo-unknown-keyword.html', 404);
  }
}

/** A loopback server answering storefront routes with the recorded OpenCart 3.0.5.1 captures. */
export async function startCaptureServer(): Promise<CaptureServer> {
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push(url.search.slice(1));
    const { status, type, body } = answer(url.searchParams);
    res.writeHead(status, { 'content-type': type });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    count: (predicate) => requests.filter(predicate).length,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
