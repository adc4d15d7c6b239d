import type { DemoCurrency } from './model';
import { phpRound } from './php';

/** number_format($n, $decimals, '.', ','). */
function numberFormat(value: number, decimals: number): string {
  const negative = value < 0;
  const fixed = Math.abs(value).toFixed(decimals);
  const [whole = '0', fraction] = fixed.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const text = fraction !== undefined ? `${grouped}.${fraction}` : grouped;
  return negative && Number(fixed) !== 0 ? `-${text}` : text;
}

/**
 * OpenCart's Currency::format: converts from the default currency with the currency's rate, rounds, then
 * puts the symbols around the number ("$-10.10", "96.66€", "£75.46", "$2,147,483,647,301.00").
 */
export function formatMoney(amountInDefault: number, currency: DemoCurrency): string {
  const converted = amountInDefault * currency.value;
  const rounded = phpRound(converted, currency.decimalPlace);
  return `${currency.symbolLeft}${numberFormat(rounded, currency.decimalPlace)}${currency.symbolRight}`;
}

/** Currency::convert from one currency into another, through the rates (default currency = 1). */
export function convertMoney(amount: number, from: DemoCurrency, to: DemoCurrency): number {
  return (amount / from.value) * to.value;
}

/** A DECIMAL(15,4) column as MySQL returns it: "106.0000". */
export function decimal4(value: number): string {
  return phpRound(value, 4).toFixed(4);
}

/** A FLOAT(15,8) column (single precision) as MySQL returns it: 0.7846 -> "0.78460002". */
export function float8(value: number): string {
  return Math.fround(value).toFixed(8);
}
