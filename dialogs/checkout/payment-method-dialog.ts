import type { TurnContext } from 'botbuilder';
import { ComponentDialog, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { paymentMethodsCard } from '../../src/cards';
import type { PaymentMethod } from '../../src/opencart/api';
import { DIALOG } from '../ids';
import type { ChoiceMatchOptions } from '../../src/domain/parsers/choice';
import { choiceMatcher, offeredIn, SHIPPING_SYNONYM_CODES, type OfferedChoice } from '../prompts/choice-match';
import { InputPrompt, type CustomerInput } from '../prompts/input-prompt';
import type { StepOutcome } from '../prompts/outcomes';
import { problemKey, problemSlot } from '../prompts/problems';
import { cardActivity, showTyping, stepValues, translate, type DialogDeps } from '../turn';
import { answerValidator } from '../prompts/validation';

const PROMPT = 'paymentMethodPrompt';

/** The card's buttons as typed answers are matched against them: title, and the synonyms of the method's code. */
export function paymentChoices(methods: PaymentMethod[]): OfferedChoice[] {
  return methods.map((m) => ({ label: m.title, action: { a: 'pay', v: m.code }, code: m.code }));
}

/** Payment methods as a card; the customer picks one, by button or typed ("cash", "Nachnahme", "the second one"). */
export class PaymentMethodDialog extends ComponentDialog {
  private readonly options: ChoiceMatchOptions;

  constructor(private readonly deps: DialogDeps) {
    super(DIALOG.paymentMethod);
    const matcher = choiceMatcher(deps.translator);
    // A payment method typed at the shipping question (or the other way round) names none of these.
    this.options = { positions: true, rivals: matcher.namesOf(SHIPPING_SYNONYM_CODES) };
    const text = (typed: string, ctx: TurnContext, validations: unknown) => matcher.refusal(ctx, typed, offeredIn(validations), undefined, this.options);
    this.addDialog(new InputPrompt(PROMPT, answerValidator(deps, { actions: ['pay'], text })));
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
    const choices = paymentChoices(offered);
    stepValues<{ offered: OfferedChoice[] }>(step).offered = choices;
    return step.prompt(PROMPT, { prompt: cardActivity(step.context, paymentMethodsCard(offered, t)), validations: { offered: choices } });
  }

  private async choose(step: WaterfallStepContext) {
    const input = step.result as CustomerInput;
    const offered = stepValues<{ offered: OfferedChoice[] }>(step).offered ?? [];
    const code = input.action?.v ?? choiceMatcher(this.deps.translator).chosen(input.text, offered, this.options)?.action.v ?? '';
    const state = await this.deps.store.checkout(step.context);
    await showTyping(step.context);
    const result = await this.deps.checkout.choosePayment(state, code);
    if (result.ok) return step.endDialog({ done: true } satisfies StepOutcome);
    await step.context.sendActivity(translate(step.context, this.deps.translator)(problemKey(result.problem)));
    return step.replaceDialog(this.id);
  }
}
