import { ComponentDialog, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { choiceCard } from '../../src/cards';
import { DIALOG } from '../ids';
import { checkQuantity, type Checked } from '../prompts/input-checks';
import { InputPrompt, type CustomerInput } from '../prompts/input-prompt';
import { cardActivity, translate, type DialogDeps } from '../turn';
import { answerValidator, refusalOf } from '../prompts/validation';
import { choiceMatcher, type OfferedChoice } from '../prompts/choice-match';
import { choiceWords } from '../../src/domain/parsers/choice';
import { numberFromWords } from '../../src/catalog/query/number-words';
import { osaWithin } from '../../src/catalog/query/osa';
import { typoBudget } from '../../src/catalog/geo/name-match';
import type { Translator } from '../../src/i18n';

const PROMPT = 'quantityPrompt';

function minimumOf(rules: unknown): number {
  const minimum = (rules as { minimum?: unknown } | undefined)?.minimum;
  return typeof minimum === 'number' ? minimum : 1;
}

export interface QuantityOptions {
  productName: string;
  minimum: number;
}

/** The quick-answer buttons: the minimum and the next two. */
function quickChoices(minimum: number): OfferedChoice[] {
  return [minimum, minimum + 1, minimum + 2].map((n) => ({ label: String(n), action: { a: 'num' as const, v: String(n) } }));
}

/** Number words of every language ("two", "zwei", "два"): the cardinal words among choices.ordinals. */
const cardinalsByTranslator = new WeakMap<Translator, Map<string, number>>();
function cardinalsOf(translator: Translator): Map<string, number> {
  let cardinals = cardinalsByTranslator.get(translator);
  if (!cardinals) {
    cardinals = new Map();
    const keys = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth'];
    const words = keys.flatMap((key) => translator.allTranslations(`choices.ordinals.${key}`)).flatMap((list) => list.split('|'));
    for (const word of words) {
      const folded = choiceWords(word).join(' ');
      const value = numberFromWords(folded);
      if (value !== null && folded.length >= 4) cardinals.set(folded, value);
    }
    cardinalsByTranslator.set(translator, cardinals);
  }
  return cardinals;
}

/** Words of the answer other than choices.fillerWords ("the", "one", "bitte", "пожалуйста"). */
/** The filler words of every locale, folded; worked out once per translator (as the cardinals). */
const fillersByTranslator = new WeakMap<Translator, Set<string>>();

function fillersOf(translator: Translator): Set<string> {
  let fillers = fillersByTranslator.get(translator);
  if (!fillers) {
    const lists = translator.allTranslations('choices.fillerWords');
    fillers = new Set(lists.flatMap((list) => list.split('|')).flatMap(choiceWords));
    fillersByTranslator.set(translator, fillers);
  }
  return fillers;
}

function contentWords(text: string, translator: Translator): string[] {
  const fillers = fillersOf(translator);
  return choiceWords(text).filter((word) => !fillers.has(word));
}

/** The number a word is ("two") or a typo of one number word is ("zwie", "thre"; "tow" is too short), or null. */
function numberWord(word: string, translator: Translator): number | null {
  const exact = numberFromWords(word);
  if (exact !== null) return exact;
  const budget = typoBudget(word.length);
  if (budget === 0 || word.length > 20) return null;
  const near = new Set<number>();
  for (const [known, value] of cardinalsOf(translator)) if (osaWithin(word, known, budget) <= budget) near.add(value);
  return near.size === 1 ? [...near][0] : null;
}

/**
 * A typed quantity: digits and number words as checkQuantity reads them; else a typo of a number word ("zwie");
 * else a button named by position ("the second one", "die zweite", "второй", "last"), never when the answer
 * holds a number word ("three please" is not the third button).
 */
export function typedQuantity(text: string, minimum: number, translator: Translator): Checked<number> {
  const checked = checkQuantity(text, minimum);
  if (checked.ok || checked.reason !== 'input.quantityNotNumber') return checked;
  const words = contentWords(text, translator).slice(0, 17);
  const numbers = words.map((word) => numberWord(word, translator));
  if (words.length === 1 && numbers[0] !== null) return checkQuantity(String(numbers[0]), minimum);
  if (numbers.some((n) => n !== null)) return checked;
  const button = choiceMatcher(translator).chosen(text, quickChoices(minimum));
  return button?.action.v ? checkQuantity(button.action.v, minimum) : checked;
}

/** How many: a number, at least the product's minimum. Ends with the quantity. */
export class QuantityDialog extends ComponentDialog {
  constructor(private readonly deps: DialogDeps) {
    super(DIALOG.quantity);
    const validator = answerValidator(deps, {
      actions: ['num'],
      limit: 'quantity',
      text: (text, _ctx, rules) => refusalOf(typedQuantity(text, minimumOf(rules), deps.translator)),
      action: (action, _ctx, rules) => refusalOf(checkQuantity(action.v ?? '', minimumOf(rules))),
    });
    this.addDialog(new InputPrompt(PROMPT, validator));
    this.addDialog(new WaterfallDialog('quantitySteps', [this.ask.bind(this), this.done.bind(this)]));
    this.initialDialogId = 'quantitySteps';
  }

  private async ask(step: WaterfallStepContext<QuantityOptions>) {
    const t = translate(step.context, this.deps.translator);
    const { productName, minimum } = step.options;
    const text = minimum > 1 ? t('quantity.askWithMinimum', { name: productName, minimum }) : t('quantity.ask', { name: productName });
    const quick = quickChoices(minimum).map((c) => ({ title: c.label, action: c.action }));
    return step.prompt(PROMPT, { prompt: cardActivity(step.context, choiceCard({ text, choices: quick })), validations: { minimum } });
  }

  private async done(step: WaterfallStepContext<QuantityOptions>) {
    const input = step.result as CustomerInput;
    const { minimum } = step.options;
    const checked = input.action ? checkQuantity(input.action.v ?? '', minimum) : typedQuantity(input.text, minimum, this.deps.translator);
    return step.endDialog(checked.ok ? checked.value : step.options.minimum);
  }
}
