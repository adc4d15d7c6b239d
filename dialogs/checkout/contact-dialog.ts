import { ComponentDialog, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { CONTACT_FIELDS, contactFormCard, FORM_NAMES, submittedValues, type ContactField } from '../../src/cards';
import type { Contact } from '../../src/domain/draft';
import { countryFromLocale, parseContactLine, type ContactLine } from '../../src/domain/parsers';
import type { YesNoRecognizer } from '../commands/commands';
import { checkField, checkFields, fieldMaxLengths, formOrWords, refusalTexts } from './fields-dialog';
import { DIALOG } from '../ids';
import { InputPrompt, type CustomerInput } from '../prompts/input-prompt';
import { dropFormInProgress, formInProgress, type FormKey } from '../order-state';
import { problemKey } from '../prompts/problems';
import { localeOf, showTyping, translate, type DialogDeps } from '../turn';
import { answerValidator, refusalOf, type Refusal } from '../prompts/validation';
import { offerSavedDetails, useSavedDetails, SAVED_DETAILS_PROMPT, savedDetailsPrompt } from './saved-details';

const PROMPT = 'contactPrompt';
const FORM: FormKey = 'contact';

export interface ContactOptions {
  skipSaved?: boolean;
  /** Words instead of the form: the customer typed, or the channel has no forms. */
  typed?: boolean;
  /** Why the last answer was refused: per field on the form, or one reason for a typed answer. */
  refused?: Partial<Record<ContactField, Refusal>>;
  reason?: Refusal;
  /** What the form sent, refused fields included, to prefill it again. */
  sent?: Partial<Record<ContactField, string>>;
}

/**
 * First name, last name, email and phone: one form where the channel has forms, else (and whenever the customer
 * types) one message with any of them, asking only for what is still missing. A returning customer's are offered.
 */
export class ContactDialog extends ComponentDialog {
  constructor(private readonly deps: DialogDeps, private readonly words: YesNoRecognizer) {
    super(DIALOG.contact);
    const validator = answerValidator(deps, {
      actions: ['form'],
      action: (action) => (action.v === FORM_NAMES.contact ? null : { key: 'common.staleButton' }),
      text: () => null,
    });
    this.addDialog(new InputPrompt(PROMPT, validator));
    this.addDialog(savedDetailsPrompt(deps, words));
    this.addDialog(new WaterfallDialog('contactSteps', [this.offerSaved.bind(this), this.ask.bind(this), this.take.bind(this)]));
    this.initialDialogId = 'contactSteps';
  }

  private async offerSaved(step: WaterfallStepContext<ContactOptions>) {
    const kept = formInProgress(await this.deps.store.flow(step.context), FORM).values;
    if (step.options.skipSaved || Object.keys(kept).length) return step.next(null);
    return offerSavedDetails(step, this.deps);
  }

  private async ask(step: WaterfallStepContext<ContactOptions>) {
    if (step.result && (await useSavedDetails(step, this.deps, this.words))) return step.endDialog({ done: true });
    const kept = formInProgress(await this.deps.store.flow(step.context), FORM).values as Partial<Record<ContactField, string>>;
    const missing = CONTACT_FIELDS.filter((f) => !kept[f]);
    if (!missing.length) return step.next(null);
    const t = translate(step.context, this.deps.translator);
    const { refused = {}, reason, sent = {}, typed } = step.options;
    const form = () =>
      contactFormCard({ values: { ...kept, ...sent }, errors: refusalTexts(step.context, this.deps, refused), limits: fieldMaxLengths(CONTACT_FIELDS) }, t);
    const question = missing.length === CONTACT_FIELDS.length ? t('fields.ask_contact') : t(`fields.ask_${missing[0]}`);
    const words = reason ? t(reason.key, reason.vars) : question;
    return step.prompt(PROMPT, { prompt: formOrWords(step.context, !typed, form, words) });
  }

  private async take(step: WaterfallStepContext<ContactOptions>) {
    const input = step.result as CustomerInput | null;
    const flow = await this.deps.store.flow(step.context);
    const kept = formInProgress(flow, FORM);
    const values = kept.values as Partial<Record<ContactField, string>>;
    const locale = localeOf(step.context);
    if (input?.action) {
      const sent = submittedValues(step.context.activity.value, CONTACT_FIELDS);
      const { accepted, refused } = checkFields(sent, CONTACT_FIELDS, locale);
      for (const f of CONTACT_FIELDS) if (!sent[f]?.trim() && !values[f]) refused[f] ??= { key: 'fields.required' };
      Object.assign(values, accepted);
      if (Object.keys(refused).length) return step.replaceDialog(this.id, { skipSaved: true, refused, sent } satisfies ContactOptions);
    } else if (input) {
      const reason = takeTyped(values, input.text, locale);
      if (reason || CONTACT_FIELDS.some((f) => !values[f])) return step.replaceDialog(this.id, { skipSaved: true, typed: true, ...(reason ? { reason } : {}) });
    }
    if (CONTACT_FIELDS.some((f) => !values[f])) return step.replaceDialog(this.id, { skipSaved: true });
    return this.save(step, values as Contact);
  }

  private async save(step: WaterfallStepContext<ContactOptions>, contact: Contact) {
    dropFormInProgress(await this.deps.store.flow(step.context), FORM);
    const state = await this.deps.store.checkout(step.context);
    await showTyping(step.context);
    const result = await this.deps.checkout.setContact(state, contact);
    if (result.ok) return step.endDialog({ done: true });
    await step.context.sendActivity(translate(step.context, this.deps.translator)(problemKey(result.problem)));
    return step.replaceDialog(this.id, { skipSaved: true });
  }
}

/**
 * Fills what a typed message gives into the missing fields ("John Smith, john@example.com, +44 …", or just "Jane"
 * to the question for the first name). Nothing usable: the refusal of the field that was asked.
 */
export function takeTyped(values: Partial<Record<ContactField, string>>, text: string, locale: string): Refusal {
  const missing = CONTACT_FIELDS.filter((f) => !values[f]);
  const asked = missing[0] ?? 'firstname';
  const line: ContactLine = parseContactLine(text, countryFromLocale(locale));
  const found: Partial<Record<ContactField, string>> = { email: line.email, telephone: line.telephone, ...namesFor(line.names, missing) };
  const taken: Partial<Record<ContactField, string>> = {};
  for (const field of CONTACT_FIELDS) {
    const value = found[field];
    if (value === undefined) continue;
    const checked = checkField(field, value, locale);
    if (!checked.ok) return refusalOf(checked);
    taken[field] = checked.value;
  }
  if (!Object.keys(taken).length) {
    if (line.badEmail && asked === 'email') return { key: 'input.emailInvalid' };
    if (line.badPhone && asked === 'telephone') return { key: 'input.phoneInvalid' };
    const checked = checkField(asked, text, locale);
    if (!checked.ok) return refusalOf(checked);
    taken[asked] = checked.value;
  }
  Object.assign(values, taken);
  return null;
}

/** Name words into the name fields still missing: two or more words for both are first name and the rest. */
function namesFor(names: string[], missing: ContactField[]): Partial<Record<ContactField, string>> {
  const wanted = missing.filter((f) => f === 'firstname' || f === 'lastname');
  if (!names.length || !wanted.length) return {};
  if (wanted.length === 2 && names.length > 1) return { firstname: names[0], lastname: names.slice(1).join(' ') };
  return { [wanted[0]]: names.join(' ') };
}
