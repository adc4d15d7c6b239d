import type { CardModel, FormField, Translate } from './model';

/** The contact fields of the contact form, in the order asked. */
export const CONTACT_FIELDS = ['firstname', 'lastname', 'email', 'telephone'] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];

/** The address form's inputs; `zone` is the region (a choice of the country's regions once the country is known). */
export const ADDRESS_FIELDS = ['country', 'zone', 'city', 'address1', 'postcode'] as const;
export type AddressField = (typeof ADDRESS_FIELDS)[number];

/** The form names a form button carries as its action's value. */
export const FORM_NAMES = { contact: 'contact', address: 'address' } as const;

export interface FormView<F extends string> {
  /** What the customer gave so far (prefilled). */
  values: Partial<Record<F, string>>;
  /** Translated reasons, shown next to their fields. */
  errors: Partial<Record<F, string>>;
  /** Longest answer per field (maxLength). */
  limits: Partial<Record<F, number>>;
  text?: string;
}

type Choice = { title: string; value: string };

export interface AddressFormView extends FormView<AddressField> {
  countries: Choice[];
  /** The regions of the chosen country; null while it is not known (the region is then typed). */
  zones: Choice[] | null;
  /** Whether the postcode is asked: the country needs one, or the country is not known yet. */
  postcode: boolean;
}

const FIELD_KINDS: Partial<Record<string, FormField['kind']>> = { email: 'email', telephone: 'tel' };

function field<F extends string>(id: F, view: FormView<F>, t: Translate, extra: Partial<FormField> = {}): FormField {
  return {
    id,
    label: t(`fields.label_${id}`),
    kind: FIELD_KINDS[id] ?? 'text',
    required: true,
    ...(view.values[id] !== undefined ? { value: view.values[id] } : {}),
    ...(view.limits[id] ? { maxLength: view.limits[id] } : {}),
    ...(view.errors[id] ? { error: view.errors[id] } : {}),
    ...extra,
  };
}

/** First and last name, email and phone in one form. */
export function contactFormCard(view: FormView<ContactField>, t: Translate): CardModel {
  return {
    title: t('fields.contactTitle'),
    text: view.text ?? t('fields.contactHint'),
    form: {
      fields: CONTACT_FIELDS.map((id) => field(id, view, t)),
      submit: { title: t('fields.send'), action: { a: 'form', v: FORM_NAMES.contact } },
      requiredText: t('fields.required'),
    },
  };
}

/** Country, region, city, street and (where the country needs one) postcode in one form. */
export function addressFormCard(view: AddressFormView, t: Translate, title: string): CardModel {
  const fields: FormField[] = [field('country', view, t, { kind: 'choice', choices: view.countries })];
  if (view.zones === null) fields.push(field('zone', view, t));
  else if (view.zones.length) fields.push(field('zone', view, t, { kind: 'choice', choices: view.zones, placeholder: t('fields.chooseZone') }));
  fields.push(field('city', view, t), field('address1', view, t));
  if (view.postcode) fields.push(field('postcode', view, t, { required: false }));
  return {
    title,
    text: view.text ?? t('fields.addressHint'),
    form: {
      fields,
      submit: { title: t('fields.send'), action: { a: 'form', v: FORM_NAMES.address } },
      requiredText: t('fields.required'),
    },
  };
}

/** The strings a form sent for these fields (activity.value holds them beside `oc`); anything else is dropped. */
export function submittedValues<F extends string>(value: unknown, fields: readonly F[]): Partial<Record<F, string>> {
  const record = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const values: Partial<Record<F, string>> = {};
  for (const id of fields) {
    const sent = record[id];
    if (typeof sent === 'string') values[id] = sent;
  }
  return values;
}
