import { foldedWords } from '../../catalog/query/fold';
import { canonicalOptionWord } from '../../catalog/query/interpret';
import { STOP_WORDS } from '../../catalog/query/vocabulary-words';
import { parseQuantity } from './quantity';
import { beyondParserLimit } from './result';

/** A line of the cart as the customer may name it: its product name and the option values chosen. */
export interface NamedLine {
  lineId: string;
  name: string;
  optionValues: string[];
}

/**
 * A cart change typed at the cart ("remove the iphone", "change macbook air to 2", "entferne das iPhone",
 * "iphone auf 3", "убери iphone", "macbook на 2"), with the line it names.
 */
export type CartEdit =
  | { kind: 'remove'; lineId: string }
  | { kind: 'quantity'; lineId: string; quantity: number }
  /** A change was asked for, but no line (or more than one) has every word named. */
  | { kind: 'unclear'; edit: 'remove' | 'quantity'; lines: 'none' | 'several' };

/** Verbs (folded) that remove what follows: "take out", "lösche", "убери". */
const REMOVE_WORDS = new Set([
  'remove', 'delete', 'drop', 'entfernen', 'entferne', 'losche', 'loschen', 'streiche', 'streichen',
  'удалить', 'удали', 'удалите', 'убрать', 'убери', 'уберите',
]);
const REMOVE_PHRASES = ['take out', 'take off', 'get rid of', 'nimm raus', 'nehmen sie'];
/** Verbs that set a quantity; the number follows "to" / "auf" / "на". */
const CHANGE_WORDS = new Set(['change', 'set', 'make', 'update', 'andere', 'andern', 'setze', 'setzen', 'измени', 'измените', 'поменяй', 'поменяите', 'сделаи']);
const TO_WORDS = new Set(['to', 'auf', 'на']);
/** Words that name nothing in a line: the search's glue words (articles, "please"), and "my", "from the cart". */
const FILLER = new Set([
  ...STOP_WORDS,
  'my', 'please', 'from', 'cart', 'basket', 'it', 'quantity', 'number',
  'mein', 'meinen', 'bitte', 'aus', 'vom', 'warenkorb', 'raus', 'menge', 'anzahl',
  'из', 'корзины', 'пожалуиста', 'мои', 'количество',
]);

const MAX_WORDS = 12;

/** Which lines have every named word (each the start of a word of the line's name or of a chosen option value). */
function linesNamed(words: string[], lines: NamedLine[]): NamedLine[] {
  if (words.length === 0) return lines.length === 1 ? lines : [];
  return lines.filter((line) => {
    const own = [...foldedWords(line.name), ...line.optionValues.flatMap(foldedWords)];
    // An option word in another language names the English value ("синий", "blaue" for Blue).
    const named = (word: string) => own.some((known) => known.startsWith(word) || known === canonicalOptionWord(word));
    return words.every(named);
  });
}

function outcome(edit: 'remove' | 'quantity', named: NamedLine[], quantity = 0): CartEdit {
  if (named.length !== 1) return { kind: 'unclear', edit, lines: named.length === 0 ? 'none' : 'several' };
  if (edit === 'remove') return { kind: 'remove', lineId: named[0].lineId };
  return { kind: 'quantity', lineId: named[0].lineId, quantity };
}

/** The cart change in `text`, or null when it asks for none (then it is, say, a search). Bounded in length. */
export function parseCartEdit(text: string, lines: NamedLine[]): CartEdit | null {
  if (beyondParserLimit(text) || text.length > 200) return null;
  let folded = ` ${foldedWords(text).join(' ')} `;
  let removal = false;
  for (const phrase of REMOVE_PHRASES) {
    if (folded.includes(` ${phrase} `)) {
      folded = folded.replace(` ${phrase} `, ' ');
      removal = true;
    }
  }
  const words = folded.trim().split(' ').filter(Boolean);
  if (words.length === 0 || words.length > MAX_WORDS) return null;
  if (removal || REMOVE_WORDS.has(words[0])) {
    const rest = (removal ? words : words.slice(1)).filter((word) => !FILLER.has(word));
    return outcome('remove', linesNamed(rest, lines));
  }
  // "[change] <line words> to|auf|на <number>": the number is the last word(s), read as a quantity is.
  const to = words.findIndex((word, index) => index > 0 && TO_WORDS.has(word));
  if (to < 0) return null;
  const quantity = parseQuantity(words.slice(to + 1).join(' '));
  if (!quantity.ok) return null;
  const changing = CHANGE_WORDS.has(words[0]);
  const named = words.slice(changing ? 1 : 0, to).filter((word) => !FILLER.has(word));
  // Without the verb, only words that name a line make it a change ("cameras to berlin" stays a search).
  const found = linesNamed(named, lines);
  if (!changing && found.length !== 1) return null;
  return outcome('quantity', found, quantity.value);
}
