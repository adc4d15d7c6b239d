import type { CatalogRequestOptions, FoundProducts, ProductSummary } from './types';
import { interpretProductText, toProductQuery } from './query/interpret';
import { ProductVocabulary, stripPlural } from './query/typo';

export interface SearchPort {
  search(search: string, opts: CatalogRequestOptions & { description?: boolean }): Promise<ProductSummary[]>;
  vocabulary(opts: CatalogRequestOptions): Promise<ProductVocabulary>;
}

interface Attempt {
  words: string[];
  description: boolean;
}

/** Each attempt once, in order; the first is the text as typed, every later one is looser. */
function* attempts(words: string[]): Generator<Attempt | 'typos', void, string[] | null> {
  const seen = new Set<string>();
  const fresh = (candidate: string[]) => {
    const key = candidate.join(' ');
    if (!key || seen.has(key)) return false;
    seen.add(key);
    return true;
  };
  const stems = words.map(stripPlural);
  for (const candidate of [words, stems]) if (fresh(candidate)) yield { words: candidate, description: false };
  // Fewer words: drop one at a time (the last first), then single words, longest first.
  if (stems.length > 2) {
    for (let drop = stems.length - 1; drop >= 0; drop -= 1) {
      const candidate = stems.filter((_, index) => index !== drop);
      if (fresh(candidate)) yield { words: candidate, description: false };
    }
  }
  const singles = [...stems].sort((a, b) => b.length - a.length).filter((word) => word.length >= 2);
  for (const word of singles) if (fresh([word])) yield { words: [word], description: false };
  const fixed = yield 'typos';
  if (fixed) {
    const fixedSingles = [...fixed].sort((a, b) => b.length - a.length);
    for (const candidate of [fixed, ...fixedSingles.map((word) => [word])]) if (fresh(candidate)) yield { words: candidate, description: false };
  }
  seen.clear();
  for (const candidate of [stems, ...singles.map((word) => [word])]) if (fresh(candidate)) yield { words: candidate, description: true };
}

const MAX_SEARCHES = 12;

/** Turns "two red canon cameras" into a search OpenCart answers, trying looser searches when it finds nothing. */
export async function findProducts(port: SearchPort, text: string, opts: CatalogRequestOptions): Promise<FoundProducts> {
  const interpreted = interpretProductText(text);
  const words = interpreted.productWords.length > 0 ? interpreted.productWords : interpreted.optionWords;
  const plan = attempts(words);
  const fixedOf = new Map<string, string>();
  let step = plan.next(null);
  let searches = 0;
  let first = true;
  while (!step.done && searches < MAX_SEARCHES) {
    const attempt = step.value;
    if (attempt === 'typos') {
      const vocabulary = await port.vocabulary(opts);
      const usable: string[] = [];
      for (const word of words) {
        const fixed = vocabulary.correct(stripPlural(word)) ?? vocabulary.correct(word);
        if (fixed === null) continue;
        fixedOf.set(word, fixed);
        usable.push(fixed);
      }
      const changed = usable.length > 0 && usable.join(' ') !== words.map(stripPlural).join(' ');
      step = plan.next(changed ? usable : null);
      continue;
    }
    searches += 1;
    const search = attempt.words.join(' ');
    const products = await port.search(search, { ...opts, description: attempt.description });
    if (products.length > 0) {
      const forms = (word: string) => [word, stripPlural(word), fixedOf.get(word) ?? word];
      const used = words.filter((word) => forms(word).some((form) => attempt.words.includes(form)));
      return { query: toProductQuery(interpreted, search, used), products, relaxed: !first };
    }
    first = false;
    step = plan.next(null);
  }
  return { query: toProductQuery(interpreted, words.join(' '), words), products: [], relaxed: searches > 1 };
}
