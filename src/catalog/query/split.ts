import { foldText } from './fold';
import { interpretProductText, MAX_TEXT_READ } from './interpret';

/** Words that join two requests ("a camera and an iphone"), folded. */
const JOINERS = new Set(['and', 'plus', 'also', 'und', 'sowie', 'и', 'а', 'еще']);

/** Requests taken from one message; more are left out (a message is at most a few products). */
export const MAX_REQUESTS = 5;

/** A piece of the message, its words as typed, and whether it names a product (not only options or a number). */
interface Piece {
  words: string[];
  named: boolean;
}

function piece(words: string[]): Piece {
  return { words, named: interpretProductText(words.join(' ')).productWords.length > 0 };
}

/**
 * "2 red Canon cameras and an iphone" → ["2 red Canon cameras", "an iphone"]: the products one message asks for,
 * in order. Split at "and", "und", "и", commas and semicolons, only where both sides name a product ("red and
 * blue iPod", "Canon, red, 2" stay one request), and not when one product's name has all the words ("Salt and
 * Pepper Mill": `oneProduct`). Linear in the text, and only its first MAX_TEXT_READ characters are read.
 */
export function splitRequests(text: string, oneProduct?: (productWords: string[]) => boolean): string[] {
  const tokens = text.slice(0, MAX_TEXT_READ).split(/\s+/).filter(Boolean);
  const pieces: Piece[] = [];
  let current: string[] = [];
  const cut = () => {
    if (current.length) pieces.push(piece(current));
    current = [];
  };
  for (const token of tokens) {
    const word = token.replace(/[,;]+$/u, '');
    if (JOINERS.has(foldText(word))) cut();
    else if (word) current.push(word);
    if (word !== token) cut(); // "cameras," ends a piece
  }
  cut();
  // A piece without a product word belongs to its neighbour: before it, or the next one when it comes first.
  const requests: string[][] = [];
  let carried: string[] = [];
  for (const { words, named } of pieces) {
    if (!named && requests.length) requests[requests.length - 1].push(...words);
    else if (!named) carried = [...carried, ...words];
    else {
      requests.push([...carried, ...words]);
      carried = [];
    }
  }
  if (requests.length < 2) return [text];
  if (oneProduct?.(interpretProductText(text).productWords)) return [text];
  return requests.slice(0, MAX_REQUESTS).map((words) => words.join(' '));
}
