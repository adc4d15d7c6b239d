import { ComponentDialog, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { shippingMethodsCard } from '../../src/cards';
import { DIALOG } from '../ids';
import { InputPrompt, type CustomerInput } from '../prompts/input-prompt';
import type { StepOutcome } from '../prompts/outcomes';
import { problemKey, problemSlot } from '../prompts/problems';
import { cardActivity, showTyping, translate, type DialogDeps } from '../turn';
import { answerValidator } from '../prompts/validation';

const PROMPT = 'shippingMethodPrompt';

/** Shipping methods as a card (each quote with its cost); the customer picks one. */
export class ShippingMethodDialog extends ComponentDialog {
  constructor(private readonly deps: DialogDeps) {
    super(DIALOG.shippingMethod);
    this.addDialog(new InputPrompt(PROMPT, answerValidator(deps, { actions: ['ship'] })));
    this.addDialog(new WaterfallDialog('shippingMethodSteps', [this.offer.bind(this), this.choose.bind(this)]));
    this.initialDialogId = 'shippingMethodSteps';
  }

  private async offer(step: WaterfallStepContext) {
    const t = translate(step.context, this.deps.translator);
    const state = await this.deps.store.checkout(step.context);
    await showTyping(step.context);
    const methods = await this.deps.checkout.shippingOptions(state);
    const offered = methods.ok ? methods.value.filter((m) => !m.error && m.quotes.length) : [];
    if (!offered.length) {
      await step.context.sendActivity(t(methods.ok ? 'problems.NO_METHODS' : problemKey(methods.problem)));
      return step.endDialog({ redo: (!methods.ok && problemSlot(methods.problem)) || 'shippingAddress' } satisfies StepOutcome);
    }
    return step.prompt(PROMPT, { prompt: cardActivity(step.context, shippingMethodsCard(offered, t)) });
  }

  private async choose(step: WaterfallStepContext) {
    const input = step.result as CustomerInput;
    const state = await this.deps.store.checkout(step.context);
    await showTyping(step.context);
    const result = await this.deps.checkout.chooseShipping(state, input.action?.v ?? '');
    if (result.ok) return step.endDialog({ done: true } satisfies StepOutcome);
    await step.context.sendActivity(translate(step.context, this.deps.translator)(problemKey(result.problem)));
    return step.replaceDialog(this.id);
  }
}
