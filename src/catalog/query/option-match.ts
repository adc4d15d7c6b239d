import { osaDistance } from './osa';
import type { OptionValue, ProductDetails } from '../types';
import { typoBudget } from '../geo/name-match';
import { foldText, foldedWords } from './fold';
import { canonicalOptionWord } from './interpret';

const CHOICE_TYPES = new Set(['select', 'radio', 'image', 'checkbox']);

function wordNames(customerWord: string, valueWord: string): boolean {
  if (customerWord === valueWord) return true;
  const canonical = canonicalOptionWord(customerWord);
  if (canonical !== null && (canonical === valueWord || canonical === canonicalOptionWord(valueWord))) return true;
  return valueWord.length >= 4 && osaDistance(customerWord, valueWord) <= typoBudget(valueWord.length);
}

/** A value is named when every word of its name is named by one of the customer's words ("Checkbox 2"). */
function valueNamed(value: OptionValue, words: string[]): boolean {
  const nameWords = foldedWords(value.name);
  return nameWords.length > 0 && nameWords.every((nameWord) => words.some((word) => wordNames(word, nameWord)));
}

/** Option values the words name ("red" -> Red of option 226). One value per select/radio option; checkboxes may take several. */
export function matchOptionWords(product: ProductDetails, words: string[]): Record<number, number[]> {
  const folded = words.flatMap((word) => foldText(word).split(' ')).filter(Boolean);
  const chosen: Record<number, number[]> = {};
  if (folded.length === 0) return chosen;
  for (const option of product.options) {
    if (!CHOICE_TYPES.has(option.type)) continue;
    const named = option.values.filter((value) => valueNamed(value, folded));
    // Two values named at once ("red" with "Red" and "Dark Red") is ambiguous for a single choice: leave it to the dialog.
    if (option.type === 'checkbox' ? named.length > 0 : named.length === 1) {
      chosen[option.productOptionId] = named.map((value) => value.productOptionValueId);
    }
  }
  return chosen;
}
