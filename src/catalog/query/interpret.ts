import type { ProductQuery } from '../types';
import { foldText } from './fold';
import { countWord } from './number-words';
import { CATEGORY_WORD_STEMS, OPTION_WORD_STEMS, STOP_PHRASES, STOP_WORDS } from './vocabulary-words';

const MAX_QUANTITY = 9999;

const GERMAN_ENDINGS = new Set(['e', 'en', 'er', 'es', 'em']);

/** Whether a word is an inflected form of a stem: German adjective endings, or up to three Cyrillic letters. */
function inflects(word: string, stem: string): boolean {
  if (!word.startsWith(stem) || word.length === stem.length) return word === stem;
  const ending = word.slice(stem.length);
  if (/^[a-z]+$/.test(stem)) return GERMAN_ENDINGS.has(ending);
  return ending.length <= 3 && /^[\u0400-\u04ff]+$/.test(ending);
}

/** The key of `table` whose stems the word inflects, or null. */
function canonicalIn(table: Readonly<Record<string, readonly string[]>>, word: string): string | null {
  for (const [canonical, stems] of Object.entries(table)) {
    if (stems.some((stem) => inflects(word, stem))) return canonical;
  }
  return null;
}

/** The English option word a customer's word stands for ("rote" -> "red", "красную" -> "red"), or null. */
export function canonicalOptionWord(word: string): string | null {
  return canonicalIn(OPTION_WORD_STEMS, word);
}

/** The English category stem a customer's word stands for ("kamera" -> "camera", "камеры" -> "camera"), or null. */
export function canonicalCategoryWord(word: string): string | null {
  return canonicalIn(CATEGORY_WORD_STEMS, word);
}

/** "2", "2x", "x2", "2шт" -> 2; number words in en/de/ru. */
function quantityOf(word: string): number | null {
  const digits = word.replace(/^x(?=\d)/, '').replace(/(x|шт|pcs|stk)$/, '');
  if (/^\d{1,4}$/.test(digits)) {
    const value = Number(digits);
    return value > 0 && value <= MAX_QUANTITY ? value : null;
  }
  return countWord(word);
}

function removeStopPhrases(folded: string): string {
  let text = ` ${folded} `;
  for (const phrase of STOP_PHRASES) text = text.split(` ${phrase} `).join(' ');
  return text.trim();
}

export interface InterpretedText {
  quantity: number | null;
  /** Words that may name the product, in the customer's order. */
  productWords: string[];
  /** Words that look like option values ("red", "large"), as typed (folded). */
  optionWords: string[];
}

/** Only the start of a longer text is read (the dialogs cap searches at 200 characters anyway). */
export const MAX_TEXT_READ = 500;
/** More product words than this make no better search, only more of them: later words are left out. */
export const MAX_PRODUCT_WORDS = 10;

/** An email address or a web address: never words of a product ("jane@example.com" searched "com"). */
function isAddress(token: string): boolean {
  return token.includes('@') || /^(https?:\/\/|www\.)/i.test(token);
}

/**
 * A message that is a phone number and nothing else ("+49 30 123456", "(030) 123-4567"): at least 7 digits, in
 * groups or after a "+", and no letters. Searched, it found products for "30". A bare run of digits stays a search.
 */
function isPhoneNumber(text: string): boolean {
  const trimmed = text.trim();
  if (trimmed.length > 40 || !/^\+?[\d\s().\/-]+$/.test(trimmed)) return false;
  const digits = trimmed.replace(/\D/g, '').length;
  return digits >= 7 && (trimmed.startsWith('+') || /\d[\s().\/-]+\d/.test(trimmed));
}

const NOTHING: InterpretedText = { quantity: null, productWords: [], optionWords: [] };

/** Splits what a customer wrote into a quantity, product words and option words; bounded whatever its length. */
export function interpretProductText(text: string): InterpretedText {
  if (isPhoneNumber(text.slice(0, MAX_TEXT_READ))) return { ...NOTHING };
  const kept = text
    .slice(0, MAX_TEXT_READ)
    .split(/\s+/)
    .filter((token) => !isAddress(token))
    .join(' ');
  const words = removeStopPhrases(foldText(kept)).split(' ').filter(Boolean);
  let quantity: number | null = null;
  const productWords: string[] = [];
  const optionWords: string[] = [];
  for (const word of words) {
    const asQuantity = quantityOf(word);
    if (asQuantity !== null && quantity === null) {
      quantity = asQuantity;
    } else if (canonicalOptionWord(word)) {
      if (optionWords.length < MAX_PRODUCT_WORDS) optionWords.push(word);
    } else if (!STOP_WORDS.has(word) && productWords.length < MAX_PRODUCT_WORDS) {
      productWords.push(word);
    }
  }
  return { quantity, productWords, optionWords };
}

export function toProductQuery(interpreted: InterpretedText, search: string, usedWords: string[]): ProductQuery {
  const used = new Set(usedWords);
  const leftovers = interpreted.productWords.filter((word) => !used.has(word));
  return { search, quantity: interpreted.quantity, optionWords: [...interpreted.optionWords, ...leftovers] };
}
