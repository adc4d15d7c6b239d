import { CHANGEABLE_SLOTS, type ChangeableSlot } from '../../src/cards';
import { normalizeAnswer } from '../../src/domain/parsers';
import type { SupportedLocale, Translator } from '../../src/i18n';
import { phrases, type YesNoRecognizer } from './commands';
import type { OfferedChoice } from '../prompts/choice-match';

/** What a typed answer to the order summary means; only 'place' places the order. */
export type SummaryAnswer = { kind: 'place' } | { kind: 'change'; slot: ChangeableSlot } | { kind: 'wait' } | { kind: 'unclear' };

/** Phrases as word lists; a phrase matches where its words follow each other in the answer. */
type Phrase = readonly string[];

/** Answers longer than this are unclear (a change request is a few words); keeps matching bounded. */
const MAX_WORDS = 16;

/**
 * Reads a typed answer at the summary: strict consent first (YesNoRecognizer.consentsToOrder), then a change
 * request (a change word plus one part of the order: "please change the address"), then "wait"/"later".
 * Words from summary.changeWords, summary.changeTargets.<slot> and summary.waitWords in every language.
 */
export class SummaryAnswerRecognizer {
  private readonly changeWords: Set<string>;
  private readonly targets: { slot: ChangeableSlot; phrase: Phrase }[];
  private readonly waits: Phrase[];

  constructor(translator: Translator, private readonly yesNo: YesNoRecognizer) {
    const all = (key: string) => phrases(translator.allTranslations(key)).map((p) => p.split(' '));
    this.changeWords = new Set(all('summary.changeWords').flat());
    this.targets = CHANGEABLE_SLOTS.flatMap((slot) => all(`summary.changeTargets.${slot}`).map((phrase) => ({ slot, phrase })));
    this.waits = all('summary.waitWords');
  }

  recognize(text: string, locale: SupportedLocale): SummaryAnswer {
    if (this.yesNo.consentsToOrder(text, locale)) return { kind: 'place' };
    const words = answerWords(text);
    if (!words || words.length > MAX_WORDS) return { kind: 'unclear' };
    const slot = this.changeTarget(words);
    if (slot) return { kind: 'change', slot };
    if (this.waits.some((phrase) => occurrences(words, phrase).length)) return { kind: 'wait' };
    return { kind: 'unclear' };
  }

  /** The one part of the order named next to a change word; the longest phrase wins ("delivery address" over "address"). */
  private changeTarget(words: string[]): ChangeableSlot | null {
    if (!words.some((word) => this.changeWords.has(word))) return null;
    const found = this.targets.flatMap(({ slot, phrase }) => occurrences(words, phrase).map((at) => ({ slot, at, end: at + phrase.length })));
    const outer = found.filter((m) => !found.some((o) => o !== m && o.at <= m.at && o.end >= m.end && o.end - o.at > m.end - m.at));
    const slots = new Set(outer.map((m) => m.slot));
    return slots.size === 1 ? [...slots][0] : null;
  }
}

/** The answer's words, without punctuation around them; null for hidden characters or very long text. */
function answerWords(text: string): string[] | null {
  const normal = normalizeAnswer(text);
  if (normal === null) return null;
  return normal
    .split(' ')
    .map((word) => word.replace(/^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu, ''))
    .filter(Boolean);
}

/** Where the phrase starts in words (bounded: at most MAX_WORDS × phrase length comparisons). */
function occurrences(words: string[], phrase: Phrase): number[] {
  const starts: number[] = [];
  for (let at = 0; at + phrase.length <= words.length; at++) {
    if (phrase.every((word, i) => words[at + i] === word)) starts.push(at);
  }
  return starts;
}

/** The summary's section title key of each changeable part. */
const SECTION_KEYS: Record<ChangeableSlot, string> = {
  cart: 'summary.products',
  contact: 'summary.contact',
  paymentAddress: 'summary.paymentAddress',
  shippingAddress: 'summary.shippingAddress',
  shippingMethod: 'summary.shippingMethod',
  paymentMethod: 'summary.paymentMethod',
  codes: 'summary.codes',
};

/**
 * The summary's change buttons as typed answers may name them (dialogs/prompts/choice-match.ts): each part's title and
 * summary.typedChoices.<slot> (its default button's title among them), in every language; labelled with the part's title.
 * "Place order" is not among them: consent is YesNoRecognizer.consentsToOrder's alone.
 */
export function summaryChoices(translator: Translator, t: (key: string, vars?: Record<string, unknown>) => string): OfferedChoice[] {
  return CHANGEABLE_SLOTS.map((slot) => {
    const keys = [SECTION_KEYS[slot], `summary.typedChoices.${slot}`];
    return {
      label: t(SECTION_KEYS[slot]),
      action: { a: 'chg', v: slot },
      names: keys.flatMap((key) => translator.allTranslations(key)).flatMap((list) => list.split('|')).filter(Boolean),
    };
  });
}
