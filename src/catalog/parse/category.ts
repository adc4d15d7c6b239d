import type { Category, CategoryPage } from '../types';
import { parseProductThumbs } from './listing';
import { cleanText, linkParam, loadPage } from './markup';

/** Menu and "Refine Search" entries read "Mac (1)" when product counts are on. */
function withoutCount(name: string): string {
  return cleanText(name).replace(/\s*\(\d+\)$/, '');
}

/** product/category&path=N. The path comes from the request: SEO links do not carry it. */
export function parseCategoryPage(html: string, path: string): CategoryPage {
  const $ = loadPage(html);
  const content = $('#content').first();
  const subcategories: Category[] = [];
  // "Refine Search" is the only h3 followed by a list of category links before the listing.
  content.find('h3').first().next('.row').find('ul li a').each((_, link) => {
    const subPath = linkParam($(link).attr('href'), 'path');
    if (subPath) subcategories.push({ path: subPath, name: withoutCount($(link).text()) });
  });
  return {
    category: { path, name: cleanText(content.find('h2').first().text()) },
    subcategories,
    products: parseProductThumbs($, content.find('.product-layout').parent()),
  };
}

/** Top categories from the header menu; null when SEO URLs hide the paths (use the search page's select then). */
export function parseMenuTopCategories(html: string): Category[] | null {
  const $ = loadPage(html);
  const categories: Category[] = [];
  for (const link of $('#menu ul.nav.navbar-nav > li > a').toArray()) {
    const path = linkParam($(link).attr('href'), 'path');
    if (!path) return null;
    categories.push({ path, name: withoutCount($(link).text()) });
  }
  return categories;
}

export interface CategoryTreeEntry extends Category {
  categoryId: number;
  depth: number;
}

/** The search page's `select[name=category_id]` lists every category by id, indented by depth; it survives SEO URLs. */
export function parseSearchCategorySelect(html: string): CategoryTreeEntry[] {
  const $ = loadPage(html);
  const entries: CategoryTreeEntry[] = [];
  const chain: number[] = [];
  $('select[name=category_id] option').each((_, option) => {
    const categoryId = Number($(option).attr('value'));
    if (!Number.isInteger(categoryId) || categoryId <= 0) return;
    const raw = $(option).text();
    const indent = raw.length - raw.replace(/^[\s\u00a0]+/, '').length;
    const depth = Math.round(indent / 6); // the template indents each level with six &nbsp;
    chain.length = depth;
    chain[depth] = categoryId;
    entries.push({ categoryId, depth, path: chain.join('_'), name: cleanText(raw) });
  });
  return entries;
}

export interface StoreLanguage {
  code: string; // OpenCart's language code, e.g. "en-gb"
  name: string;
}

/** The header's language switcher (`form#form-language`); OpenCart prints it only when several languages are enabled. */
export function parseStoreLanguages(html: string): StoreLanguage[] {
  const $ = loadPage(html);
  const languages: StoreLanguage[] = [];
  $('#form-language .language-select').each((_, button) => {
    const code = $(button).attr('name');
    if (code) languages.push({ code, name: cleanText($(button).text()) || ($(button).find('img').attr('alt') ?? code) });
  });
  return languages;
}

export interface StoreCurrency {
  code: string; // OpenCart's currency code, e.g. "EUR"
  /** Symbol and title as the switcher shows them, e.g. "€ Euro". */
  label: string;
}

/**
 * The header's currency switcher (`form#form-currency`, one `button.currency-select[name=<code>]` per currency).
 * The default theme prints it only when the store offers more than one currency.
 */
export function parseStoreCurrencies(html: string): StoreCurrency[] {
  const $ = loadPage(html);
  const currencies: StoreCurrency[] = [];
  $('#form-currency .currency-select').each((_, button) => {
    const code = $(button).attr('name');
    if (code) currencies.push({ code, label: cleanText($(button).text()) });
  });
  return currencies;
}
