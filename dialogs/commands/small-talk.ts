import type { DialogContext } from 'botbuilder-dialogs';
import { foldText } from '../../src/catalog/query/fold';
import { withinOneEdit } from '../../src/catalog/query/osa';
import type { Translator } from '../../src/i18n';
import { greetingActivity } from './greeting';
import { answerHandoff } from './handoff';
import { asksGiftMessage } from '../shopping/gift-voucher-dialog';
import { translate, type DialogDeps } from '../turn';
import { activeLeafId, innermostContext } from '../dialog-stack';

/** What a whole message of small talk is; `human` asks for a person (the shop's contact details). */
export type SmallTalkKind = 'greeting' | 'thanks' | 'bye' | 'human';

export type SmallTalk =
  | { kind: SmallTalkKind }
  /** "hi, I need a camera": a greeting, then what the customer wants (the rest of the text as typed). */
  | { kind: 'lead'; rest: string }
  | null;

/** Longer messages are never small talk: checked before anything is folded. */
export const MAX_SMALL_TALK = 200;

/** Messages of more words than this are not a request for a person, whatever phrase they contain. */
const MAX_HUMAN_WORDS = 12;

/** Which kind wins when one message holds several ("hi, thanks" is thanks; "hello, operator please" is human). */
const RANK: Record<SmallTalkKind, number> = { greeting: 1, thanks: 2, bye: 3, human: 4 };

type PhraseKind = SmallTalkKind | 'filler';
const LISTS: Record<PhraseKind, string> = {
  greeting: 'smalltalk.greetingWords',
  thanks: 'smalltalk.thanksWords',
  bye: 'smalltalk.byeWords',
  human: 'smalltalk.humanWords',
  filler: 'smalltalk.fillerWords',
};

/** Emoji that say something: a wave greets, folded hands thank. Every other symbol is dropped by folding. */
const EMOJI_WORDS: [RegExp, string][] = [
  [/\u{1F44B}/gu, ' hi '],
  [/\u{1F64F}/gu, ' thanks '],
];


interface Token {
  word: string;
  /** Where the word starts in the original text. */
  start: number;
}

/** One spelling per word: folded (case, accents, punctuation) and letter runs shortened ("hiii", "helloooo"). */
function wordKey(word: string): string {
  return word.replace(/(\p{L})\1+/gu, '$1');
}

function tokens(text: string): Token[] {
  const found: Token[] = [];
  for (const match of text.matchAll(/[\p{L}\p{M}\p{N}']+/gu)) {
    for (const word of foldText(match[0]).split(' ')) if (word) found.push({ word: wordKey(word), start: match.index ?? 0 });
  }
  return found;
}

/** A typed word is the phrase's word with one slip where the word is long enough to have one ("thnaks", "spasibo"). */
function sameWord(typed: string, wanted: string): boolean {
  if (typed === wanted) return true;
  return wanted.length >= 5 && withinOneEdit(typed, wanted);
}

interface Phrase {
  kind: PhraseKind;
  words: string[];
  /** Its place in the longest-first order: of two phrases that fit, the earlier one is taken. */
  rank: number;
}

/** The code points of a word (a typo of one edit changes the count by at most one). */
function codePointCount(word: string): number {
  let count = 0;
  for (const _ of word) count += 1;
  return count;
}

/** Typed word → the phrases whose first word it is (or is one slip from), longest first; made once per message. */
type FirstWordMemo = Map<string, Phrase[]>;

/**
 * Greetings, thanks, goodbyes and requests for a person in every supported language, whatever language this turn
 * is in. A message is small talk when it is made only of such phrases (and courtesy words); one that starts with a
 * greeting and goes on is the rest; a short one containing a longer request for a person ("can I talk to a person")
 * is that request. Linear in the message: at most MAX_SMALL_TALK characters, each position tried against each phrase.
 */
export class SmallTalkRecognizer {
  private readonly phrases: Phrase[] = [];
  /** First word → its phrases, for the exact match. */
  private readonly byFirstWord = new Map<string, Phrase[]>();
  /** First words long enough for a slip (5+), by code points: a typed word is compared with its length ± 1 only. */
  private readonly slipFirstWords = new Map<number, string[]>();

  constructor(translator: Translator) {
    for (const kind of Object.keys(LISTS) as PhraseKind[]) {
      for (const list of translator.allTranslations(LISTS[kind])) {
        for (const phrase of list.split('|')) {
          const words = tokens(phrase).map((token) => token.word);
          if (words.length > 0) this.phrases.push({ kind, words, rank: 0 });
        }
      }
    }
    // Longest first: "thank you very much" is one phrase, not "thank you" and two courtesy words.
    this.phrases.sort((a, b) => b.words.length - a.words.length);
    this.phrases.forEach((phrase, rank) => {
      phrase.rank = rank;
      const first = phrase.words[0];
      const known = this.byFirstWord.get(first);
      if (known) {
        known.push(phrase);
        return;
      }
      this.byFirstWord.set(first, [phrase]);
      if (first.length < 5) return;
      const points = codePointCount(first);
      this.slipFirstWords.set(points, [...(this.slipFirstWords.get(points) ?? []), first]);
    });
  }

  recognize(text: string | undefined): SmallTalk {
    if (!text || text.length > MAX_SMALL_TALK) return null;
    let typed = text;
    for (const [emoji, word] of EMOJI_WORDS) typed = typed.replace(emoji, word);
    const words = tokens(typed);
    if (words.length === 0) return null;
    const memo: FirstWordMemo = new Map();
    let at = 0;
    let kind: SmallTalkKind | null = null;
    let greetedUntil = -1;
    while (at < words.length) {
      const phrase = this.phraseAt(words, at, memo);
      if (!phrase) break;
      at += phrase.words.length;
      if (phrase.kind === 'filler') continue;
      if (!kind || RANK[phrase.kind] > RANK[kind]) kind = phrase.kind;
      if (phrase.kind === 'greeting' && kind === 'greeting') greetedUntil = at;
    }
    if (at === words.length && kind) return { kind };
    if (words.length <= MAX_HUMAN_WORDS && this.asksForPerson(words, memo)) return { kind: 'human' };
    // Only a greeting is taken off the front; "thanks, and a lens" is left to the search as it is.
    if (greetedUntil > 0 && kind === 'greeting') return { kind: 'lead', rest: typed.slice(words[greetedUntil].start).trim() };
    return null;
  }

  /** The first phrase (longest first) that the words from `at` on begin with. */
  private phraseAt(words: Token[], at: number, memo: FirstWordMemo): Phrase | null {
    const fits = (phrase: Phrase) =>
      phrase.words.every((word, i) => i === 0 || (at + i < words.length && sameWord(words[at + i].word, word)));
    return this.startingWith(words[at].word, memo).find(fits) ?? null;
  }

  /** The phrases whose first word the typed word is, or is one slip from; the same as trying every phrase's. */
  private startingWith(typed: string, memo: FirstWordMemo): Phrase[] {
    const known = memo.get(typed);
    if (known) return known;
    const found = [...(this.byFirstWord.get(typed) ?? [])];
    const points = codePointCount(typed);
    for (let length = points - 1; length <= points + 1; length += 1) {
      for (const first of this.slipFirstWords.get(length) ?? []) {
        if (first !== typed && sameWord(typed, first)) found.push(...(this.byFirstWord.get(first) ?? []));
      }
    }
    found.sort((a, b) => a.rank - b.rank);
    memo.set(typed, found);
    return found;
  }

  /** A request for a person of three words or more anywhere in a short message: "could I speak to a human today". */
  private asksForPerson(words: Token[], memo: FirstWordMemo): boolean {
    for (let at = 0; at < words.length; at += 1) {
      const phrase = this.phraseAt(words, at, memo);
      if (phrase?.kind === 'human' && phrase.words.length >= 3) return true;
    }
    return false;
  }
}

const recognizers = new WeakMap<Translator, SmallTalkRecognizer>();

function recognizerFor(translator: Translator): SmallTalkRecognizer {
  let recognizer = recognizers.get(translator);
  if (!recognizer) {
    recognizer = new SmallTalkRecognizer(translator);
    recognizers.set(translator, recognizer);
  }
  return recognizer;
}

/** The context of the question being answered now (the innermost active dialog's). */
/** Asks the open question again. */
async function askAgain(dc: DialogContext): Promise<void> {
  const current = innermostContext(dc);
  if (current.activeDialog) await current.repromptDialog();
}

/**
 * Small talk answered where it is typed, the order untouched: true when the turn is done. A greeting in front of a
 * request is taken off the text (the turn goes on with the rest), so "hi, I need a camera" searches for a camera.
 */
export async function handleSmallTalk(dc: DialogContext, deps: DialogDeps): Promise<boolean> {
  // Free text the customer writes for someone else ("Thanks for everything!") is never small talk.
  if (asksGiftMessage(dc)) return false;
  const leaf = activeLeafId(dc);
  const talk = recognizerFor(deps.translator).recognize(dc.context.activity.text);
  if (!talk) return false;
  if (talk.kind === 'lead') {
    dc.context.activity.text = talk.rest;
    return false;
  }
  const t = translate(dc.context, deps.translator);
  const asking = leaf !== undefined;
  switch (talk.kind) {
    case 'human':
      await answerHandoff(dc.context, deps);
      break;
    case 'greeting':
      if (!asking) {
        await dc.context.sendActivity(greetingActivity(dc.context, deps));
        return true;
      }
      await dc.context.sendActivity(t('smalltalk.helloAgain'));
      break;
    case 'thanks':
      await dc.context.sendActivity(t(asking ? 'smalltalk.welcome' : 'smalltalk.welcomeIdle'));
      break;
    case 'bye': {
      const { draft } = await deps.store.checkout(dc.context);
      const kept = asking || (draft.status === 'open' && draft.lines.length > 0);
      await dc.context.sendActivity(t(kept ? 'smalltalk.byeKept' : 'smalltalk.bye'));
      return true; // leaving: the open question stays open, not asked again
    }
  }
  await askAgain(dc);
  return true;
}
