import { ComponentDialog, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { choiceCard } from '../../src/cards';
import { DIALOG } from '../ids';
import { checkQuantity } from '../prompts/input-checks';
import { InputPrompt, type CustomerInput } from '../prompts/input-prompt';
import { cardActivity, translate, type DialogDeps } from '../turn';
import { answerValidator, refusalOf } from '../prompts/validation';

const PROMPT = 'quantityPrompt';

function minimumOf(rules: unknown): number {
  const minimum = (rules as { minimum?: unknown } | undefined)?.minimum;
  return typeof minimum === 'number' ? minimum : 1;
}

export interface QuantityOptions {
  productName: string;
  minimum: number;
}

/** How many: a number, at least the product's minimum. Ends with the quantity. */
export class QuantityDialog extends ComponentDialog {
  constructor(private readonly deps: DialogDeps) {
    super(DIALOG.quantity);
    const validator = answerValidator(deps, {
      actions: ['num'],
      limit: 'quantity',
      text: (text, _ctx, rules) => refusalOf(checkQuantity(text, minimumOf(rules))),
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
    const quick = [minimum, minimum + 1, minimum + 2].map((n) => ({ title: String(n), action: { a: 'num' as const, v: String(n) } }));
    return step.prompt(PROMPT, { prompt: cardActivity(step.context, choiceCard({ text, choices: quick })), validations: { minimum } });
  }

  private async done(step: WaterfallStepContext<QuantityOptions>) {
    const input = step.result as CustomerInput;
    const checked = checkQuantity(input.action?.v ?? input.text, step.options.minimum);
    return step.endDialog(checked.ok ? checked.value : step.options.minimum);
  }
}
