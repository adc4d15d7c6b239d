import type { ConversationState, StatePropertyAccessor, TurnContext } from 'botbuilder';
import { ComponentDialog, WaterfallDialog, type DialogContext, type WaterfallStepContext } from 'botbuilder-dialogs';
import { z } from 'zod';
import { decodeAction, type CardButton, type CardModel, type Translate } from '../../src/cards';
import { recognizeAftersales, type AftersalesKind } from '../../src/domain/aftersales/intent';
import { attemptLogSchema, emptyAttemptLog } from '../../src/domain/aftersales/attempts';
import type { AftersalesService, OrderFacts } from '../../src/domain/aftersales/service';
import { statusLabel } from '../../src/domain/aftersales/status-names';
import { parseEmail } from '../../src/domain/parsers';
import { answerHandoff } from '../commands/handoff';
import { YesNoRecognizer } from '../commands/commands';
import { DIALOG } from '../ids';
import { lengthRefusal } from '../prompts/answer-limits';
import { InputPrompt, type CustomerInput } from '../prompts/input-prompt';
import { yesNoAnswer, yesNoPrompt, yesNoQuestion } from '../prompts/yes-no';
import { cardActivity, localeOf, showTyping, stepValues, translate, type DialogDeps } from '../turn';

export interface AftersalesOptions {
  kind: AftersalesKind | 'contact';
  orderId: number | null;
  /** The number was asked for and the answer had none: asked once more, then the shop's contact is given. */
  askedAgain?: boolean;
}

const NUMBER_PROMPT = 'aftersalesNumber';
const EMAIL_PROMPT = 'aftersalesEmail';
const CONFIRM_PROMPT = 'aftersalesConfirm';
/** Orders other than the conversation's own whose buyer proved the email, kept for follow-ups ("cancel it"). */
const VERIFIED_KEPT = 5;

const aftersalesStateSchema = z.object({
  attempts: attemptLogSchema.catch(emptyAttemptLog()).default(emptyAttemptLog()),
  verified: z.array(z.number().int()).max(VERIFIED_KEPT).catch([]).default([]),
});
type AftersalesState = z.infer<typeof aftersalesStateSchema>;

interface Values {
  orderId: number;
  facts: OrderFacts;
}

const LANGUAGE_TAGS: Record<string, string> = { en: 'en-US', de: 'de-DE', ru: 'ru-RU' };

function formatDate(day: string | null, locale: string): string | null {
  if (!day) return null;
  return new Intl.DateTimeFormat(LANGUAGE_TAGS[locale] ?? 'en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
}

function formatTotal(facts: OrderFacts, locale: string): string | null {
  if (facts.total === null) return null;
  try {
    return new Intl.NumberFormat(LANGUAGE_TAGS[locale] ?? 'en-GB', { style: 'currency', currency: facts.currencyCode }).format(facts.total);
  } catch {
    return `${facts.total.toFixed(2)} ${facts.currencyCode}`.trim();
  }
}

/** A cancellation request and the shop's contact, as buttons: the after-sales dialog starts from them anywhere. */
function afterButtons(t: Translate, facts: OrderFacts, cancellable: boolean): CardButton[] {
  const contact: CardButton = { title: t('aftersales.contactButton'), action: { a: 'after', v: 'contact' } };
  if (!cancellable) return [contact];
  return [{ title: t('aftersales.cancelButton'), action: { a: 'after', v: `cancel:${facts.orderId}` } }, contact];
}

/**
 * After the order: "where is my order 24?" and "cancel my order". Orders of this conversation are answered at once;
 * any other only once the customer gave the email it was placed with (the same answer for a wrong email and a missing
 * order, attempts limited). A cancellation request becomes an order history entry; the order is never edited.
 */
export class AftersalesDialog extends ComponentDialog {
  private readonly stateProp: StatePropertyAccessor<unknown>;

  constructor(private readonly deps: DialogDeps, conversationState: ConversationState) {
    super(DIALOG.aftersales);
    this.stateProp = conversationState.createProperty('aftersales');
    const words = new YesNoRecognizer(deps.translator);
    this.addDialog(new InputPrompt(NUMBER_PROMPT));
    this.addDialog(new InputPrompt(EMAIL_PROMPT));
    this.addDialog(yesNoPrompt(CONFIRM_PROMPT, deps, words));
    this.addDialog(
      new WaterfallDialog<AftersalesOptions>('aftersalesSteps', [
        this.whichOrder.bind(this),
        this.access.bind(this),
        this.answer.bind(this),
        (step) => this.cancel(step, words),
      ]),
    );
    this.initialDialogId = 'aftersalesSteps';
  }

  private async state(ctx: TurnContext): Promise<AftersalesState> {
    const key = Symbol.for('orderBot.aftersales');
    const cached = ctx.turnState.get(key) as AftersalesState | undefined;
    if (cached) return cached;
    const parsed = aftersalesStateSchema.safeParse((await this.stateProp.get(ctx)) ?? {});
    const value = parsed.success ? parsed.data : aftersalesStateSchema.parse({});
    await this.stateProp.set(ctx, value);
    ctx.turnState.set(key, value);
    return value;
  }

  private service(): AftersalesService | null {
    return this.deps.aftersales ?? null;
  }

  private async whichOrder(step: WaterfallStepContext<AftersalesOptions>) {
    const t = translate(step.context, this.deps.translator);
    const options = step.options;
    if (options.kind === 'contact' || !this.service()) {
      if (options.kind !== 'contact') await step.context.sendActivity(t('aftersales.shopWillHelp'));
      await answerHandoff(step.context, this.deps);
      return step.endDialog();
    }
    const flow = await this.deps.store.flow(step.context);
    const orderId = options.orderId ?? flow.lastOrderId;
    if (orderId !== null) return step.next(orderId);
    if (!options.askedAgain) return step.prompt(NUMBER_PROMPT, { prompt: t('aftersales.askNumber') });
    // Someone without the number may rather ask the shop: the button says how.
    const card: CardModel = {
      text: t('aftersales.askNumberAgain'),
      buttons: [{ title: t('aftersales.contactButton'), action: { a: 'after', v: 'contact' } }],
    };
    return step.prompt(NUMBER_PROMPT, { prompt: cardActivity(step.context, card) });
  }

  private async access(step: WaterfallStepContext<AftersalesOptions>) {
    const t = translate(step.context, this.deps.translator);
    const orderId = typeof step.result === 'number' ? step.result : recognizeNumber((step.result as CustomerInput).text);
    if (orderId === null) {
      if (!step.options.askedAgain) return step.replaceDialog(this.id, { ...step.options, askedAgain: true });
      return this.withContact(step, t('aftersales.numberInvalid'));
    }
    const service = this.service()!;
    const flow = await this.deps.store.flow(step.context);
    const state = await this.state(step.context);
    const own = flow.lastOrderId === orderId || flow.placedOrders.some((p) => p.orderId === orderId) || state.verified.includes(orderId);
    if (own) {
      await showTyping(step.context);
      const facts = await service.ownOrder(await this.deps.store.checkout(step.context), orderId);
      if (!facts) {
        await step.context.sendActivity(t('aftersales.ownNotFound', { orderId }));
        return step.endDialog();
      }
      return step.next({ facts });
    }
    if (!service.mayTry(state.attempts, orderId)) {
      await step.context.sendActivity(t('aftersales.tooMany'));
      return step.endDialog();
    }
    stepValues<Values>(step).orderId = orderId;
    return step.prompt(EMAIL_PROMPT, { prompt: t('aftersales.askEmail', { orderId }) });
  }

  private async answer(step: WaterfallStepContext<AftersalesOptions>) {
    const t = translate(step.context, this.deps.translator);
    const service = this.service()!;
    let facts: OrderFacts;
    if ('facts' in (step.result as object)) facts = (step.result as { facts: OrderFacts }).facts;
    else {
      const orderId = stepValues<Values>(step).orderId!;
      const text = (step.result as CustomerInput).text;
      const email = lengthRefusal(text, 'email') ? null : parseEmail(text);
      if (!email?.ok) {
        await step.context.sendActivity(t('aftersales.notAnEmail', { orderId }));
        return step.endDialog();
      }
      const state = await this.state(step.context);
      await showTyping(step.context);
      const outcome = await service.verify(await this.deps.store.checkout(step.context), state.attempts, orderId, email.value);
      if (outcome.kind !== 'verified') {
        await step.context.sendActivity(t(outcome.kind === 'limited' ? 'aftersales.tooMany' : 'aftersales.notVerified', { orderId }));
        return step.endDialog();
      }
      state.verified = [...state.verified.filter((id) => id !== orderId), orderId].slice(-VERIFIED_KEPT);
      facts = outcome.facts;
    }
    stepValues<Values>(step).facts = facts;
    if (step.options.kind === 'status') {
      await step.context.sendActivity(this.statusCard(step.context, facts));
      return step.endDialog();
    }
    const status = statusLabel(facts.statusId, t, facts.storeStatusName).text;
    if (service.settings.cancelRequestStatusId !== null && facts.statusId === service.settings.cancelRequestStatusId) {
      await step.context.sendActivity(t('aftersales.cancelAlreadyRequested', { orderId: facts.orderId }));
      return step.endDialog();
    }
    if (!service.cancellable(facts)) return this.withContact(step, t('aftersales.cancelTooLate', { orderId: facts.orderId, status }));
    if (service.settings.cancelRequestStatusId === null) return this.withContact(step, t('aftersales.cancelByContact', { orderId: facts.orderId }));
    const total = formatTotal(facts, localeOf(step.context)) ?? '';
    return step.prompt(CONFIRM_PROMPT, { prompt: yesNoQuestion(step.context, this.deps, t('aftersales.confirmCancel', { orderId: facts.orderId, total })) });
  }

  private async cancel(step: WaterfallStepContext<AftersalesOptions>, words: YesNoRecognizer) {
    const t = translate(step.context, this.deps.translator);
    const { facts } = stepValues<Values>(step);
    const orderId = facts!.orderId;
    if (!yesNoAnswer(step.result as CustomerInput, words)) {
      await step.context.sendActivity(t('aftersales.cancelKept', { orderId }));
      return step.endDialog();
    }
    await showTyping(step.context);
    const outcome = await this.service()!.requestCancellation(await this.deps.store.checkout(step.context), orderId);
    if (outcome.kind === 'requested') await step.context.sendActivity(t('aftersales.cancelRequested', { orderId }));
    else if (outcome.kind === 'alreadyRequested') await step.context.sendActivity(t('aftersales.cancelAlreadyRequested', { orderId }));
    else if (outcome.kind === 'tooLate') {
      const status = statusLabel(outcome.facts.statusId, t, outcome.facts.storeStatusName).text;
      return this.withContact(step, t('aftersales.cancelTooLate', { orderId, status }));
    } else if (outcome.kind === 'notConfigured') return this.withContact(step, t('aftersales.cancelByContact', { orderId }));
    else return this.withContact(step, t('aftersales.cancelFailed', { orderId }));
    return step.endDialog();
  }

  private async withContact(step: WaterfallStepContext<AftersalesOptions>, text: string) {
    await step.context.sendActivity(text);
    await answerHandoff(step.context, this.deps);
    return step.endDialog();
  }

  private statusCard(ctx: TurnContext, facts: OrderFacts) {
    const t = translate(ctx, this.deps.translator);
    const locale = localeOf(ctx);
    const service = this.service()!;
    const cancellable = service.cancellable(facts);
    const requestable = cancellable && service.settings.cancelRequestStatusId !== null;
    const fact = (label: string, value: string | null) => (value ? [{ label: t(label), value }] : []);
    const next = requestable ? 'aftersales.nextCancellable' : cancellable ? 'aftersales.nextContactToCancel' : 'aftersales.nextOther';
    const model: CardModel = {
      title: t('aftersales.title', { orderId: facts.orderId }),
      facts: [
        ...fact('aftersales.factStatus', statusLabel(facts.statusId, t, facts.storeStatusName).text ?? null),
        ...fact('aftersales.factDate', formatDate(facts.dateAdded, locale)),
        ...fact('aftersales.factTotal', formatTotal(facts, locale)),
        ...fact('aftersales.factShipping', facts.shippingMethod || t('aftersales.noShipping')),
      ],
      text: t(next),
      buttons: afterButtons(t, facts, requestable),
    };
    return cardActivity(ctx, model);
  }
}

/** "24", "#24", "№ 24", "order 24": the one number of a short answer. */
function recognizeNumber(text: string): number | null {
  if (text.length > 40) return null;
  const match = /^\D{0,30}?(\d{1,10})\D{0,10}$/u.exec(text.trim());
  const value = match ? Number(match[1]) : NaN;
  return value >= 1 && value < 2 ** 31 ? value : null;
}

/** The request in this turn: an after-sales button ('after', v = cancel:<id> | status:<id> | contact) or typed words. */
function requestOf(ctx: TurnContext): AftersalesOptions | null {
  const decoded = decodeAction(ctx.activity);
  if (decoded.kind === 'none') return recognizeAftersales(ctx.activity.text);
  if (decoded.kind !== 'action' || decoded.action.a !== 'after') return null;
  const [kind, id] = (decoded.action.v ?? '').split(':');
  if (kind === 'contact') return { kind: 'contact', orderId: null };
  const orderId = /^\d{1,10}$/.test(id ?? '') ? Number(id) : NaN;
  if ((kind === 'cancel' || kind === 'status') && orderId >= 1 && orderId < 2 ** 31) return { kind, orderId };
  return null;
}

/** The hook in handleInterruption: starts (or restarts) the after-sales dialog; the open question follows after it. */
export async function handleAftersales(dc: DialogContext): Promise<boolean> {
  const request = requestOf(dc.context);
  if (!request) return false;
  if (dc.activeDialog?.id === DIALOG.aftersales) await dc.replaceDialog(DIALOG.aftersales, request);
  else await dc.beginDialog(DIALOG.aftersales, request);
  return true;
}
