import * as cheerio from 'cheerio';
import type { CheerioAPI } from 'cheerio';

/** Loads a storefront page; cheerio decodes entities such as `&quot;` for us. */
export function loadPage(html: string): CheerioAPI {
  return cheerio.load(html);
}

/** Collapses the template's whitespace (tabs, newlines, &nbsp;) into single spaces. */
export function cleanText(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim();
}

/** The quoted arguments of an onclick call such as `cart.add('42', '2');` -> ['42', '2']. */
export function onclickArgs(onclick: string | undefined, fn: string): string[] | null {
  if (!onclick) return null;
  const start = onclick.indexOf(`${fn}(`);
  if (start < 0) return null;
  const end = onclick.indexOf(')', start);
  if (end < 0) return null;
  const inner = onclick.slice(start + fn.length + 1, end);
  return inner
    .split(',')
    .map((arg) => arg.trim().replace(/^['"]|['"]$/g, ''))
    .filter((arg) => arg.length > 0);
}

export function toInt(value: string | undefined | null): number | null {
  if (value === undefined || value === null) return null;
  const trimmed = value.trim();
  if (!/^-?\d+$/.test(trimmed)) return null;
  return Number(trimmed);
}

/** A query parameter of a link, e.g. `product_id` from `index.php?route=product/product&product_id=40`. */
export function linkParam(href: string | undefined, name: string): string | null {
  if (!href) return null;
  const query = href.indexOf('?');
  if (query < 0) return null;
  return new URLSearchParams(href.slice(query + 1)).get(name);
}

/** "Ex Tax: $90.00" -> "$90.00": what follows the label's colon (labels hold no other colon). */
export function figureAfterLabel(text: string): string {
  const cleaned = cleanText(text);
  const colon = cleaned.indexOf(':');
  return colon >= 0 ? cleaned.slice(colon + 1).trim() : cleaned;
}
