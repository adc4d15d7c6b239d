import { osaWithin } from './osa';
import type { OptionValue, ProductDetails, ProductOption } from '../types';
import { typoBudget } from '../geo/name-match';
import { foldText, foldedWords } from './fold';
import { canonicalOptionWord } from './interpret';

const CHOICE_TYPES = new Set(['select', 'radio', 'image', 'checkbox']);
const MAX_WORDS = 20;
const MAX_WORD_TEXT = 300;

function wordNames(customerWord: string, valueWord: string): boolean {
  if (customerWord === valueWord) return true;
  const canonical = canonicalOptionWord(customerWord);
  if (canonical !== null && (canonical === valueWord || canonical === canonicalOptionWord(valueWord))) return true;
  if (valueWord.length < 4) return false;
  const budget = typoBudget(valueWord.length);
  return osaWithin(customerWord, valueWord, budget) <= budget;
}

/** A value is named when every word of its name is named by one of the customer's words ("Checkbox 2"). */
function valueNamed(value: OptionValue, words: string[]): boolean {
  const nameWords = foldedWords(value.name);
  return nameWords.length > 0 && nameWords.every((nameWord) => words.some((word) => wordNames(word, nameWord)));
}

/** The values of one option that the words name; [] unless the words name exactly one (several for checkboxes). */
export function matchOptionValues(option: ProductOption, words: string[]): number[] {
  if (!CHOICE_TYPES.has(option.type)) return [];
  // Only the first words are read: no value's name needs more, and a pasted page costs nothing.
  const folded = words.slice(0, MAX_WORDS).flatMap((word) => foldText(word.slice(0, MAX_WORD_TEXT)).split(' ')).filter(Boolean).slice(0, MAX_WORDS);
  if (folded.length === 0) return [];
  const named = option.values.filter((value) => valueNamed(value, folded));
  // Two values named at once ("red" with "Red" and "Dark Red") is ambiguous for a single choice: leave it to the dialog.
  return option.type === 'checkbox' || named.length === 1 ? named.map((value) => value.productOptionValueId) : [];
}

/** Option values the words name ("red" -> Red of option 226). One value per select/radio option; checkboxes may take several. */
export function matchOptionWords(product: ProductDetails, words: string[]): Record<number, number[]> {
  const chosen: Record<number, number[]> = {};
  for (const option of product.options) {
    const named = matchOptionValues(option, words);
    if (named.length > 0) chosen[option.productOptionId] = named;
  }
  return chosen;
}
