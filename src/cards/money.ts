import type { ProductDetails } from '../catalog/types';

/**
 * Prices as the storefront prints them (OpenCart's Currency::format: symbols around a number with the language's
 * separators, "$1,202.00", "96,66€", "1 202 р."), read back and printed the same way: the cart card shows the
 * storefront's prices without asking OpenCart for its cart.
 */

/** Longest price text read; anything longer is not a price. */
const MAX_PRICE_LENGTH = 40;

export interface ShownPrice {
  /** In the currency's smallest unit (cents), so sums stay exact. */
  minor: number;
  format: PriceFormat;
}

interface PriceFormat {
  left: string;
  right: string;
  decimals: number;
  decimalPoint: string;
  thousands: string;
}

const NUMBER = /^([^\d+-]*?)([+-]?)([^\d+-]*?)(\d(?:[\d.,' \u00a0\u202f]*\d)?)(\D*)$/;

/** The decimal point and grouping of a printed number: a separator followed by 1-2 digits at the end is the point. */
function readNumber(text: string): { minor: number; decimals: number; decimalPoint: string; thousands: string } | null {
  const separators = [...text.matchAll(/[.,' \u00a0\u202f]/g)];
  const last = separators[separators.length - 1];
  const digitsAfter = last ? text.length - last.index - 1 : 0;
  const kinds = new Set(separators.map((s) => s[0]));
  const isPoint = last !== undefined && (last[0] === '.' || last[0] === ',') && (kinds.size > 1 || digitsAfter !== 3);
  const decimalPoint = isPoint ? last[0] : last?.[0] === ',' ? '.' : ',';
  const decimals = isPoint ? digitsAfter : 0;
  const grouping = separators.filter((s) => !isPoint || s.index !== last.index).map((s) => s[0]);
  const thousands = grouping[0] ?? (decimalPoint === '.' ? ',' : '.');
  if (grouping.some((g) => g !== thousands)) return null;
  const whole = (isPoint ? text.slice(0, last.index) : text).split(thousands).join('');
  const fraction = isPoint ? text.slice(last.index + 1) : '';
  if (!/^\d+$/.test(whole) || !/^\d*$/.test(fraction)) return null;
  return { minor: Number(whole + fraction), decimals, decimalPoint, thousands };
}

/** "$1,202.00" or a delta "+$4.80" / "-4,80€" read back; null for anything that is not one printed price. */
export function readPrice(text: string): ShownPrice | null {
  if (text.length > MAX_PRICE_LENGTH) return null;
  const match = NUMBER.exec(text.trim());
  if (!match) return null;
  const [, before = '', sign = '', between = '', digits = '', right = ''] = match;
  const number = readNumber(digits);
  if (!number || !Number.isSafeInteger(number.minor)) return null;
  const { minor, ...separators } = number;
  return { minor: sign === '-' ? -minor : minor, format: { left: before + between, right, ...separators } };
}

/** A base price plus option deltas, in the base's format; null when one is unreadable or has other decimals. */
export function addPrices(base: ShownPrice, deltas: ShownPrice[]): ShownPrice | null {
  if (deltas.some((d) => d.format.decimals !== base.format.decimals)) return null;
  return { minor: deltas.reduce((sum, d) => sum + d.minor, base.minor), format: base.format };
}

/** The price times a quantity, printed as the storefront prints it. */
export function printPrice(price: ShownPrice, quantity = 1): string {
  const { left, right, decimals, decimalPoint, thousands } = price.format;
  const minor = price.minor * quantity;
  const digits = String(Math.abs(minor)).padStart(decimals + 1, '0');
  const whole = digits.slice(0, digits.length - decimals).replace(/\B(?=(\d{3})+(?!\d))/g, thousands);
  const number = decimals > 0 ? `${whole}${decimalPoint}${digits.slice(-decimals)}` : whole;
  // OpenCart puts the minus after the left symbol ("$-10.10").
  return `${left}${minor < 0 ? '-' : ''}${number}${right}`;
}

/**
 * The unit price of a product with the chosen option values (`selection`: option id => value id, value ids or text),
 * as the storefront would print it: the special price when there is one, plus each chosen value's delta. Null when a
 * price is not readable.
 */
export function unitPrice(product: Pick<ProductDetails, 'price' | 'special' | 'options'>, selection: Record<string, string | string[]>): string | null {
  const deltas = product.options.flatMap((option) => {
    const chosen = [selection[String(option.productOptionId)] ?? []].flat();
    return option.values.filter((value) => chosen.includes(String(value.productOptionValueId))).map((value) => value.priceDelta);
  });
  const base = readPrice(product.special ?? product.price);
  if (!base) return null;
  const read = deltas.filter((d): d is string => d !== null).map(readPrice);
  if (read.some((d) => d === null)) return null;
  const total = addPrices(base, read as ShownPrice[]);
  return total ? printPrice(total) : null;
}
