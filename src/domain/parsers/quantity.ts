import { numberFromWords } from '../../catalog/query/number-words';
import { beyondParserLimit, cleanText, parsed, rejected, type ParseResult } from './result';

export type QuantityRejection =
  | 'QUANTITY_EMPTY'
  | 'QUANTITY_NOT_A_NUMBER'
  | 'QUANTITY_NOT_WHOLE'
  | 'QUANTITY_BELOW_MINIMUM'
  | 'QUANTITY_TOO_LARGE';

export interface QuantityRules {
  /** The product's minimum quantity (OpenCart refuses the order below it). */
  minimum?: number;
  /** More than this is taken for a typo rather than an order. */
  maximum?: number;
}

export const DEFAULT_MAX_QUANTITY = 999;

/** Unit words customers add after the number: "3 pcs", "3 шт.", "3 Stück", "x3". */
const UNIT_WORDS = /(^|\s)(x|×|pcs?|pieces?|items?|units?|шт|штук[аи]?|штуку|stück|stk|mal)\.?(?=\s|$)/giu;

/** Reads "3", "x3", "3 pcs", "three", "две", "zwei Stück"; respects the product's minimum and a sane maximum. */
export function parseQuantity(input: string, rules: QuantityRules = {}): ParseResult<number, QuantityRejection> {
  const minimum = Math.max(1, rules.minimum ?? 1);
  const maximum = Math.max(minimum, rules.maximum ?? DEFAULT_MAX_QUANTITY);
  if (beyondParserLimit(input)) return rejected('QUANTITY_NOT_A_NUMBER');
  const text = cleanText(input).toLowerCase();
  if (text === '') return rejected('QUANTITY_EMPTY');
  if (text.length > 40) return rejected('QUANTITY_NOT_A_NUMBER');
  const bare = text
    .replace(/^(x|×)\s*(?=\d)/u, '')
    .replace(/(?<=\d)\s*(x|×)$/u, '')
    .replace(UNIT_WORDS, ' ')
    .trim();
  const value = readNumber(bare);
  if (value === 'fraction') return rejected('QUANTITY_NOT_WHOLE');
  if (value === null) return rejected('QUANTITY_NOT_A_NUMBER');
  if (value > maximum) return rejected('QUANTITY_TOO_LARGE');
  if (value < minimum) return rejected('QUANTITY_BELOW_MINIMUM');
  return parsed(value);
}

function readNumber(text: string): number | 'fraction' | null {
  if (/^\d{1,12}$/.test(text)) return Number(text);
  // "1,000" / "1.000" / "1 000": thousands separators in en/de/ru; a quantity never has three decimals
  if (/^\d{1,3}([ ,.']\d{3})+$/.test(text)) return Number(text.replace(/\D/g, ''));
  if (/^\d+[.,]0{1,2}$/.test(text)) return Number(text.replace(/[.,]0+$/, ''));
  if (/^-?\d*[.,]\d+$/.test(text) || /^\d+\/\d+$/.test(text) || /^\d+\s*½$/u.test(text) || text === '½') {
    return 'fraction';
  }
  if (/^-\s*\d+$/.test(text)) return 0; // negative amounts are below any minimum
  return numberFromWords(text);
}
