import { parsePhoneNumberFromString } from 'libphonenumber-js';

/**
 * Checks of typed answers, pure functions returning the value or a reason key (locales/<lng>/input.json).
 * Kept here until src/domain/parsers.ts exists; then these become thin adapters over the domain parsers.
 */
export type Checked<T> = { ok: true; value: T } | { ok: false; reason: string; vars?: Record<string, unknown> };

const ok = <T>(value: T): Checked<T> => ({ ok: true, value });
const bad = <T>(reason: string, vars?: Record<string, unknown>): Checked<T> => ({ ok: false, reason, vars });

export function checkQuantity(text: string, minimum = 1, maximum = 9999): Checked<number> {
  const match = /^\s*(\d{1,6})\s*(x|×|шт\.?|stk\.?|stück|pcs\.?)?\s*$/i.exec(text);
  if (!match) return bad('input.quantityNotNumber');
  const quantity = Number(match[1]);
  if (quantity < minimum) return bad('input.quantityBelowMinimum', { minimum });
  if (quantity > maximum) return bad('input.quantityTooLarge', { maximum });
  return ok(quantity);
}

/** OpenCart: 1..32 characters for first and last names. */
export function checkName(text: string): Checked<string> {
  const name = text.trim().replace(/\s+/g, ' ');
  if (!name || /^[\d\W_]+$/u.test(name)) return bad('input.nameInvalid');
  if (name.length > 32) return bad('input.nameTooLong', { max: 32 });
  return ok(name);
}

export function checkEmail(text: string): Checked<string> {
  const email = text.trim();
  if (email.length > 96 || !/^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/.test(email)) return bad('input.emailInvalid');
  return ok(email);
}

/** Any possible phone number, international or national; kept as the customer typed it, tidied. */
export function checkPhone(text: string): Checked<string> {
  const phone = text.trim();
  const parsed = parsePhoneNumberFromString(phone.startsWith('+') ? phone : `+${phone.replace(/^00/, '')}`) ?? parsePhoneNumberFromString(phone, 'US');
  if (!parsed || !parsed.isPossible() || phone.length > 32) return bad('input.phoneInvalid');
  return ok(phone.replace(/\s+/g, ' '));
}

/** Street, city, postcode: OpenCart's length limits. */
export function checkText(text: string, min: number, max: number, reason: string): Checked<string> {
  const value = text.trim().replace(/\s+/g, ' ');
  if (value.length < min || value.length > max) return bad(reason, { min, max });
  return ok(value);
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
  if (format) return format.test(value) ? ok(value.replace('T', ' ')) : bad(`input.optionFormat_${type}`);
  if (!value || value.length > 255) return bad('input.optionTextInvalid', { max: 255 });
  return ok(value);
}
