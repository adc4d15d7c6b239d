import { ComponentDialog, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { choiceCard, optionCard, type CardAction } from '../src/cards';
import type { OptionValue, ProductDetails, ProductOption } from '../src/catalog/types';
import type { OptionSelection } from '../src/opencart/api';
import { normalizeWords } from './commands';
import { DIALOG } from './ids';
import { checkOptionText } from './input-checks';
import { InputPrompt, type CustomerInput } from './input-prompt';
import { cardActivity, translate, type DialogDeps } from './turn';
import { answerValidator, refusalOf } from './validation';

const PROMPT = 'productOptionPrompt';
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
}

/** The value a typed answer names: its number in the list, or its name. */
export function valueNamed(option: ProductOption, text: string): OptionValue | undefined {
  if (/^\d{1,2}$/.test(text.trim())) return option.values[Number(text) - 1];
  const words = normalizeWords(text);
  const exact = option.values.find((v) => normalizeWords(v.name) === words);
  const partial = option.values.filter((v) => normalizeWords(v.name).includes(words));
  return exact ?? (partial.length === 1 ? partial[0] : undefined);
}

function choose(state: ChosenOptions, option: ProductOption, value: OptionValue | string): void {
  const id = String(option.productOptionId);
  if (typeof value === 'string') state.selection[id] = value;
  else state.selection[id] = option.type === 'checkbox' ? [String(value.productOptionValueId)] : String(value.productOptionValueId);
  state.labels.push({ name: option.name, value: typeof value === 'string' ? value : value.name });
}

/** Asks every required option in turn and offers optional ones with a skip; named values are taken as they are. */
export class ProductOptionsDialog extends ComponentDialog {
  constructor(private readonly deps: DialogDeps) {
    super(DIALOG.productOptions);
    const validator = answerValidator(deps, {
      actions: ['opt', 'skip'],
      action: (action: CardAction, _ctx, option) => {
        const o = option as ProductOption;
        if (action.a === 'skip') return o.required ? { key: 'options.required', vars: { option: o.name } } : null;
        return o.values.some((v) => String(v.productOptionValueId) === action.v) ? null : { key: 'common.staleButton' };
      },
      text: (text, _ctx, option) => {
        const o = option as ProductOption;
        if (!CHOICE_OPTION_TYPES.has(o.type)) return refusalOf(checkOptionText(o.type, text));
        return valueNamed(o, text) ? null : { key: 'options.pickOne', vars: { option: o.name } };
      },
    });
    this.addDialog(new InputPrompt(PROMPT, validator));
    this.addDialog(new WaterfallDialog('productOptionSteps', [this.ask.bind(this), this.collect.bind(this)]));
    this.initialDialogId = 'productOptionSteps';
  }

  private async ask(step: WaterfallStepContext<ProductOptionsOptions>) {
    const state = step.options;
    const { product, preset } = state;
    while (state.index < product.options.length) {
      const option = product.options[state.index];
      const named = option.values.find((v) => preset[option.productOptionId]?.includes(v.productOptionValueId));
      if (named) choose(state, option, named);
      else if (option.type !== 'file') break; // required file options never get here (see ShoppingDialog)
      state.index += 1;
    }
    if (state.index >= product.options.length) return step.endDialog({ selection: state.selection, labels: state.labels });
    const option = product.options[state.index];
    const t = translate(step.context, this.deps.translator);
    if (CHOICE_OPTION_TYPES.has(option.type)) {
      return step.prompt(PROMPT, { prompt: cardActivity(step.context, optionCard(product.name, option, t)), validations: option });
    }
    const question = t(`options.enter_${option.type}`, { option: option.name, example: option.defaultValue ?? '' });
    const skip = option.required ? [] : [{ title: t('cards.skip'), action: { a: 'skip' as const } }];
    return step.prompt(PROMPT, { prompt: cardActivity(step.context, choiceCard({ title: product.name, text: question, choices: skip })), validations: option });
  }

  private async collect(step: WaterfallStepContext<ProductOptionsOptions>) {
    const state = step.options;
    const option = state.product.options[state.index];
    const input = step.result as CustomerInput;
    if (input.action?.a === 'opt') choose(state, option, option.values.find((v) => String(v.productOptionValueId) === input.action?.v)!);
    else if (!input.action && CHOICE_OPTION_TYPES.has(option.type)) choose(state, option, valueNamed(option, input.text)!);
    else if (!input.action) {
      const checked = checkOptionText(option.type, input.text);
      if (checked.ok) choose(state, option, checked.value);
    }
    return step.replaceDialog(this.id, { ...state, index: state.index + 1 });
  }
}
