import { ComponentDialog, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { paymentMethodsCard } from '../../src/cards';
import { DIALOG } from '../ids';
import { InputPrompt, type CustomerInput } from '../prompts/input-prompt';
import type { StepOutcome } from '../prompts/outcomes';
import { problemKey, problemSlot } from '../prompts/problems';
import { cardActivity, showTyping, translate, type DialogDeps } from '../turn';
import { answerValidator } from '../prompts/validation';

const PROMPT = 'paymentMethodPrompt';

/** Payment methods as a card; the customer picks one. */
export class PaymentMethodDialog extends ComponentDialog {
  constructor(private readonly deps: DialogDeps) {
    super(DIALOG.paymentMethod);
    this.addDialog(new InputPrompt(PROMPT, answerValidator(deps, { actions: ['pay'] })));
    this.addDialog(new WaterfallDialog('paymentMethodSteps', [this.offer.bind(this), this.choose.bind(this)]));
    this.initialDialogId = 'paymentMethodSteps';
  }

  private async offer(step: WaterfallStepContext) {
    const t = translate(step.context, this.deps.translator);
    const state = await this.deps.store.checkout(step.context);
    await showTyping(step.context);
    const methods = await this.deps.checkout.paymentOptions(state);
    const offered = methods.ok ? methods.value : [];
    if (!offered.length) {
      await step.context.sendActivity(t(methods.ok ? 'problems.NO_METHODS' : problemKey(methods.problem)));
      return step.endDialog({ redo: (!methods.ok && problemSlot(methods.problem)) || 'paymentAddress' } satisfies StepOutcome);
    }
    return step.prompt(PROMPT, { prompt: cardActivity(step.context, paymentMethodsCard(offered, t)) });
  }

  private async choose(step: WaterfallStepContext) {
    const input = step.result as CustomerInput;
    const state = await this.deps.store.checkout(step.context);
    await showTyping(step.context);
    const result = await this.deps.checkout.choosePayment(state, input.action?.v ?? '');
    if (result.ok) return step.endDialog({ done: true } satisfies StepOutcome);
    await step.context.sendActivity(translate(step.context, this.deps.translator)(problemKey(result.problem)));
    return step.replaceDialog(this.id);
  }
}
