import type { TurnContext } from 'botbuilder';
import { ComponentDialog, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { shippingMethodsCard } from '../../src/cards';
import type { ShippingMethod } from '../../src/opencart/api';
import { DIALOG } from '../ids';
import type { ChoiceMatchOptions } from '../../src/domain/parsers/choice';
import { choiceMatcher, offeredIn, PAYMENT_SYNONYM_CODES, type OfferedChoice } from '../prompts/choice-match';
import { InputPrompt, type CustomerInput } from '../prompts/input-prompt';
import type { StepOutcome } from '../prompts/outcomes';
import { problemKey, problemSlot } from '../prompts/problems';
import { cardActivity, showTyping, stepValues, translate, type DialogDeps } from '../turn';
import { answerValidator } from '../prompts/validation';

const PROMPT = 'shippingMethodPrompt';

/**
 * The card's buttons (one per quote) as typed answers are matched against them: the quote's title, its method's
 * title, and the synonyms of the method's code ("pickup": Abholung, самовывоз). A method with several quotes names
 * them all, so "ups" asks which.
 */
export function shippingChoices(methods: ShippingMethod[]): OfferedChoice[] {
  return methods.flatMap((m) =>
    m.quotes.map((q) => ({
      label: `${q.title} — ${q.text}`,
      action: { a: 'ship' as const, v: q.code },
      names: [q.title, m.title],
      code: m.code,
    })),
  );
}

/** Shipping methods as a card (each quote with its cost); the customer picks one, by button or typed ("pickup", "die zweite"). */
export class ShippingMethodDialog extends ComponentDialog {
  private readonly options: ChoiceMatchOptions;

  constructor(private readonly deps: DialogDeps) {
    super(DIALOG.shippingMethod);
    const matcher = choiceMatcher(deps.translator);
    // A payment method typed at the shipping question (or the other way round) names none of these.
    this.options = { positions: true, rivals: matcher.namesOf(PAYMENT_SYNONYM_CODES) };
    const text = (typed: string, ctx: TurnContext, validations: unknown) => matcher.refusal(ctx, typed, offeredIn(validations), undefined, this.options);
    this.addDialog(new InputPrompt(PROMPT, answerValidator(deps, { actions: ['ship'], text })));
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
    const choices = shippingChoices(offered);
    stepValues<{ offered: OfferedChoice[] }>(step).offered = choices;
    return step.prompt(PROMPT, { prompt: cardActivity(step.context, shippingMethodsCard(offered, t)), validations: { offered: choices } });
  }

  private async choose(step: WaterfallStepContext) {
    const input = step.result as CustomerInput;
    const offered = stepValues<{ offered: OfferedChoice[] }>(step).offered ?? [];
    const code = input.action?.v ?? choiceMatcher(this.deps.translator).chosen(input.text, offered, this.options)?.action.v ?? '';
    const state = await this.deps.store.checkout(step.context);
    await showTyping(step.context);
    const result = await this.deps.checkout.chooseShipping(state, code);
    if (result.ok) return step.endDialog({ done: true } satisfies StepOutcome);
    await step.context.sendActivity(translate(step.context, this.deps.translator)(problemKey(result.problem)));
    return step.replaceDialog(this.id);
  }
}
