import type { DialogContext } from 'botbuilder-dialogs';
import { WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { choiceCard } from '../../src/cards';
import { foldText } from '../../src/catalog/query/fold';
import type { CheckoutProblem, GiftVoucher } from '../../src/domain/checkout-port';
import type { Translator } from '../../src/i18n';
import { applyLocaleCurrency } from '../currency';
import { DIALOG } from '../ids';
import type { AnswerKind } from '../prompts/answer-limits';
import { checkEmail, checkName, type Checked } from '../prompts/input-checks';
import { InputPrompt, type CustomerInput } from '../prompts/input-prompt';
import { problemKey } from '../prompts/problems';
import { answerValidator, refusalOf } from '../prompts/validation';
import { cardActivity, showTyping, translate, type DialogDeps } from '../turn';
import { activeLeaf, activeLeafId } from '../dialog-stack';

export const GIFT_VOUCHER_PROMPT_ID = 'giftVoucherPrompt';

type Field = 'toName' | 'toEmail' | 'fromName' | 'fromEmail' | 'amount' | 'message';
type Answers = Partial<Omit<GiftVoucher, 'voucherId' | 'description' | 'price'>>;

export interface GiftVoucherOptions {
  answers?: Answers;
}

/** The message OpenCart stores with the voucher: a text column, kept far below what a chat message can hold. */
const MAX_MESSAGE = 255;

/** "25", "25.50", "25,50", "$25", "25 €", "1 000": one number, at most two decimals; anything else is no amount. */
export function parseAmount(text: string): number | null {
  const bare = text.trim().replace(/^[^\d-]{0,4}/u, '').replace(/[^\d]{0,4}$/u, '').replace(/[\s\u00a0\u202f']/g, '');
  const match = /^(\d{1,7})(?:[.,](\d{1,2}))?$/.exec(bare);
  if (!match) return null;
  const amount = Number(`${match[1]}.${match[2] ?? '0'}`);
  return amount > 0 ? amount : null;
}

function checkAmount(text: string): Checked<number> {
  const amount = parseAmount(text);
  return amount === null ? { ok: false, reason: 'voucher.amountInvalid' } : { ok: true, value: amount };
}

interface FieldRule {
  limit: AnswerKind;
  check: (text: string) => Checked<string | number>;
  /** OpenCart's field in voucher/add's error object, and what the customer is told when it refuses it. */
  opencart: string;
  refused: string;
}

const FIELDS: Record<Field, FieldRule> = {
  toName: { limit: 'name', check: checkName, opencart: 'to_name', refused: 'voucher.toNameRefused' },
  toEmail: { limit: 'email', check: checkEmail, opencart: 'to_email', refused: 'voucher.toEmailRefused' },
  fromName: { limit: 'name', check: checkName, opencart: 'from_name', refused: 'voucher.fromNameRefused' },
  fromEmail: { limit: 'email', check: checkEmail, opencart: 'from_email', refused: 'voucher.fromEmailRefused' },
  amount: { limit: 'quantity', check: checkAmount, opencart: 'amount', refused: 'voucher.amountRefused' },
  message: { limit: 'optionText', check: (text) => ({ ok: true, value: text.trim().slice(0, MAX_MESSAGE) }), opencart: 'message', refused: 'voucher.amountRefused' },
};
const ORDER: Field[] = ['toName', 'toEmail', 'fromName', 'fromEmail', 'amount', 'message'];

/** The field this prompt asks, kept in the prompt's validations. */
interface Asking {
  field: Field;
}

/**
 * "I want to buy a gift card": the recipient's name and email, the sender's (from the order's contact details when
 * known), the amount and a message, then api/voucher/add through the checkout. OpenCart's refusals name the field:
 * that one is asked again with the reason (the amount with the shop's limits), the other answers kept. On success
 * the cart is shown, where the voucher is paid with the rest and removed like any line.
 */
export class GiftVoucherDialog extends WaterfallDialog<GiftVoucherOptions> {
  constructor(private readonly deps: DialogDeps) {
    super(DIALOG.giftVoucher);
    this.addStep(this.ask.bind(this));
    this.addStep(this.take.bind(this));
  }

  /** The prompt every question of this dialog uses; registered beside the dialog. */
  static prompt(deps: DialogDeps): InputPrompt {
    const validator = answerValidator(deps, {
      actions: ['skip'],
      limit: (validations) => FIELDS[(validations as Asking).field].limit,
      text: (text, _ctx, validations) => refusalOf(FIELDS[(validations as Asking).field].check(text)),
    });
    return new InputPrompt(GIFT_VOUCHER_PROMPT_ID, validator);
  }

  private async answersOf(step: WaterfallStepContext<GiftVoucherOptions>): Promise<Answers> {
    const answers = { ...step.options.answers };
    const { contact } = (await this.deps.store.checkout(step.context)).draft;
    if (contact && answers.fromName === undefined && answers.fromEmail === undefined) {
      answers.fromName = `${contact.firstname} ${contact.lastname}`.trim();
      answers.fromEmail = contact.email;
      await step.context.sendActivity(translate(step.context, this.deps.translator)('voucher.fromKnown', { name: answers.fromName, email: answers.fromEmail }));
    }
    return answers;
  }

  private async ask(step: WaterfallStepContext<GiftVoucherOptions>) {
    const answers = await this.answersOf(step);
    step.options.answers = answers;
    const field = ORDER.find((f) => answers[f] === undefined);
    if (!field) return this.add(step, answers);
    const t = translate(step.context, this.deps.translator);
    const name = answers.toName ?? '';
    const validations: Asking = { field };
    if (field === 'message') {
      const card = choiceCard({ text: t('voucher.askMessage', { name }), choices: [{ title: t('voucher.noMessage'), action: { a: 'skip' } }] });
      return step.prompt(GIFT_VOUCHER_PROMPT_ID, { prompt: cardActivity(step.context, card), validations });
    }
    const currency = field === 'amount' ? await this.amountCurrency(step) : null;
    const question: Record<Exclude<Field, 'message'>, string> = {
      toName: t('voucher.askToName'),
      toEmail: t('voucher.askToEmail', { name }),
      fromName: t('voucher.askFromName'),
      fromEmail: t('voucher.askFromEmail'),
      amount: currency ? t('voucher.askAmount', { currency }) : t('voucher.askAmountPlain'),
    };
    return step.prompt(GIFT_VOUCHER_PROMPT_ID, { prompt: question[field], validations });
  }

  /**
   * The currency OpenCart reads the amount in: the session's. An order without one yet takes the customer's (as its
   * first product would), so "in EUR" is what OpenCart charges; null when the shop has none of it (its default then).
   */
  private async amountCurrency(step: WaterfallStepContext<GiftVoucherOptions>): Promise<string | null> {
    const state = await this.deps.store.checkout(step.context);
    await applyLocaleCurrency(step.context, this.deps, state);
    return state.draft.currency;
  }

  private async take(step: WaterfallStepContext<GiftVoucherOptions>) {
    const input = step.result as CustomerInput;
    const answers = { ...step.options.answers };
    const field = ORDER.find((f) => answers[f] === undefined);
    if (!field) return step.replaceDialog(this.id, { answers });
    if (input.action?.a === 'skip') answers.message = '';
    else {
      const checked = FIELDS[field].check(input.text);
      if (checked.ok) Object.assign(answers, { [field]: checked.value });
    }
    return step.replaceDialog(this.id, { answers });
  }

  private async add(step: WaterfallStepContext<GiftVoucherOptions>, answers: Answers) {
    const t = translate(step.context, this.deps.translator);
    const state = await this.deps.store.checkout(step.context);
    const voucher = {
      toName: answers.toName ?? '', toEmail: answers.toEmail ?? '', fromName: answers.fromName ?? '', fromEmail: answers.fromEmail ?? '',
      amount: answers.amount ?? 0, message: answers.message ?? '',
    };
    await showTyping(step.context);
    const added = await this.deps.checkout.addGiftVoucher(state, voucher);
    if (added.ok) {
      const { price, toName, toEmail } = added.value;
      await step.context.sendActivity(t('voucher.added', { price: price || String(voucher.amount), name: toName, email: toEmail }));
      return step.replaceDialog(DIALOG.orderFlow, { entry: 'cart' });
    }
    const refused = refusedFields(added.problem);
    if (refused.length === 0) {
      await step.context.sendActivity(t(problemKey(added.problem)));
      return step.endDialog();
    }
    for (const field of refused) delete answers[field];
    const range = added.problem.range;
    await step.context.sendActivity(
      refused.map((field) => (field === 'amount' && range ? t('voucher.amountRange', range) : t(FIELDS[field].refused))).join('\n'),
    );
    return step.replaceDialog(this.id, { answers });
  }
}

/** The draft's fields OpenCart's voucher/add refused, in asking order. */
function refusedFields(problem: CheckoutProblem): Field[] {
  if (problem.code !== 'FIELD_INVALID') return [];
  return ORDER.filter((field) => problem.fields?.includes(FIELDS[field].opencart));
}

/** Folded phrases of every language, with spaces around for whole-word containment. */
function phraseList(translator: Translator, key: string): string[] {
  return translator
    .allTranslations(key)
    .flatMap((list) => list.split('|'))
    .map((phrase) => foldText(phrase))
    .filter(Boolean)
    .map((phrase) => ` ${phrase} `);
}

/** Longer messages are a search or an answer, never a request to buy a voucher. */
const MAX_REQUEST = 120;

/** "I want to buy a gift card", "Geschenkgutschein kaufen", "подарочный сертификат"; not "I have a gift card code". */
export class GiftVoucherRequests {
  private readonly buy: string[];
  private readonly notBuy: string[];

  constructor(translator: Translator) {
    this.buy = phraseList(translator, 'voucher.buyWords');
    this.notBuy = phraseList(translator, 'voucher.notBuyWords');
  }

  recognize(text: string | undefined): boolean {
    if (!text || text.length > MAX_REQUEST) return false;
    const folded = ` ${foldText(text)} `;
    return this.buy.some((phrase) => folded.includes(phrase)) && !this.notBuy.some((phrase) => folded.includes(phrase));
  }
}

const requests = new WeakMap<Translator, GiftVoucherRequests>();

function isGiftVoucherPrompt(dc: DialogContext): boolean {
  return activeLeafId(dc) === GIFT_VOUCHER_PROMPT_ID;
}

/** The gift message is free text for someone else ("Thanks for everything!"): small talk leaves it alone. */
export function asksGiftMessage(dc: DialogContext): boolean {
  const leaf = activeLeaf(dc);
  const state = leaf?.state as { options?: { validations?: Asking } } | undefined;
  return leaf?.id === GIFT_VOUCHER_PROMPT_ID && state?.options?.validations?.field === 'message';
}

/** Starts buying a gift voucher when the customer asks for one (anywhere; the order is kept); true when it did. */
export async function startGiftVoucher(dc: DialogContext, deps: DialogDeps): Promise<boolean> {
  if (isGiftVoucherPrompt(dc)) return false;
  let recognizer = requests.get(deps.translator);
  if (!recognizer) {
    recognizer = new GiftVoucherRequests(deps.translator);
    requests.set(deps.translator, recognizer);
  }
  if (!recognizer.recognize(dc.context.activity.text)) return false;
  const state = await deps.store.checkout(dc.context);
  if (state.draft.status === 'placed' || state.draft.status === 'unconfirmed') await deps.store.resetOrder(dc.context);
  await dc.context.sendActivity(translate(dc.context, deps.translator)('voucher.start'));
  await dc.cancelAllDialogs();
  await dc.beginDialog(DIALOG.giftVoucher, {});
  return true;
}
