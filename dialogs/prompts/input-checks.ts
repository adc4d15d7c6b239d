import { countryDisplayName } from '../../src/cards';
import { ANSWER_LIMITS } from './answer-limits';
import {
  countryFromLocale,
  parseAddressLine,
  parseCity,
  parseCouponCode,
  parseEmail,
  parsePersonName,
  parsePhone,
  parsePostcode,
  postcodeExample,
  parseQuantity,
  type ParseResult,
} from '../../src/domain/parsers';

/**
 * The domain's pure parsers, with each rejection turned into a reason key (locales/<lng>/input.json) and the
 * values its message needs.
 */
export type Checked<T> = { ok: true; value: T } | { ok: false; reason: string; vars?: Record<string, unknown> };

function checked<T, R extends string>(result: ParseResult<T, R>, reasons: (rejection: R) => [string, Record<string, unknown>?]): Checked<T> {
  if (result.ok) return result;
  const [reason, vars] = reasons(result.reason);
  return { ok: false, reason, vars };
}

/** The shortest answers OpenCart takes, with the longest from the one table of limits (answer-limits.ts). */
export const OPENCART_LIMITS = {
  name: ANSWER_LIMITS.name,
  street: [3, ANSWER_LIMITS.street],
  city: [2, ANSWER_LIMITS.city],
  postcode: [2, ANSWER_LIMITS.postcode],
} as const;

export function checkQuantity(text: string, minimum = 1): Checked<number> {
  return checked(parseQuantity(text, { minimum }), (r) => {
    if (r === 'QUANTITY_BELOW_MINIMUM') return ['input.quantityBelowMinimum', { minimum }];
    if (r === 'QUANTITY_TOO_LARGE') return ['input.quantityTooLarge', { maximum: 999 }];
    return ['input.quantityNotNumber'];
  });
}

export function checkName(text: string): Checked<string> {
  return checked(parsePersonName(text), (r) => (r === 'NAME_TOO_LONG' ? ['input.nameTooLong', { max: OPENCART_LIMITS.name }] : ['input.nameInvalid']));
}

export function checkEmail(text: string): Checked<string> {
  return checked(parseEmail(text), () => ['input.emailInvalid']);
}

/** National numbers are read for the country of the customer's language (de-AT => Austria). */
export function checkPhone(text: string, locale?: string): Checked<string> {
  return checked(parsePhone(text, countryFromLocale(locale)), () => ['input.phoneInvalid']);
}

export function checkStreet(text: string): Checked<string> {
  const [min, max] = OPENCART_LIMITS.street;
  return checked(parseAddressLine(text), () => ['input.streetInvalid', { min, max }]);
}

export function checkCity(text: string): Checked<string> {
  const [min, max] = OPENCART_LIMITS.city;
  return checked(parseCity(text), () => ['input.cityInvalid', { min, max }]);
}

/** The address a field belongs to, where its check depends on it (the postcode's format). */
export interface FieldContext {
  countryIso2?: string;
  countryName?: string;
}

/** Asked only where the country needs one; checked for the country's format where it is known, else by length. */
export function checkPostcode(text: string, locale = 'en', about: FieldContext = {}): Checked<string> {
  const [min, max] = OPENCART_LIMITS.postcode;
  return checked(parsePostcode(text, true, about.countryIso2), (r) => {
    if (r !== 'POSTCODE_FORMAT') return ['input.postcodeInvalid', { min, max }];
    const country = countryDisplayName(about.countryIso2, about.countryName ?? about.countryIso2 ?? '', locale);
    const example = postcodeExample(about.countryIso2);
    return example ? ['input.postcodeFormatExample', { country, example }] : ['input.postcodeFormat', { country }];
  });
}

export function checkCode(text: string): Checked<string> {
  return checked(parseCouponCode(text), () => ['codes.invalidFormat']);
}

const OPTION_FORMATS: Record<string, RegExp> = {
  date: /^\d{4}-\d{2}-\d{2}$/,
  time: /^\d{1,2}:\d{2}$/,
  datetime: /^\d{4}-\d{2}-\d{2}[ T]\d{1,2}:\d{2}$/,
};

/** Free-text product options: dates and times in OpenCart's formats, text up to 255 characters. */
export function checkOptionText(type: string, text: string): Checked<string> {
  const value = text.trim();
  const format = OPTION_FORMATS[type];
  if (format) return format.test(value) ? { ok: true, value: value.replace('T', ' ') } : { ok: false, reason: `input.optionFormat_${type}` };
  const max = ANSWER_LIMITS.optionText;
  if (!value || value.length > max) return { ok: false, reason: 'input.optionTextInvalid', vars: { max } };
  return { ok: true, value };
}
