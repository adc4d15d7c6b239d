import { ComponentDialog, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { checkboxCard, choiceCard, optionCard, type CardAction } from '../../src/cards';
import { matchOptionValues } from '../../src/catalog/query/option-match';
import type { OptionValue, ProductDetails, ProductOption } from '../../src/catalog/types';
import type { OptionSelection } from '../../src/opencart/api';
import { normalizeWords } from '../commands/commands';
import { DIALOG } from '../ids';
import { choiceMatcher, type ChoiceMatcher, type OfferedChoice } from '../prompts/choice-match';
import { checkOptionText } from '../prompts/input-checks';
import { InputPrompt, type CustomerInput } from '../prompts/input-prompt';
import { cardActivity, translate, type DialogDeps } from '../turn';
import { answerValidator, refusalOf, type Refusal } from '../prompts/validation';
import { FileOptionPrompt, fileQuestion, type FileAnswer } from './file-option';

const PROMPT = 'productOptionPrompt';
const FILE_PROMPT = 'productFileOptionPrompt';
export const CHOICE_OPTION_TYPES = new Set(['select', 'radio', 'checkbox', 'image']);

export interface ChosenOptions {
  selection: OptionSelection;
  labels: { name: string; value: string }[];
}

export interface ProductOptionsOptions extends ChosenOptions {
  product: ProductDetails;
  /** Values the customer's words already named: option id => value ids. */
  preset: Record<number, number[]>;
  index: number;
  /** Value ids ticked so far of the checkbox option being asked. */
  ticked?: string[];
}

/** What the prompt checks an answer against: the option asked, and what is ticked of a checkbox option. */
interface OptionRules {
  option: ProductOption;
  ticked: string[];
}

/** The option's values as buttons, for the shared choice matcher (positions, typos, "which one: A or B?"). */
function offeredValues(option: ProductOption): OfferedChoice[] {
  return option.values.map((v) => ({ label: v.name, action: { a: 'opt', v: String(v.productOptionValueId) } }));
}

/** The value a typed answer names: its number in the list, or its name; with a matcher also "the second one", typos. */
export function valueNamed(option: ProductOption, text: string, matcher?: ChoiceMatcher): OptionValue | undefined {
  if (/^\d{1,2}$/.test(text.trim())) return option.values[Number(text) - 1];
  const words = normalizeWords(text);
  const exact = option.values.find((v) => normalizeWords(v.name) === words);
  const partial = option.values.filter((v) => normalizeWords(v.name).includes(words));
  if (exact) return exact;
  if (partial.length === 1) return partial[0];
  // Words in the customer's language ("rot", "красный") or with a typo: the catalog's matcher knows them.
  const [id, ...more] = matchOptionValues(option, [text]);
  if (id !== undefined && more.length === 0) return option.values.find((v) => v.productOptionValueId === id);
  const chosen = matcher?.chosen(text, offeredValues(option));
  return chosen ? option.values.find((v) => String(v.productOptionValueId) === chosen.action.v) : undefined;
}

function choose(state: ChosenOptions, option: ProductOption, value: OptionValue | string): void {
  const id = String(option.productOptionId);
  if (typeof value === 'string') state.selection[id] = value;
  else state.selection[id] = option.type === 'checkbox' ? [String(value.productOptionValueId)] : String(value.productOptionValueId);
  state.labels.push({ name: option.name, value: typeof value === 'string' ? value : value.name });
}

/** Several values of a checkbox option: sent as option[id][] (an array), shown as one label. */
function chooseSeveral(state: ChosenOptions, option: ProductOption, valueIds: string[]): void {
  const values = option.values.filter((v) => valueIds.includes(String(v.productOptionValueId)));
  if (!values.length) return;
  state.selection[String(option.productOptionId)] = values.map((v) => String(v.productOptionValueId));
  state.labels.push({ name: option.name, value: values.map((v) => v.name).join(', ') });
}

/** Asks every required option in turn and offers optional ones with a skip; named values are taken as they are. */
export class ProductOptionsDialog extends ComponentDialog {
  private readonly doneWords: Set<string>;
  private readonly matcher: ChoiceMatcher;

  constructor(private readonly deps: DialogDeps) {
    super(DIALOG.productOptions);
    this.matcher = choiceMatcher(deps.translator);
    this.doneWords = new Set(deps.translator.allTranslations('options.doneWords').flatMap((l) => l.split('|')).map(normalizeWords));
    const validator = answerValidator(deps, {
      actions: ['opt', 'skip', 'done'],
      limit: 'optionText',
      action: (action: CardAction, _ctx, rules) => this.refuseAction(action, rules as OptionRules),
      text: (text, ctx, rules) => {
        const { option: o, ticked } = rules as OptionRules;
        if (o.type === 'checkbox' && this.saysDone(text)) return this.refuseAction({ a: 'done' }, { option: o, ticked });
        if (!CHOICE_OPTION_TYPES.has(o.type)) return refusalOf(checkOptionText(o.type, text));
        if (valueNamed(o, text, this.matcher)) return null;
        return this.matcher.refusal(ctx, text, offeredValues(o), { key: 'options.pickOne', vars: { option: o.name } });
      },
    });
    this.addDialog(new InputPrompt(PROMPT, validator));
    this.addDialog(new FileOptionPrompt(FILE_PROMPT, deps));
    this.addDialog(new WaterfallDialog('productOptionSteps', [this.ask.bind(this), this.collect.bind(this)]));
    this.initialDialogId = 'productOptionSteps';
  }

  private saysDone(text: string): boolean {
    return this.doneWords.has(normalizeWords(text));
  }

  private refuseAction(action: CardAction, { option: o, ticked }: OptionRules): Refusal {
    if (action.a === 'done') {
      if (o.type !== 'checkbox') return { key: 'common.staleButton' };
      return o.required && !ticked.length ? { key: 'options.atLeastOne', vars: { option: o.name } } : null;
    }
    if (action.a === 'skip') return o.required ? { key: 'options.required', vars: { option: o.name } } : null;
    return o.values.some((v) => String(v.productOptionValueId) === action.v) ? null : { key: 'common.staleButton' };
  }

  private async ask(step: WaterfallStepContext<ProductOptionsOptions>) {
    const state = step.options;
    const { product, preset } = state;
    const t = translate(step.context, this.deps.translator);
    while (state.index < product.options.length) {
      const option = product.options[state.index];
      const named = option.values.filter((v) => preset[option.productOptionId]?.includes(v.productOptionValueId));
      if (named.length && option.type === 'checkbox' && !state.ticked) chooseSeveral(state, option, named.map((v) => String(v.productOptionValueId)));
      else if (named.length && option.type !== 'checkbox') choose(state, option, named[0]);
      else if (option.type === 'file' && !this.deps.uploader) await step.context.sendActivity(t('options.fileOnWebsite', { option: option.name }));
      else break; // without an uploader, required file options never get here (see ShoppingDialog)
      state.index += 1;
    }
    if (state.index >= product.options.length) return step.endDialog({ selection: state.selection, labels: state.labels });
    const option = product.options[state.index];
    const validations: OptionRules = { option, ticked: state.ticked ?? [] };
    if (option.type === 'checkbox') {
      return step.prompt(PROMPT, { prompt: cardActivity(step.context, checkboxCard(product.name, option, validations.ticked, t)), validations });
    }
    if (CHOICE_OPTION_TYPES.has(option.type)) {
      return step.prompt(PROMPT, { prompt: cardActivity(step.context, optionCard(product.name, option, t)), validations });
    }
    if (option.type === 'file') return step.prompt(FILE_PROMPT, { prompt: fileQuestion(step.context, this.deps, product.name, option), validations });
    const question = t(`options.enter_${option.type}`, { option: option.name, example: option.defaultValue ?? '' });
    const skip = option.required ? [] : [{ title: t('cards.skip'), action: { a: 'skip' as const } }];
    return step.prompt(PROMPT, { prompt: cardActivity(step.context, choiceCard({ title: product.name, text: question, choices: skip })), validations });
  }

  private async collect(step: WaterfallStepContext<ProductOptionsOptions>) {
    const state = step.options;
    const option = state.product.options[state.index];
    const input = step.result as CustomerInput;
    if (option.type === 'checkbox') return this.collectTicks(step, option, input);
    const uploaded = option.type === 'file' ? (input as FileAnswer).uploaded : undefined;
    if (uploaded) {
      state.selection[String(option.productOptionId)] = uploaded.code;
      state.labels.push({ name: option.name, value: uploaded.name });
    }
    if (input.action?.a === 'opt') choose(state, option, option.values.find((v) => String(v.productOptionValueId) === input.action?.v)!);
    else if (!input.action && CHOICE_OPTION_TYPES.has(option.type)) choose(state, option, valueNamed(option, input.text, this.matcher)!);
    else if (!input.action && option.type !== 'file') {
      const checked = checkOptionText(option.type, input.text);
      if (checked.ok) choose(state, option, checked.value);
    }
    return step.replaceDialog(this.id, { ...state, index: state.index + 1, ticked: undefined });
  }

  /** A value pressed or named ticks or unticks it and shows the card again; "done" takes what is ticked. */
  private async collectTicks(step: WaterfallStepContext<ProductOptionsOptions>, option: ProductOption, input: CustomerInput) {
    const state = step.options;
    const ticked = state.ticked ?? [];
    const done = input.action?.a === 'done' || input.action?.a === 'skip' || (!input.action && this.saysDone(input.text));
    if (done) {
      chooseSeveral(state, option, ticked);
      return step.replaceDialog(this.id, { ...state, index: state.index + 1, ticked: undefined });
    }
    const valueId = input.action?.a === 'opt' ? input.action.v! : String(valueNamed(option, input.text, this.matcher)!.productOptionValueId);
    const next = ticked.includes(valueId) ? ticked.filter((id) => id !== valueId) : [...ticked, valueId];
    return step.replaceDialog(this.id, { ...state, ticked: next });
  }
}
