import { ComponentDialog, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { checkCity, checkEmail, checkName, checkPhone, checkPostcode, checkStreet, type Checked, type FieldContext } from '../prompts/input-checks';
import { DIALOG } from '../ids';
import { InputPrompt, type CustomerInput } from '../prompts/input-prompt';
import { formInProgress, type FormKey } from '../order-state';
import { localeOf, translate, type DialogDeps } from '../turn';
import type { AnswerKind } from '../prompts/answer-limits';
import { answerValidator, refusalOf } from '../prompts/validation';

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
const FIELD_LIMITS: Record<FieldName, AnswerKind> = {
  firstname: 'name',
  lastname: 'name',
  email: 'email',
  telephone: 'telephone',
  address1: 'street',
  city: 'city',
  postcode: 'postcode',
};

export interface FieldsOptions {
  fields: FieldName[];
  index: number;
  values: Partial<Record<FieldName, string>>;
  /** What the checks need to know about the address (its country, for the postcode). */
  about?: FieldContext;
  /** Where the answers are kept while the form is filled (see formsInProgress). */
  form?: FormKey;
}

/** Options that go on where the kept answers of the form end: the first field not answered yet. */
export function resumeFields(fields: FieldName[], kept: Partial<Record<string, string>>, rest: Pick<FieldsOptions, 'about' | 'form'>): FieldsOptions {
  const values: Partial<Record<FieldName, string>> = {};
  for (const field of fields) if (kept[field] !== undefined) values[field] = kept[field];
  const index = fields.findIndex((f) => values[f] === undefined);
  return { fields, index: index < 0 ? fields.length : index, values, ...rest };
}

interface FieldRules {
  field: FieldName;
  about?: FieldContext;
}

const PROMPT = 'fieldPrompt';

/** Asks a list of typed fields one after another; ends with their checked values. */
export class FieldsDialog extends ComponentDialog {
  constructor(private readonly deps: DialogDeps) {
    super(DIALOG.fields);
    const validator = answerValidator(deps, {
      actions: [],
      limit: (rules) => FIELD_LIMITS[(rules as FieldRules).field],
      text: (text, ctx, rules) => {
        const { field, about } = rules as FieldRules;
        return refusalOf(FIELD_CHECKS[field](text, localeOf(ctx), about ?? {}));
      },
    });
    this.addDialog(new InputPrompt(PROMPT, validator));
    this.addDialog(new WaterfallDialog('fieldSteps', [this.ask.bind(this), this.collect.bind(this)]));
    this.initialDialogId = 'fieldSteps';
  }

  private async ask(step: WaterfallStepContext<FieldsOptions>) {
    const { fields, index, values, about } = step.options;
    if (index >= fields.length) return step.endDialog(values);
    const field = fields[index];
    const prompt = translate(step.context, this.deps.translator)(`fields.ask_${field}`, values);
    return step.prompt(PROMPT, { prompt, validations: { field, about } satisfies FieldRules });
  }

  private async collect(step: WaterfallStepContext<FieldsOptions>) {
    const { fields, index, values, about, form } = step.options;
    const field = fields[index];
    const checked = FIELD_CHECKS[field]((step.result as CustomerInput).text, localeOf(step.context), about ?? {});
    const next = { ...values, [field]: checked.ok ? checked.value : '' };
    if (form) formInProgress(await this.deps.store.flow(step.context), form).values = { ...next };
    return step.replaceDialog(this.id, { fields, index: index + 1, values: next, about, form } satisfies FieldsOptions);
  }
}
