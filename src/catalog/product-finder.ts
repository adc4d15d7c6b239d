import type { CatalogRequestOptions, FoundProducts, ProductSummary } from './types';
import { interpretProductText, toProductQuery, type InterpretedText } from './query/interpret';
import { splitRequests } from './query/split';
import { ProductVocabulary, stripPlural } from './query/typo';

export interface SearchPort {
  search(search: string, opts: CatalogRequestOptions & { description?: boolean }): Promise<ProductSummary[]>;
  vocabulary(opts: CatalogRequestOptions): Promise<ProductVocabulary>;
}

interface Attempt {
  words: string[];
  description: boolean;
}

/** Every search worth trying, each once, in order: the text as typed first, every later one looser. */
function plannedAttempts(words: string[], fixed: string[] | null): Attempt[] {
  const seen = new Set<string>();
  const plan: Attempt[] = [];
  const add = (candidate: string[], description: boolean) => {
    const key = candidate.join(' ');
    if (!key || seen.has(key)) return;
    seen.add(key);
    plan.push({ words: candidate, description });
  };
  const stems = words.map(stripPlural);
  for (const candidate of [words, stems]) add(candidate, false);
  // Fewer words: drop one at a time (the last first), then single words, longest first.
  if (stems.length > 2) {
    for (let drop = stems.length - 1; drop >= 0; drop -= 1) add(stems.filter((_, index) => index !== drop), false);
  }
  const singles = [...stems].sort((a, b) => b.length - a.length).filter((word) => word.length >= 2);
  for (const word of singles) add([word], false);
  if (fixed) {
    const fixedSingles = [...fixed].sort((a, b) => b.length - a.length);
    for (const candidate of [fixed, ...fixedSingles.map((word) => [word])]) add(candidate, false);
  }
  seen.clear();
  for (const candidate of [stems, ...singles.map((word) => [word])]) add(candidate, true);
  return plan;
}

/** The words with typos corrected from the store's names, or null when nothing changed; fixedOf maps each word to its fix. */
function typoFixes(vocabulary: ProductVocabulary, words: string[], fixedOf: Map<string, string>): string[] | null {
  const usable: string[] = [];
  for (const word of words) {
    const fixed = vocabulary.correct(stripPlural(word)) ?? vocabulary.correct(word);
    if (fixed === null) continue;
    fixedOf.set(word, fixed);
    usable.push(fixed);
  }
  return usable.length > 0 && usable.join(' ') !== words.map(stripPlural).join(' ') ? usable : null;
}

async function vocabularyOf(port: SearchPort, opts: CatalogRequestOptions): Promise<ProductVocabulary | null> {
  try {
    return await port.vocabulary(opts);
  } catch {
    return null; // the listings could not be read: every search is then asked in its order, as without one
  }
}

const MAX_SEARCHES = 12;

/**
 * The words a search left out that each name a top category, when some found products are listed in all of those
 * categories: those products first (the rest stay, as the listings are only the top categories' first page).
 */
function namedCategories(
  vocabulary: ProductVocabulary,
  words: string[],
  used: string[],
  products: ProductSummary[],
): { words: string[]; products: ProductSummary[]; productIds: number[] } | null {
  const left = words.filter((word) => !used.includes(word));
  if (left.length === 0) return null;
  const listed = left.map((word) => vocabulary.categoryProducts(word));
  if (listed.some((ids) => ids === null)) return null;
  const inAll = (product: ProductSummary) => listed.every((ids) => ids?.has(product.productId));
  const inCategory = products.filter(inAll);
  if (inCategory.length === 0) return null;
  return {
    words: left,
    products: [...inCategory, ...products.filter((product) => !inAll(product))],
    productIds: inCategory.map((product) => product.productId),
  };
}

/**
 * Turns "two red canon cameras" into a search OpenCart answers, trying looser searches when it finds nothing.
 * The store's product names (the vocabulary, cached for all conversations) tell which of the searches will find
 * something: those are asked first, so the usual phrase costs one storefront fetch. The others follow in their
 * order, for products the top categories' listings don't show, then the description searches.
 */
export async function findProducts(port: SearchPort, text: string, opts: CatalogRequestOptions): Promise<FoundProducts> {
  const interpreted = interpretProductText(text);
  // Nothing to look for: no page is read, not even the vocabulary.
  if (searchWords(interpreted).length === 0) return findOne(port, interpreted, opts, null);
  const vocabulary = await vocabularyOf(port, opts);
  // "a camera and an iphone": the first is looked for now, the others are handed back for later.
  const requests = splitRequests(text, vocabulary ? (productWords) => vocabulary.namesAll(productWords) : undefined);
  if (requests.length === 1) return findOne(port, interpreted, opts, vocabulary);
  const first = await findOne(port, interpretProductText(requests[0]), opts, vocabulary);
  return { ...first, more: requests.slice(1) };
}

/** The words a search is made of: the product words, else the option words alone ("red"). */
function searchWords(interpreted: InterpretedText): string[] {
  return interpreted.productWords.length > 0 ? interpreted.productWords : interpreted.optionWords;
}

async function findOne(
  port: SearchPort,
  interpreted: InterpretedText,
  opts: CatalogRequestOptions,
  vocabulary: ProductVocabulary | null,
): Promise<FoundProducts> {
  const words = searchWords(interpreted);
  if (words.length === 0) return { query: toProductQuery(interpreted, '', []), products: [], relaxed: false };
  const fixedOf = new Map<string, string>();
  const plan = plannedAttempts(words, vocabulary ? typoFixes(vocabulary, words, fixedOf) : null);
  const likely = vocabulary ? plan.filter((attempt) => !attempt.description && vocabulary.namesAll(attempt.words)) : [];
  const order = [...likely, ...plan.filter((attempt) => !likely.includes(attempt))].slice(0, MAX_SEARCHES);
  for (const attempt of order) {
    const search = attempt.words.join(' ');
    const products = await port.search(search, { ...opts, description: attempt.description });
    if (products.length > 0) {
      const forms = (word: string) => [word, stripPlural(word), fixedOf.get(word) ?? word];
      const used = words.filter((word) => forms(word).some((form) => attempt.words.includes(form)));
      const named = vocabulary && !attempt.description ? namedCategories(vocabulary, words, used, products) : null;
      if (named) {
        // "canon cameras": "canon" searched, "cameras" the category its listing shows the product in. Every word is
        // accounted for when the search used the customer's own words (no typo fix).
        const ownWords = attempt.words.every((word) => words.includes(word) || words.map(stripPlural).includes(word));
        return {
          query: toProductQuery(interpreted, search, [...used, ...named.words]),
          products: named.products,
          relaxed: !ownWords,
          category: { words: named.words.length, productIds: named.productIds },
        };
      }
      return { query: toProductQuery(interpreted, search, used), products, relaxed: attempt !== plan[0] };
    }
  }
  return { query: toProductQuery(interpreted, words.join(' '), words), products: [], relaxed: order.length > 1 };
}
