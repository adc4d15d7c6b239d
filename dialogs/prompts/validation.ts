import type { Activity, TurnContext } from 'botbuilder';
import type { PromptValidator, PromptValidatorContext } from 'botbuilder-dialogs';
import type { CardAction, CardActionName } from '../../src/cards';
import { lengthRefusal, type AnswerKind } from './answer-limits';
import type { Checked } from './input-checks';
import type { CustomerInput } from './input-prompt';
import { translate, withLeadingText, type DialogDeps } from '../turn';

/** Why an answer was refused: a translation key and its values; `then` replaces the question's buttons (e.g. candidates). */
export type Refusal = { key: string; vars?: Record<string, unknown>; then?: Partial<Activity> } | null;

export function refusalOf<T>(checked: Checked<T>): Refusal {
  return checked.ok ? null : { key: checked.reason, vars: checked.vars };
}

export interface AnswerRules {
  /** Buttons this question accepts; any other button is from an older message. */
  actions: CardActionName[];
  /** Typed answers; without it, typing gets "please use the buttons". */
  text?: (text: string, ctx: TurnContext, validations: unknown) => Refusal | Promise<Refusal>;
  action?: (action: CardAction, ctx: TurnContext, validations: unknown) => Refusal | Promise<Refusal>;
  /** Which length limit typed answers have (ANSWER_LIMITS); 'answer' unless said, decided per question where it varies. */
  limit?: AnswerKind | ((validations: unknown) => AnswerKind);
}

function hasButtons(activity: Partial<Activity> | string | undefined): activity is Partial<Activity> {
  return typeof activity === 'object' && Boolean(activity.attachments?.length || activity.suggestedActions?.actions?.length);
}

/**
 * The reason, with the question's buttons again: on Telegram a reply keyboard only lives on the last message, and
 * the terminal client only clicks buttons of the last turn. One message, so the reason stays above its buttons.
 */
export function refusalActivity(ctx: TurnContext, reason: string, buttons: Partial<Activity> | string | undefined): Partial<Activity> | string {
  return hasButtons(buttons) ? withLeadingText(ctx, buttons, reason) : reason;
}

/** A validator that answers every refused input with a translated reason and the question's buttons, and keeps it open. */
export function answerValidator(deps: DialogDeps, rules: AnswerRules): PromptValidator<CustomerInput> {
  return async (pc: PromptValidatorContext<CustomerInput>) => {
    const input = pc.recognized.value;
    if (!pc.recognized.succeeded || !input) return false;
    const refusal = await refusalFor(input, rules, pc);
    if (!refusal) return true;
    const reason = translate(pc.context, deps.translator)(refusal.key, refusal.vars);
    await pc.context.sendActivity(refusalActivity(pc.context, reason, refusal.then ?? (pc.options.prompt as Partial<Activity> | string | undefined)));
    return false;
  };
}

async function refusalFor(input: CustomerInput, rules: AnswerRules, pc: PromptValidatorContext<CustomerInput>): Promise<Refusal> {
  const validations = pc.options.validations;
  if (input.unreadableButton) return { key: 'common.staleButton' };
  if (input.action) {
    if (!rules.actions.includes(input.action.a)) return { key: 'common.staleButton' };
    return rules.action ? rules.action(input.action, pc.context, validations) : null;
  }
  if (!rules.text) return { key: 'common.useButtons' };
  // Before any parser: no answer is longer than its question takes.
  const kind = typeof rules.limit === 'function' ? rules.limit(validations) : (rules.limit ?? 'answer');
  return lengthRefusal(input.text, kind) ?? rules.text(input.text, pc.context, validations);
}
