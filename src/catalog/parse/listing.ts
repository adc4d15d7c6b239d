import type { Cheerio, CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import type { ProductSummary } from '../types';
import { cleanText, figureAfterLabel, linkParam, loadPage, onclickArgs, toInt } from './markup';

/** Reads the id and minimum from the buttons, which keep them when SEO URLs rewrite the links. */
function productIdOf($: CheerioAPI, thumb: Cheerio<Element>): { productId: number; minimum: number } | null {
  for (const button of thumb.find('button[onclick]').toArray()) {
    const onclick = $(button).attr('onclick');
    const cartArgs = onclickArgs(onclick, 'cart.add');
    if (cartArgs && cartArgs.length > 0) {
      const productId = toInt(cartArgs[0]);
      if (productId !== null) return { productId, minimum: toInt(cartArgs[1]) ?? 1 };
    }
  }
  for (const fn of ['wishlist.add', 'compare.add']) {
    for (const button of thumb.find('button[onclick]').toArray()) {
      const args = onclickArgs($(button).attr('onclick'), fn);
      const productId = args ? toInt(args[0]) : null;
      if (productId !== null) return { productId, minimum: 1 };
    }
  }
  const fromLink = toInt(linkParam(thumb.find('.caption h4 a').attr('href'), 'product_id'));
  return fromLink === null ? null : { productId: fromLink, minimum: 1 };
}

/** Price, special and "Ex Tax" figure of a `p.price` block (listing pages). */
export function readListingPrice(priceBlock: Cheerio<Element>): Pick<ProductSummary, 'price' | 'special' | 'priceExTax'> {
  const taxText = priceBlock.find('.price-tax').text();
  const priceExTax = taxText ? figureAfterLabel(taxText) : null;
  const specialNew = priceBlock.find('.price-new');
  if (specialNew.length > 0) {
    return { price: cleanText(priceBlock.find('.price-old').text()), special: cleanText(specialNew.text()), priceExTax };
  }
  const plain = priceBlock.clone();
  plain.find('.price-tax').remove();
  return { price: cleanText(plain.text()), special: null, priceExTax };
}

/** Every `div.product-thumb` inside the scope (search results, category listing, featured, related). */
export function parseProductThumbs($: CheerioAPI, scope: Cheerio<Element>): ProductSummary[] {
  const products: ProductSummary[] = [];
  const seen = new Set<number>();
  for (const element of scope.find('div.product-thumb').toArray()) {
    const thumb = $(element);
    const ids = productIdOf($, thumb);
    if (!ids || seen.has(ids.productId)) continue;
    seen.add(ids.productId);
    const image = thumb.find('.image img').first();
    const name = cleanText(thumb.find('.caption h4').first().text()) || image.attr('alt') || '';
    products.push({
      productId: ids.productId,
      name,
      thumb: image.attr('src') ?? null,
      ...readListingPrice(thumb.find('p.price').first()),
      minimum: ids.minimum,
    });
  }
  return products;
}

export interface SearchPage {
  products: ProductSummary[];
  /** "Showing 1 to 4 of 4 (1 Pages)" total, when the page shows it. */
  total: number | null;
}

/**
 * product/search: the results in `#content`, without related or featured modules of the side columns. Null when
 * the page is no search page: OpenCart's always shows its search criteria form (`#input-search`), with hits or
 * without ("There is no product that matches the search criteria."), so an error page is not "nothing found".
 */
export function parseSearchPage(html: string): SearchPage | null {
  const $ = loadPage(html);
  const content = $('#content').first();
  if (content.length === 0 || $('#input-search').length === 0) return null;
  const products = parseProductThumbs($, content.find('.product-layout').parent());
  return { products, total: readTotal(content.find('.text-right').last().text()) };
}

/** The last number of "Showing 1 to 4 of 4 (1 Pages)" is the page count, the one before it the total. */
function readTotal(text: string): number | null {
  const numbers = cleanText(text).match(/\d+/g);
  return numbers && numbers.length >= 4 ? Number(numbers[2]) : null;
}
