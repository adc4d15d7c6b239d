import type { TurnContext } from 'botbuilder';
import { choiceCard, type CardAction } from '../../src/cards';
import { choiceVocabulary, matchChoice, type ChoiceMatch, type ChoiceMatchOptions, type ChoiceVocabulary } from '../../src/domain/parsers/choice';
import type { Translator } from '../../src/i18n';
import { cardActivity, translate } from '../turn';
import type { Refusal } from './validation';

/** One button of a question, as the typed answer is matched against it. Plain JSON: it travels in prompt validations. */
export interface OfferedChoice {
  /** The button's title. */
  label: string;
  action: CardAction;
  /** Names the answer may use besides the label (the shipping quote's title without its cost, the method's title). */
  names?: string[];
  /** OpenCart's code of a payment or shipping method: its synonyms (choices.synonyms.<code>) count as names. */
  code?: string;
}

/** The method codes with synonyms in choices.synonyms, by question: each question's are the other's rivals. */
export const PAYMENT_SYNONYM_CODES = ['cod', 'bank_transfer', 'cheque', 'free_checkout'] as const;
export const SHIPPING_SYNONYM_CODES = ['free', 'pickup', 'flat', 'item', 'weight'] as const;

/** Ordinals as choices.ordinals.<key>, by position. */
const ORDINAL_KEYS: [string, number][] = [['first', 1], ['second', 2], ['third', 3], ['fourth', 4], ['fifth', 5], ['sixth', 6], ['last', -1]];

/** Typed answers to a question with buttons: the shared matcher (src/domain/parsers/choice.ts) with every language's words. */
export class ChoiceMatcher {
  private readonly vocabulary: ChoiceVocabulary;
  private readonly synonyms = new Map<string, string[]>();

  constructor(private readonly translator: Translator) {
    const ordinals = ORDINAL_KEYS.map(([key, position]) => ({ position, lists: translator.allTranslations(`choices.ordinals.${key}`) }));
    this.vocabulary = choiceVocabulary(ordinals, translator.allTranslations('choices.fillerWords'));
  }

  /** Synonyms of a method code in every language ("cod" => cash, Nachnahme, наложенный платёж…); [] for codes without any. */
  synonymsOf(code: string | undefined): string[] {
    if (!code || !/^[a-z0-9_]{1,32}$/.test(code)) return [];
    let found = this.synonyms.get(code);
    if (!found) {
      const key = `choices.synonyms.${code}`;
      found = this.translator.allTranslations(key).filter((list) => list !== key).flatMap((list) => list.split('|')).filter(Boolean);
      this.synonyms.set(code, found);
    }
    return found;
  }

  /** Every synonym of these codes: the rivals of a question whose answers are other codes. */
  namesOf(codes: readonly string[]): string[] {
    return codes.flatMap((code) => this.synonymsOf(code));
  }

  /** Which offered button the text names (by index into `offered`). */
  match(text: string, offered: readonly OfferedChoice[], options: ChoiceMatchOptions = { positions: true }): ChoiceMatch<number> {
    const candidates = offered.map((choice, index) => ({
      id: index,
      title: choice.label,
      aliases: [...(choice.names ?? []), ...this.synonymsOf(choice.code)],
    }));
    return matchChoice(text, candidates, this.vocabulary, options);
  }

  /** The button the text names, or null when it names none or several. */
  chosen(text: string, offered: readonly OfferedChoice[], options?: ChoiceMatchOptions): OfferedChoice | null {
    const found = this.match(text, offered, options);
    return found.kind === 'found' ? offered[found.id] : null;
  }

  /**
   * Null when the text names one button; "which one: A or B?" with just those buttons when it names several; else
   * `none` (the question's own reason), or "choose by button, number or name".
   */
  refusal(ctx: TurnContext, text: string, offered: readonly OfferedChoice[], none?: Refusal, options?: ChoiceMatchOptions): Refusal {
    const found = this.match(text, offered, options);
    if (found.kind === 'found') return null;
    if (found.kind === 'none') return none ?? { key: 'choices.pickOne' };
    return this.whichOne(ctx, found.ids.map((i) => offered[i]));
  }

  private whichOne(ctx: TurnContext, candidates: OfferedChoice[]): Refusal {
    const t = translate(ctx, this.translator);
    const labels = candidates.map((c) => c.label);
    const named = labels.length > 1 ? `${labels.slice(0, -1).join(', ')} ${t('choices.or')} ${labels.at(-1)}` : labels.join('');
    const buttons = candidates.map((c) => ({ title: c.label, action: c.action }));
    return { key: 'choices.whichOne', vars: { candidates: named }, then: cardActivity(ctx, choiceCard({ choices: buttons })) };
  }
}

const matchers = new WeakMap<Translator, ChoiceMatcher>();

/** One matcher per translator (its vocabulary is built once). */
export function choiceMatcher(translator: Translator): ChoiceMatcher {
  let matcher = matchers.get(translator);
  if (!matcher) {
    matcher = new ChoiceMatcher(translator);
    matchers.set(translator, matcher);
  }
  return matcher;
}

/** The question's offered buttons, from the prompt's validations ({ offered }). */
export function offeredIn(validations: unknown): OfferedChoice[] {
  const offered = (validations as { offered?: unknown } | undefined)?.offered;
  return Array.isArray(offered) ? (offered as OfferedChoice[]) : [];
}
