import { foldText } from './fold';
import { interpretProductText, MAX_TEXT_READ } from './interpret';

/** What a sentence about "this" product says: how many, and words that may name option values ("red"). */
export interface ThisProductRequest {
  quantity: number | null;
  optionWords: string[];
}

/** Words pointing at the product in front of the customer (folded: "её" is "ее"). */
const POINTING = new Set([
  'this', 'these', 'that', 'those', 'it', 'here',
  'dies', 'diese', 'dieses', 'diesen', 'diesem', 'dieser', 'hier', 'davon', 'es', 'ihn',
  'это', 'этот', 'эту', 'эти', 'этого', 'этих', 'вот', 'такои', 'такую', 'такие', 'таких', 'его', 'ее', 'их',
]);

/** Verbs of taking that, with nothing else said about the product, mean the one on the page ("nehme ich", "беру"). */
const TAKING = new Set([
  'add', 'take', 'get', 'grab', 'want', 'have',
  'nehme', 'nehmen', 'nimm', 'hinzufugen', 'lege', 'leg', 'legen', 'packe', 'pack', 'kaufe', 'bestelle',
  'беру', 'возьму', 'возьми', 'возьмите', 'добавь', 'добавьте', 'добавить', 'положи', 'положите', 'куплю', 'закажу',
]);

/** Glue that says nothing about which product ("to my cart", "in", "den Warenkorb", "в корзину"). */
const FILLER = new Set([
  'i', 'll', 'will', 'would', 'like', 'to', 'my', 'cart', 'basket', 'in', 'into', 'just', 'also', 'too', 'as', 'well',
  'yes', 'ok', 'colour', 'color', 'size', 'one', 'ones', 'please',
  'ich', 'im', 'den', 'warenkorb', 'korb', 'dazu', 'gerne', 'gern', 'auch', 'ja', 'farbe', 'grosse',
  'в', 'корзину', 'корзина', 'тоже', 'да', 'пожалуи', 'цвете', 'цвет', 'размер', 'размере', 'я', 'штуку', 'штуки',
]);

/** German articles that point when nothing follows them ("ich will das", "den nehme ich"); search drops them as stop words. */
const POINTING_ARTICLES = new Set(['das', 'den', 'die', 'dem']);

/** "this one", "that one": the product, not a quantity of one. */
const THIS_ONE = /\b(this|that|these|those) ones?\b/g;

/**
 * Reads "I'll take this in red", "add this", "2 of these", "das hier", "nehme ich", "вот этот" as the product the
 * customer is looking at, with the quantity and option words the sentence gives; null when the words name or
 * describe some product (then they are a search). Linear, and only the start of a long text is read.
 */
export function readThisProduct(text: string): ThisProductRequest | null {
  const folded = foldText(text.slice(0, MAX_TEXT_READ)).replace(THIS_ONE, '$1');
  const { quantity, productWords, optionWords } = interpretProductText(folded);
  const pointed =
    productWords.some((word) => POINTING.has(word) || TAKING.has(word)) || folded.split(' ').some((word) => POINTING_ARTICLES.has(word));
  const onlyPointing = productWords.every((word) => POINTING.has(word) || TAKING.has(word) || FILLER.has(word));
  return pointed && onlyPointing ? { quantity, optionWords } : null;
}
