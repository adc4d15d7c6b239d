import { foldText } from './fold';

/**
 * Number words in en/ru/de, lower case: the one table behind quantities in search texts (countWord) and in
 * answers to "how many?" (numberFromWords, used by the domain's quantity parser).
 */
const UNITS: Record<string, number> = {
  zero: 0, one: 1, a: 1, an: 1, single: 1, two: 2, couple: 2, pair: 2, three: 3, four: 4, five: 5, six: 6,
  seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, dozen: 12, thirteen: 13, fourteen: 14,
  fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
  ноль: 0, один: 1, одна: 1, одно: 1, одну: 1, два: 2, две: 2, двух: 2, пара: 2, пару: 2, три: 3, трех: 3, четыре: 4,
  четырех: 4, пять: 5,
  шесть: 6, семь: 7, восемь: 8, девять: 9, десять: 10, одиннадцать: 11, двенадцать: 12, дюжина: 12, дюжину: 12,
  тринадцать: 13, четырнадцать: 14, пятнадцать: 15, шестнадцать: 16, семнадцать: 17, восемнадцать: 18,
  девятнадцать: 19,
  null: 0, ein: 1, eins: 1, eine: 1, einen: 1, einem: 1, zwei: 2, paar: 2, drei: 3, vier: 4, fünf: 5, fuenf: 5, sechs: 6,
  sieben: 7, acht: 8, neun: 9, zehn: 10, elf: 11, zwölf: 12, zwoelf: 12, dutzend: 12, dreizehn: 13, vierzehn: 14,
  fünfzehn: 15, sechzehn: 16, siebzehn: 17, achtzehn: 18, neunzehn: 19,
};

/** Words that mean one only as an article ("a macbook", "eine Kamera"): a count in an answer, not in a search. */
const ARTICLES = new Set(['a', 'an', 'single', 'ein', 'eine', 'einen', 'einem']);

const TENS: Record<string, number> = {
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100,
  двадцать: 20, тридцать: 30, сорок: 40, пятьдесят: 50, шестьдесят: 60, семьдесят: 70, восемьдесят: 80,
  девяносто: 90, сто: 100,
  zwanzig: 20, dreißig: 30, dreissig: 30, vierzig: 40, fünfzig: 50, sechzig: 60, siebzig: 70, achtzig: 80,
  neunzig: 90, hundert: 100, einhundert: 100,
};

/** "twenty five", "twenty-five", "двадцать пять", "fünfundzwanzig" => 25; null when the words are not a number. */
export function numberFromWords(text: string): number | null {
  const words = text.toLowerCase().replace(/ё/g, 'е').split(/[\s-]+/).filter((word) => word !== '' && word !== 'and');
  if (words.length === 0 || words.length > 3) return null;
  if (words.length === 1) return singleWord(words[0]);
  const [first, second] = words;
  if (words.length === 2 && Object.hasOwn(TENS, first) && Object.hasOwn(UNITS, second) && UNITS[second] > 0 && UNITS[second] < 10) {
    return TENS[first] + UNITS[second];
  }
  // "a dozen", "a couple", "eine dutzend"
  if (words.length === 2 && UNITS[first] === 1 && (Object.hasOwn(UNITS, second) || Object.hasOwn(TENS, second))) return singleWord(second);
  return null;
}

function singleWord(word: string): number | null {
  if (Object.hasOwn(UNITS, word)) return UNITS[word];
  if (Object.hasOwn(TENS, word)) return TENS[word];
  const german = /^(\p{L}+)und(\p{L}+)$/u.exec(word); // einundzwanzig, fünfundzwanzig
  if (german) {
    const unit = german[1] === 'ein' ? 1 : UNITS[german[1]];
    const tens = TENS[german[2]];
    if (unit !== undefined && unit > 0 && unit < 10 && tens !== undefined && tens < 100) return tens + unit;
  }
  return null;
}

let countWords: Map<string, number> | null = null;

/** A single folded word of a search text that counts things ("two", "zwei", "двух"); not articles, not zero. */
export function countWord(foldedWord: string): number | null {
  countWords ??= new Map(
    Object.entries(UNITS)
      .filter(([word, value]) => value > 0 && !ARTICLES.has(word))
      .map(([word, value]) => [foldText(word), value]),
  );
  return countWords.get(foldedWord) ?? null;
}
