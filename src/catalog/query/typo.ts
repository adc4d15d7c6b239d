import { osaWithin, withinOneEdit } from './osa';
import { typoBudget } from '../geo/name-match';
import { foldedWords, foldText } from './fold';
import { canonicalCategoryWord } from './interpret';

/** A top category and the products its listing shows. */
export interface ListedCategory {
  name: string;
  productIds: number[];
}

/** Words of the store's product names; corrects a customer's word to the one nearest by OSA distance (a swap of two neighbouring letters is one edit). */
export class ProductVocabulary {
  private readonly words: string[];
  private readonly longest: number;
  /** Product names, folded, to tell which searches OpenCart will answer with something. */
  private readonly names: string[];
  /** Each listed category's folded name words (stems), with the products its listing shows. */
  private readonly categories: { stems: string[]; productIds: ReadonlySet<number> }[];

  constructor(productNames: string[], categories: ListedCategory[] = []) {
    this.categories = categories.map((category) => ({
      stems: foldedWords(category.name).map(stripPlural),
      productIds: new Set(category.productIds),
    }));
    this.names = [...new Set(productNames.map((name) => foldedWords(name).join(' ')).filter(Boolean))];
    this.words = [...new Set(this.names.flatMap((name) => name.split(' ')).filter((word) => word.length >= 2))];
    this.longest = this.words.reduce((longest, word) => Math.max(longest, word.length), 0);
  }

  /**
   * Whether a product name contains every word (as OpenCart's search does: each word anywhere in the name). Names
   * come from the top categories' listings, so false is a guess: the store may still have such a product.
   */
  namesAll(words: string[]): boolean {
    return words.length > 0 && this.names.some((name) => words.every((word) => name.includes(word)));
  }

  /**
   * The products listed in the categories a word names ("cameras", "kamera", "камеры" name Cameras / Kameras /
   * Камеры), a German or Russian word an English category ("камеры" Cameras, see CATEGORY_WORD_STEMS), a word of
   * 5 letters or more also with one slip ("camreas"); or null when it names none. Words under 3 letters never name
   * a category.
   */
  categoryProducts(word: string): ReadonlySet<number> | null {
    const stem = stripPlural(foldText(word));
    if (stem.length < 3) return null;
    const having = (test: (known: string) => boolean) => this.categories.filter((category) => category.stems.some(test));
    let named = having((known) => known === stem);
    const english = named.length === 0 ? canonicalCategoryWord(stem) : null;
    if (english) named = having((known) => known === english);
    // Else one slip in a longer word still names it: a typo, or "kamera" for an English shop's Cameras.
    if (named.length === 0 && stem.length >= 5) named = having((known) => known.length >= 5 && withinOneEdit(stem, known));
    if (named.length === 0) return null;
    if (named.length === 1) return named[0].productIds;
    return new Set(named.flatMap((category) => [...category.productIds]));
  }

  get size(): number {
    return this.words.length;
  }

  /** The word itself when the store knows it (also as part of a word), the one nearest word, or null. */
  correct(word: string): string | null {
    // Longer than any product name's word by more than a typo: neither part of one nor a typo of one.
    if (word.length > this.longest + 2) return null;
    if (this.words.some((known) => known.includes(word))) return word;
    const budget = typoBudget(word.length);
    if (budget === 0) return null;
    let best = budget + 1;
    let nearest: string[] = [];
    for (const known of this.words) {
      const d = osaWithin(word, known, budget);
      if (d > budget) continue;
      if (d < best) {
        best = d;
        nearest = [known];
      } else if (d === best) {
        nearest.push(known);
      }
    }
    return nearest.length === 1 ? nearest[0] : null;
  }
}

/** "cameras" -> "camera", "камеры" -> "камер": OpenCart matches substrings, so a shorter stem still finds the name. */
export function stripPlural(word: string): string {
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  if (word.length > 4 && /[ыиаяуюео]$/.test(word)) return word.slice(0, -1);
  return word;
}
