import { normalizeAnswer, parseOrderConsent, parseYesNo } from '../../src/domain/parsers';
import { SUPPORTED_LOCALES, type SupportedLocale, type Translator } from '../../src/i18n';

/** Words the customer can type at any time; each maps to a key commands.<name> listing "a|b|c" per language. */
export const GLOBAL_COMMANDS = [
  'help',
  'cart',
  'startOver',
  'language',
  'forgetMe',
  'checkout',
  'changeContact',
  'changeAddress',
  'changeShippingAddress',
  'changeShipping',
  'changePayment',
  'changeCodes',
  'currency',
] as const;
export type GlobalCommand = (typeof GLOBAL_COMMANDS)[number];

/** Lower case, no punctuation at the ends, single spaces: "Start over!" => "start over". */
export function normalizeWords(text: string): string {
  // Spaces folded first, ends trimmed by hand: `[\s\p{P}]+$` is retried from every position of a long run (quadratic).
  const folded = text.toLowerCase().replace(/\s+/g, ' ');
  let start = 0;
  let end = folded.length;
  while (start < end && /[\s\p{P}]/u.test(folded[start])) start += 1;
  while (end > start && /[\s\p{P}]/u.test(folded[end - 1])) end -= 1;
  return folded.slice(start, end);
}

/** Recognises the commands in every supported language, whatever language this turn is in. */
export class CommandRecognizer {
  private readonly byPhrase = new Map<string, GlobalCommand>();

  constructor(translator: Translator) {
    for (const command of GLOBAL_COMMANDS) {
      for (const list of translator.allTranslations(`commands.${command}`)) {
        for (const phrase of list.split('|')) if (phrase.trim()) this.byPhrase.set(normalizeWords(phrase), command);
      }
    }
  }

  recognize(text: string | undefined): GlobalCommand | null {
    return text ? (this.byPhrase.get(normalizeWords(text)) ?? null) : null;
  }
}

/** Yes/no in every language: the domain's parser, then our own words (keys common.yesWords / common.noWords). */
export class YesNoRecognizer {
  private readonly yes: Set<string>;
  private readonly no: Set<string>;
  private readonly placeLabels: Map<SupportedLocale, string>;

  constructor(translator: Translator) {
    const words = (key: string) => new Set(phrases(translator.allTranslations(key)));
    this.yes = words('common.yesWords');
    this.no = words('common.noWords');
    this.placeLabels = new Map(SUPPORTED_LOCALES.map((lng) => [lng, normalizeAnswer(translator.t(lng, 'summary.placeOrder')) ?? '']));
  }

  /** An ordinary yes/no question ("same address?"): true, false, or null when unclear. */
  recognize(text: string): boolean | null {
    const parsed = parseYesNo(text);
    if (parsed.ok) return parsed.value;
    const word = normalizeAnswer(text);
    if (word === null) return null;
    if (this.yes.has(word)) return true;
    if (this.no.has(word)) return false;
    return null;
  }

  /** Consent to place the order: a whole "yes"/"place the order" in the customer's language (or English), or the button's label. */
  consentsToOrder(text: string, locale: SupportedLocale): boolean {
    if (parseOrderConsent(text, locale).ok) return true;
    const answer = normalizeAnswer(text);
    return answer !== null && answer !== '' && (answer === this.placeLabels.get(locale) || answer === this.placeLabels.get('en'));
  }
}

/** "a|b|c" lists of every language, normalised like the customer's answers. */
export function phrases(lists: string[]): string[] {
  return lists
    .flatMap((list) => list.split('|'))
    .map((phrase) => normalizeAnswer(phrase) ?? '')
    .filter(Boolean);
}
