import type { Cheerio, CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import type { OptionType, OptionValue, ProductDetails, ProductOption } from '../types';
import { cleanText, figureAfterLabel, loadPage, onclickArgs, toInt } from './markup';

/** Texts OpenCart's language packs print for "in stock"; anything else is a stock status such as "Pre-Order". */
const IN_STOCK_TEXTS = new Set(['in stock', 'auf lager', 'в наличии', 'en stock', 'disponibile', 'en existencia', 'op voorraad']);

/** "Red (+$4.80)" -> name "Red", delta "+$4.80". The delta is the last parenthesised group. */
export function splitPriceDelta(label: string): Pick<OptionValue, 'name' | 'priceDelta'> {
  const text = cleanText(label);
  if (text.endsWith(')')) {
    const open = text.lastIndexOf('(');
    const inner = open >= 0 ? text.slice(open + 1, -1).trim() : '';
    if (open > 0 && /^[+-]/.test(inner)) return { name: text.slice(0, open).trim(), priceDelta: inner.replace(/\s+/g, '') };
  }
  return { name: text, priceDelta: null };
}

function optionIdOf(name: string | undefined): number | null {
  if (!name || !name.startsWith('option[')) return null;
  return toInt(name.slice('option['.length, name.indexOf(']')));
}

function choiceValues($: CheerioAPI, inputs: Cheerio<Element>): OptionValue[] {
  return inputs.toArray().flatMap((input) => {
    const id = toInt($(input).attr('value'));
    if (id === null) return [];
    const { name, priceDelta } = splitPriceDelta($(input).closest('label').text());
    return [{ productOptionValueId: id, name, priceDelta }];
  });
}

/** One `div.form-group` of `div#product`, or null when it is not an option (the quantity group). */
function parseOption($: CheerioAPI, group: Cheerio<Element>): ProductOption | null {
  const control = group.find('[name^="option["]').first();
  const productOptionId = optionIdOf(control.attr('name'));
  if (productOptionId === null) return null;
  const base = { productOptionId, name: cleanText(group.find('label.control-label').first().text()), required: group.hasClass('required') };
  const select = group.find('select');
  if (select.length > 0) {
    const values = select.find('option').toArray().flatMap((option) => {
      const id = toInt($(option).attr('value'));
      return id === null ? [] : [{ productOptionValueId: id, ...splitPriceDelta($(option).text()) }];
    });
    return { ...base, type: 'select', values, defaultValue: null };
  }
  const radios = group.find('input[type=radio]');
  if (radios.length > 0) {
    const type: OptionType = group.find('label img').length > 0 ? 'image' : 'radio';
    return { ...base, type, values: choiceValues($, radios), defaultValue: null };
  }
  const checkboxes = group.find('input[type=checkbox]');
  if (checkboxes.length > 0) return { ...base, type: 'checkbox', values: choiceValues($, checkboxes), defaultValue: null };
  if (group.find('button[id^=button-upload]').length > 0) return { ...base, type: 'file', values: [], defaultValue: null };
  const textarea = group.find('textarea');
  if (textarea.length > 0) return { ...base, type: 'textarea', values: [], defaultValue: textarea.text() || null };
  const inputGroup = control.parent('.input-group');
  const type: OptionType = inputGroup.hasClass('datetime') ? 'datetime' : inputGroup.hasClass('date') ? 'date' : inputGroup.hasClass('time') ? 'time' : 'text';
  return { ...base, type, values: [], defaultValue: control.attr('value') || null };
}

/** The right column's first list: Brand, Product Code, Reward Points, Availability ("Label: value" lines). */
function readFacts($: CheerioAPI, list: Cheerio<Element>): { brand: string | null; model: string | null; stockText: string } {
  const lines = list.find('li').toArray().map((li) => cleanText($(li).text()));
  const brandLink = list.find('li').first().find('a').first(); // only the brand line holds a link
  const brand = brandLink.length > 0 ? cleanText(brandLink.text()) : null;
  // Order in the template: brand (optional), model, reward (optional), availability (always last).
  const rest = brandLink.length > 0 ? lines.slice(1) : lines;
  const stockText = rest.length > 0 ? figureAfterLabel(rest[rest.length - 1]) : '';
  const model = rest.length > 1 ? figureAfterLabel(rest[0]) : null;
  return { brand, model, stockText };
}

/** The price list: [old price,] price or special in the h2, then "Ex Tax: ..." when the store shows taxes. */
function readPrices(list: Cheerio<Element>): Pick<ProductDetails, 'price' | 'special' | 'priceExTax'> {
  const priceItem = list.find('li h2').first().closest('li');
  const shown = cleanText(priceItem.text());
  const old = list.find('li span[style*="line-through"]').first();
  // Without a tax line the next item may be "Price in reward points: 400", a bare integer.
  const nextText = cleanText(priceItem.next('li').text());
  const priceExTax = nextText.includes(':') && toInt(figureAfterLabel(nextText)) === null ? figureAfterLabel(nextText) : null;
  if (old.length > 0) return { price: cleanText(old.text()), special: shown, priceExTax };
  return { price: shown, special: null, priceExTax };
}

export function isInStockText(stockText: string): boolean {
  const numeric = toInt(stockText);
  if (numeric !== null) return numeric > 0;
  return IN_STOCK_TEXTS.has(stockText.toLowerCase());
}

/** product/product. Returns null for pages without a product form (the "Product not found!" page). */
export function parseProductPage(html: string): ProductDetails | null {
  const $ = loadPage(html);
  const form = $('#product').first();
  const productId = toInt(form.find('input[name=product_id]').attr('value'));
  if (productId === null) return null;
  const h1 = $('#content h1').first();
  const column = h1.parent();
  const lists = column.children('ul.list-unstyled');
  const facts = readFacts($, lists.eq(0));
  const options = form.find('.form-group').toArray().flatMap((group) => parseOption($, $(group)) ?? []);
  const quantityInput = form.find('input[name=quantity]');
  const cartArgs = onclickArgs($('#button-cart').attr('onclick'), 'cart.add');
  const images = $('ul.thumbnails a.thumbnail').toArray().flatMap((a) => $(a).attr('href') ?? []);
  return {
    productId,
    name: cleanText(h1.text()),
    thumb: $('ul.thumbnails a.thumbnail img').first().attr('src') ?? null,
    ...readPrices(lists.eq(1)),
    minimum: toInt(quantityInput.attr('value')) ?? toInt(cartArgs?.[1]) ?? 1,
    description: cleanText($('#tab-description').text()),
    stockText: facts.stockText,
    inStock: isInStockText(facts.stockText),
    images,
    options,
    model: facts.model,
    brand: facts.brand,
  };
}
