import type { Activity, TurnContext } from 'botbuilder';
import { supportsAdaptiveCards, type CardModel } from '../../src/cards';
import { checkCity, checkEmail, checkName, checkPhone, checkPostcode, checkStreet, type Checked, type FieldContext } from '../prompts/input-checks';
import { ANSWER_LIMITS, lengthRefusal, type AnswerKind } from '../prompts/answer-limits';
import { refusalOf, type Refusal } from '../prompts/validation';
import { cardActivity, translate, type DialogDeps } from '../turn';

/** The typed fields of contact details and addresses, each with its question (fields.ask_<name>) and check. */
export const FIELD_CHECKS = {
  firstname: checkName,
  lastname: checkName,
  email: checkEmail,
  telephone: checkPhone,
  address1: checkStreet,
  city: checkCity,
  postcode: checkPostcode,
} satisfies Record<string, (text: string, locale: string, about: FieldContext) => Checked<string>>;
export type FieldName = keyof typeof FIELD_CHECKS;

/** Each field's length limit (see ANSWER_LIMITS). */
export const FIELD_LIMITS: Record<FieldName, AnswerKind> = {
  firstname: 'name',
  lastname: 'name',
  email: 'email',
  telephone: 'telephone',
  address1: 'street',
  city: 'city',
  postcode: 'postcode',
};

/** The longest answer of each field, for the form's maxLength. */
export function fieldMaxLengths(fields: readonly FieldName[]): Partial<Record<FieldName, number>> {
  return Object.fromEntries(fields.map((f) => [f, ANSWER_LIMITS[FIELD_LIMITS[f]]]));
}

/** One field's answer: its length limit first, then its check. */
export function checkField(field: FieldName, text: string, locale: string, about: FieldContext = {}): Checked<string> {
  const tooLong = lengthRefusal(text, FIELD_LIMITS[field]);
  if (tooLong) return { ok: false, reason: tooLong.key, vars: tooLong.vars };
  return FIELD_CHECKS[field](text, locale, about);
}

/** What a form sent, checked field by field: the accepted values, and a refusal for each field that was not. */
export function checkFields<F extends FieldName>(
  sent: Partial<Record<F, string>>,
  fields: readonly F[],
  locale: string,
  about: FieldContext = {},
): { accepted: Partial<Record<F, string>>; refused: Partial<Record<F, Refusal>> } {
  const accepted: Partial<Record<F, string>> = {};
  const refused: Partial<Record<F, Refusal>> = {};
  for (const field of fields) {
    const text = sent[field];
    if (text === undefined) continue;
    const checked = checkField(field, text, locale, about);
    if (checked.ok) accepted[field] = checked.value;
    else refused[field] = refusalOf(checked);
  }
  return { accepted, refused };
}

/** Refusals translated for the form, next to their fields. */
export function refusalTexts<F extends string>(ctx: TurnContext, deps: DialogDeps, refused: Partial<Record<F, Refusal>>): Partial<Record<F, string>> {
  const t = translate(ctx, deps.translator);
  const texts: Partial<Record<F, string>> = {};
  for (const [field, refusal] of Object.entries(refused) as [F, Refusal][]) if (refusal) texts[field] = t(refusal.key, refusal.vars);
  return texts;
}

/** The question of a form step: the form on channels with Adaptive Cards, else (or once the customer types) words. */
export function formOrWords(ctx: TurnContext, useForm: boolean, form: () => CardModel, words: string): Partial<Activity> | string {
  return useForm && supportsAdaptiveCards(ctx.activity.channelId) ? cardActivity(ctx, form()) : words;
}
