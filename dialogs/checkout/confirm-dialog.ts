import { ComponentDialog, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { CHANGEABLE_SLOTS, summaryCard, type ChangeableSlot } from '../../src/cards';
import type { YesNoRecognizer } from '../commands/commands';
import { SummaryAnswerRecognizer, summaryChoices, type SummaryAnswer } from '../commands/summary-answers';
import { choiceMatcher } from '../prompts/choice-match';
import { DIALOG } from '../ids';
import { InputPrompt, type CustomerInput } from '../prompts/input-prompt';
import { problemKey, problemSlot } from '../prompts/problems';
import type { TurnContext } from 'botbuilder';
import { cardActivity, localeOf, showTyping, translate, type DialogDeps } from '../turn';
import { answerValidator, type Refusal } from '../prompts/validation';

const PROMPT = 'confirmPrompt';
export const CONFIRM_PROMPT_ID = PROMPT;

export type ConfirmOutcome = { placed: number; alreadyPlaced: boolean } | { redo: ChangeableSlot } | { unconfirmed: true };

/** Typed answers other than consent or a change are answered with the summary's buttons again, never taken as consent. */
const REFUSALS: Record<SummaryAnswer['kind'], Refusal> = {
  place: null,
  change: null,
  wait: { key: 'summary.takeYourTime' },
  unclear: { key: 'summary.placeOrChange' },
};

/** One summary card; "place order" places it exactly once, "change" goes back to that one part. */
export class ConfirmDialog extends ComponentDialog {
  private readonly answers: SummaryAnswerRecognizer;

  constructor(private readonly deps: DialogDeps, words: YesNoRecognizer) {
    super(DIALOG.confirm);
    this.answers = new SummaryAnswerRecognizer(deps.translator, words);
    const validator = answerValidator(deps, {
      actions: ['place', 'chg'],
      action: (action) => (action.a === 'chg' && !CHANGEABLE_SLOTS.some((s) => s === action.v) ? { key: 'common.staleButton' } : null),
      text: (text, ctx) => this.typedRefusal(text, ctx),
    });
    this.addDialog(new InputPrompt(PROMPT, validator));
    this.addDialog(new WaterfallDialog('confirmSteps', [this.show.bind(this), this.act.bind(this)]));
    this.initialDialogId = 'confirmSteps';
  }

  /** Unclear answers may still name a change button ("deliver elsewhere", "zahlung ändern"); several => "which one?". */
  private typedRefusal(text: string, ctx: TurnContext): Refusal {
    const kind = this.answers.recognize(text, localeOf(ctx)).kind;
    if (kind !== 'unclear') return REFUSALS[kind];
    const choices = summaryChoices(this.deps.translator, translate(ctx, this.deps.translator));
    return choiceMatcher(this.deps.translator).refusal(ctx, text, choices, REFUSALS.unclear, { positions: false });
  }

  /** The part a typed answer names by a change button's title (never "place order"), or null. */
  private typedChange(text: string, ctx: TurnContext): ChangeableSlot | null {
    const choices = summaryChoices(this.deps.translator, translate(ctx, this.deps.translator));
    const chosen = choiceMatcher(this.deps.translator).chosen(text, choices, { positions: false });
    return (chosen?.action.v as ChangeableSlot | undefined) ?? null;
  }

  private async show(step: WaterfallStepContext) {
    const t = translate(step.context, this.deps.translator);
    const state = await this.deps.store.checkout(step.context);
    await showTyping(step.context);
    const summary = await this.deps.checkout.summary(state);
    if (!summary.ok) {
      await step.context.sendActivity(t(problemKey(summary.problem)));
      return step.endDialog({ redo: problemSlot(summary.problem) ?? 'cart' } satisfies ConfirmOutcome);
    }
    const orderKey = String((await this.deps.store.flow(step.context)).orderSeq);
    return step.prompt(PROMPT, { prompt: cardActivity(step.context, summaryCard(summary.value, t, { locale: localeOf(step.context), orderKey }), t('summary.check')) });
  }

  private async act(step: WaterfallStepContext) {
    const input = step.result as CustomerInput;
    if (input.action?.a === 'chg') return step.endDialog({ redo: input.action.v as ChangeableSlot } satisfies ConfirmOutcome);
    const typed = input.action ? null : this.answers.recognize(input.text, localeOf(step.context));
    if (typed?.kind === 'change') return step.endDialog({ redo: typed.slot } satisfies ConfirmOutcome);
    const named = typed?.kind === 'unclear' ? this.typedChange(input.text, step.context) : null;
    if (named) return step.endDialog({ redo: named } satisfies ConfirmOutcome);
    if (input.action?.a !== 'place' && typed?.kind !== 'place') return step.replaceDialog(this.id); // never consent by default
    const state = await this.deps.store.checkout(step.context);
    await showTyping(step.context);
    const placed = await this.deps.checkout.placeOrder(state, { beforeSend: () => this.deps.store.saveNow(step.context) });
    if (placed.ok) return step.endDialog({ placed: placed.value.orderId, alreadyPlaced: placed.value.alreadyPlaced } satisfies ConfirmOutcome);
    await step.context.sendActivity(translate(step.context, this.deps.translator)(problemKey(placed.problem)));
    // The shop most likely has the order (its answer was lost): never place it again.
    if (placed.problem.code === 'ORDER_OUTCOME_UNKNOWN') return step.endDialog({ unconfirmed: true } satisfies ConfirmOutcome);
    const slot = problemSlot(placed.problem);
    return slot ? step.endDialog({ redo: slot } satisfies ConfirmOutcome) : step.replaceDialog(this.id);
  }
}
