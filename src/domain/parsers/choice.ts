import { foldText } from '../../catalog/query/fold';
import { numberFromWords } from '../../catalog/query/number-words';
import { osaWithin } from '../../catalog/query/osa';
import { typoBudget } from '../../catalog/geo/name-match';

/** One offered answer: its id (a button's value), its title as shown, and other names it goes by (synonyms of its code). */
export interface ChoiceCandidate<T = string> {
  id: T;
  title: string;
  aliases?: readonly string[];
}

/** The words a matcher knows besides the candidates' names; every language's words at once (customers mix them). */
export interface ChoiceVocabulary {
  /** Folded ordinal words => 1-based position ("second" => 2, "zweite" => 2); -1 is the last one. */
  ordinals: ReadonlyMap<string, number>;
  /** Folded words said around a choice that name none of them ("the", "please", "pay by", "bitte"). */
  fillers: ReadonlySet<string>;
}

export interface ChoiceMatchOptions {
  /** Whether "2", "the second one", "last" pick by position (not for yes/no, where "1" means nothing). */
  positions?: boolean;
  /**
   * Names of the answers to another question (the payment methods at the shipping question): an answer that holds
   * one of them whole, in more words than any offered name it holds, names none of the offered ones ("cash on
   * delivery" is no "delivery" shipping).
   */
  rivals?: readonly string[];
}

export type ChoiceMatch<T> = { kind: 'found'; id: T } | { kind: 'ambiguous'; ids: T[] } | { kind: 'none' };

/** Longer answers name no choice; with MAX_CHOICE_WORDS it bounds the work per answer (words × names × word length). */
export const MAX_CHOICE_TEXT = 200;
export const MAX_CHOICE_WORDS = 16;
/** Names of a candidate looked at (title plus aliases), and their words: a store's odd data can't make matching slow. */
const MAX_NAMES = 40;
const MAX_NAME_WORDS = 8;

/** "2nd", "2te", "2й" (after folding "2-й" => "2 и"): the number, or null. */
const NUMBERED = /^(\d{1,3})(?:st|nd|rd|th|te|ter|ten|tes|e|и|я|е|ю|ои|ыи|ая|ое|ую)?$/u;
const NUMBER_SUFFIX_WORDS = new Set(['st', 'nd', 'rd', 'th', 'te', 'ter', 'ten', 'tes', 'e', 'и', 'я', 'е', 'ю', 'ои', 'ыи', 'ая', 'ое', 'ую']);

/** "й" and "ё" folded as foldText does; "ß" => "ss". Words of a phrase; [] when there are none. */
export function choiceWords(text: string): string[] {
  const folded = foldText(text.replace(/['’`]/gu, ''));
  return folded ? folded.split(' ') : [];
}

interface Prepared<T> {
  candidate: ChoiceCandidate<T>;
  names: string[][];
  /** Every word of its names once, fillers left out: what word overlap compares with. */
  nameWords: string[];
}

function prepare<T>(candidates: readonly ChoiceCandidate<T>[], fillers: ReadonlySet<string>): Prepared<T>[] {
  return candidates.map((candidate) => {
    const names = [candidate.title, ...(candidate.aliases ?? [])]
      .slice(0, MAX_NAMES)
      .map((name) => choiceWords(name.slice(0, MAX_CHOICE_TEXT)).slice(0, MAX_NAME_WORDS))
      .filter((words) => words.length > 0);
    return { candidate, names, nameWords: [...new Set(names.flat())].filter((word) => !fillers.has(word)) };
  });
}

function verdict<T>(found: Prepared<T>[]): ChoiceMatch<T> | null {
  const ids = [...new Set(found.map((p) => p.candidate.id))];
  if (ids.length === 0) return null;
  return ids.length === 1 ? { kind: 'found', id: ids[0] } : { kind: 'ambiguous', ids };
}

/** Whether `part` occurs in `whole` as consecutive words. */
function containsWords(whole: string[], part: string[]): boolean {
  if (part.length === 0 || part.length > whole.length) return false;
  for (let at = 0; at + part.length <= whole.length; at += 1) {
    if (part.every((word, i) => whole[at + i] === word)) return true;
  }
  return false;
}

/** The position an answer names ("2", "2nd", "the second one", "die zweite", "второй", "last"), or null. */
function positionOf(words: string[], vocabulary: ChoiceVocabulary): number | null {
  const bare = words.filter((word, i) => !(i > 0 && NUMBER_SUFFIX_WORDS.has(word) && /^\d+$/.test(words[i - 1])));
  if (bare.length !== 1) return numberFromWords(bare.join(' '));
  const [word] = bare;
  const numbered = NUMBERED.exec(word);
  if (numbered) return Number(numbered[1]);
  const ordinal = vocabulary.ordinals.get(word);
  if (ordinal !== undefined) return ordinal;
  // "secnod", "zwiete": a typo of one ordinal word
  const budget = typoBudget(word.length);
  if (budget === 0) return null;
  const near = new Set<number>();
  for (const [known, position] of vocabulary.ordinals) if (known.length >= 4 && osaWithin(word, known, budget) <= budget) near.add(position);
  return near.size === 1 ? [...near][0] : null;
}

/** How far the customer's word is from a word of a name: 0 the same, 1+ a typo or a clear beginning ("deliv"), null unrelated. */
function wordDistance(word: string, nameWord: string): number | null {
  if (word === nameWord) return 0;
  if (word.length >= 4 && nameWord.startsWith(word)) return 1;
  const budget = typoBudget(Math.min(word.length, nameWord.length));
  if (budget === 0) return null;
  const d = osaWithin(word, nameWord, budget);
  return d <= budget ? d : null;
}

interface Score {
  matched: number;
  cost: number;
}

/** How many of the (distinct) words name a word of the candidate, each its nearest, and at what typo cost. */
function overlap(words: string[], nameWords: string[]): Score {
  let matched = 0;
  let cost = 0;
  for (const word of words) {
    let best: number | null = null;
    for (const nameWord of nameWords) {
      const d = wordDistance(word, nameWord);
      if (d !== null && (best === null || d < best)) best = d;
      if (best === 0) break;
    }
    if (best !== null) {
      matched += 1;
      cost += best;
    }
  }
  return { matched, cost };
}

/**
 * Which of the offered answers a typed text names, in this order: a whole title or alias ("Bank Transfer", "COD",
 * "Nachnahme"); a position ("2", "the second one", "die zweite", "второй", "last"); a title or alias inside the
 * answer or the answer inside one ("I'll pay cash on delivery", "bank"); then word overlap with typos ("cash on
 * delivry", "самовывз"). Several equally good candidates are reported, never guessed. Linear-ish: the text is cut
 * at MAX_CHOICE_TEXT characters and MAX_CHOICE_WORDS words, each typo check bounded (osaWithin).
 */
export function matchChoice<T>(
  text: string,
  candidates: readonly ChoiceCandidate<T>[],
  vocabulary: ChoiceVocabulary,
  options: ChoiceMatchOptions = {},
): ChoiceMatch<T> {
  if (text.length > MAX_CHOICE_TEXT * 2 || candidates.length === 0) return { kind: 'none' };
  const words = choiceWords(text);
  if (words.length === 0 || words.length > MAX_CHOICE_WORDS) return { kind: 'none' };
  const prepared = prepare(candidates, vocabulary.fillers);
  const content = words.filter((word) => !vocabulary.fillers.has(word));
  const meant = content.length ? content : words;
  const phrase = words.join(' ');
  const meantPhrase = meant.join(' ');

  const whole = verdict(prepared.filter((p) => p.names.some((name) => [phrase, meantPhrase].includes(name.join(' ')))));
  if (whole) return whole;

  if (options.positions) {
    const position = positionOf(meant, vocabulary);
    if (position !== null) {
      const index = position === -1 ? candidates.length - 1 : position - 1;
      return index >= 0 && index < candidates.length ? { kind: 'found', id: candidates[index].id } : { kind: 'none' };
    }
  }

  // A name inside the answer (the longest wins: "cash on delivery" over "delivery"), or the answer inside a name.
  let longest = 0;
  let inside: Prepared<T>[] = [];
  for (const p of prepared) {
    const length = Math.max(0, ...p.names.filter((name) => name.some((w) => !vocabulary.fillers.has(w)) && containsWords(words, name)).map((name) => name.length));
    if (length > longest) [longest, inside] = [length, [p]];
    else if (length > 0 && length === longest) inside.push(p);
  }
  if (longestRival(words, options.rivals ?? [], vocabulary.fillers) > longest) return { kind: 'none' };
  const named = verdict(inside);
  if (named) return named;
  const within = verdict(prepared.filter((p) => p.names.some((name) => containsWords(name, meant))));
  if (within) return within;

  // Word overlap with typos: the most words named, then the fewest edits; at least half the meant words must name something.
  let best: Score = { matched: 0, cost: 0 };
  let closest: Prepared<T>[] = [];
  const distinct = [...new Set(meant)];
  for (const p of prepared) {
    const score = overlap(distinct, p.nameWords);
    if (score.matched === 0) continue;
    const better = score.matched > best.matched || (score.matched === best.matched && score.cost < best.cost);
    if (better) [best, closest] = [score, [p]];
    else if (score.matched === best.matched && score.cost === best.cost) closest.push(p);
  }
  if (best.matched * 2 < distinct.length) return { kind: 'none' };
  return verdict(closest) ?? { kind: 'none' };
}

/** The most words of a rival name (with a word that is no filler) the answer holds whole; 0 when none. */
function longestRival(words: string[], rivals: readonly string[], fillers: ReadonlySet<string>): number {
  let longest = 0;
  for (const rival of rivals.slice(0, MAX_NAMES * 4)) {
    const name = choiceWords(rival.slice(0, MAX_CHOICE_TEXT)).slice(0, MAX_NAME_WORDS);
    if (name.length > longest && name.some((w) => !fillers.has(w)) && containsWords(words, name)) longest = name.length;
  }
  return longest;
}

/** A vocabulary from "a|b|c" lists: ordinal lists by position (index 0 => 1; `last` => -1), filler lists. */
export function choiceVocabulary(ordinals: { position: number; lists: string[] }[], fillerLists: string[]): ChoiceVocabulary {
  const byWord = new Map<string, number>();
  for (const { position, lists } of ordinals) {
    for (const phrase of lists.flatMap((list) => list.split('|'))) {
      const folded = choiceWords(phrase).join(' ');
      if (folded && !byWord.has(folded)) byWord.set(folded, position);
    }
  }
  const fillers = new Set(fillerLists.flatMap((list) => list.split('|')).flatMap((phrase) => choiceWords(phrase)));
  return { ordinals: byWord, fillers };
}
