import { osaDistance } from './osa';
import { typoBudget } from '../geo/name-match';
import { foldedWords } from './fold';

/** Words of the store's product names; corrects a customer's word to the one nearest by OSA distance (a swap of two neighbouring letters is one edit). */
export class ProductVocabulary {
  private readonly words: string[];

  constructor(productNames: string[]) {
    this.words = [...new Set(productNames.flatMap((name) => foldedWords(name)).filter((word) => word.length >= 2))];
  }

  get size(): number {
    return this.words.length;
  }

  /** The word itself when the store knows it (also as part of a word), the one nearest word, or null. */
  correct(word: string): string | null {
    if (this.words.some((known) => known.includes(word))) return word;
    const budget = typoBudget(word.length);
    if (budget === 0) return null;
    let best = budget + 1;
    let nearest: string[] = [];
    for (const known of this.words) {
      const d = osaDistance(word, known);
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
