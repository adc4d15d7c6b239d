/** Word lists for reading product requests in English, German and Russian. All entries are folded (see foldText). */

/** Phrases of wanting and politeness, removed before searching ("i need", "ich möchte", "мне нужно"). */
export const STOP_PHRASES: readonly string[] = [
  'i would like', 'i d like', 'id like', 'i need', 'i want', 'i ll take', 'can i have', 'could i have', 'can i get',
  'give me', 'get me', 'i m looking for', 'looking for', 'do you have', 'please', 'to buy', 'to order',
  'ich mochte', 'ich hatte gerne', 'ich hatte gern', 'ich brauche', 'ich will', 'ich suche', 'geben sie mir', 'gib mir',
  'haben sie', 'bitte', 'kaufen', 'bestellen',
  'мне нужно', 'мне нужна', 'мне нужен', 'мне нужны', 'я хочу', 'хочу', 'хотел бы', 'хотела бы', 'дайте', 'дай',
  'пожалуиста', 'купить', 'заказать', 'есть ли', 'у вас есть', 'мне',
];

/** Articles, units and glue words that never name a product. */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  'a', 'an', 'the', 'of', 'some', 'for', 'me', 'and', 'with', 'buy', 'order', 'x', 'pcs', 'pc', 'piece', 'pieces', 'units', 'unit',
  'ein', 'eine', 'einen', 'einem', 'einer', 'der', 'die', 'das', 'den', 'dem', 'mit', 'und', 'fur', 'stuck', 'stk', 'mal',
  'и', 'с', 'для', 'шт', 'штук', 'штуки', 'штука', 'штуку', 'пожалуйста',
]);

/**
 * Option words customers use, by the English value name a store most likely has. German and Russian forms are stems,
 * matched as prefixes ("rote", "roten"; "красную", "красных").
 */
export const OPTION_WORD_STEMS: Readonly<Record<string, readonly string[]>> = {
  red: ['red', 'rot', 'красн'],
  blue: ['blue', 'blau', 'син', 'голуб'],
  green: ['green', 'grun', 'зелен'],
  yellow: ['yellow', 'gelb', 'желт'],
  black: ['black', 'schwarz', 'черн'],
  white: ['white', 'weiss', 'бел'],
  silver: ['silver', 'silber', 'серебр'],
  small: ['small', 'klein', 'маленьк'],
  medium: ['medium', 'mittel', 'средн'],
  large: ['large', 'big', 'gross', 'больш'],
};

/**
 * Words customers use for the categories of a default OpenCart catalog, by the English stem a store most likely
 * names them with: a German or Russian customer of an English shop ("камеры Canon" for Cameras). Stems, matched
 * as prefixes like the option words, after a plural ending is taken off.
 */
export const CATEGORY_WORD_STEMS: Readonly<Record<string, readonly string[]>> = {
  camera: ['kamera', 'fotoapparat', 'камер', 'фотоаппарат', 'фотокамер'],
  phone: ['handy', 'telefon', 'smartphone', 'телефон', 'смартфон'],
  laptop: ['laptop', 'notebook', 'ноутбук'],
  tablet: ['tablet', 'планшет'],
  monitor: ['monitor', 'bildschirm', 'монитор'],
  desktop: ['desktop', 'computer', 'rechner', 'компьютер'],
  software: ['software', 'программ'],
  player: ['player', 'плеер'],
  component: ['komponente', 'комплектующ', 'компонент'],
};
