import { parsePhoneNumberFromString, isSupportedCountry, type CountryCode } from 'libphonenumber-js';
import { beyondParserLimit, cleanText, hasLetterOrDigit, openCartLength, parsed, rejected, type ParseResult } from './result';

export type EmailRejection = 'EMAIL_EMPTY' | 'EMAIL_TOO_LONG' | 'EMAIL_INVALID';
export type PhoneRejection = 'PHONE_EMPTY' | 'PHONE_INVALID' | 'PHONE_TOO_LONG';
export type NameRejection = 'NAME_EMPTY' | 'NAME_TOO_LONG' | 'NAME_INVALID';

const EMAIL_MAX = 96; // OpenCart's customer check
const LOCAL_PART = /^[A-Za-z0-9!#$%'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%'*+/=?^_`{|}~-]+)*$/; // dot-atom without & (OpenCart escapes it)
const DOMAIN_LABEL = /^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

/** An address PHP's filter_var(FILTER_VALIDATE_EMAIL) accepts after OpenCart's escaping; we also want a dot in the domain. */
export function parseEmail(input: string): ParseResult<string, EmailRejection> {
  if (beyondParserLimit(input)) return rejected('EMAIL_TOO_LONG');
  const text = cleanText(input).replace(/^mailto:/i, '');
  if (text === '') return rejected('EMAIL_EMPTY');
  if (text.length > EMAIL_MAX) return rejected('EMAIL_TOO_LONG');
  const at = text.lastIndexOf('@');
  if (at <= 0 || at !== text.indexOf('@')) return rejected('EMAIL_INVALID');
  const local = text.slice(0, at);
  const domain = text.slice(at + 1);
  if (local.length > 64 || !LOCAL_PART.test(local)) return rejected('EMAIL_INVALID');
  const labels = domain.split('.');
  if (labels.length < 2 || domain.length > 253 || !labels.every((label) => DOMAIN_LABEL.test(label))) {
    return rejected('EMAIL_INVALID');
  }
  if (/^\d+$/.test(labels[labels.length - 1])) return rejected('EMAIL_INVALID');
  return parsed(`${local}@${domain.toLowerCase()}`);
}

/** Region part of a BCP-47 locale ("de-AT" => AT), or the language's home country for bare ru/de. */
export function countryFromLocale(locale: string | undefined): string | undefined {
  if (!locale) return undefined;
  const parts = locale.replace('_', '-').split('-');
  const region = parts.find((part, index) => index > 0 && /^[A-Za-z]{2}$/.test(part));
  if (region) return region.toUpperCase();
  const homeCountry: Record<string, string> = { ru: 'RU', de: 'DE' };
  return homeCountry[parts[0].toLowerCase()];
}

/**
 * A phone number in international format ("+44 20 7946 0958"). `defaultCountry` (ISO 3166-1 alpha-2, from the
 * address or the locale) lets customers type national numbers.
 */
export function parsePhone(input: string, defaultCountry?: string): ParseResult<string, PhoneRejection> {
  if (beyondParserLimit(input)) return rejected('PHONE_TOO_LONG');
  const text = cleanText(input);
  if (text === '') return rejected('PHONE_EMPTY');
  if (text.length > 64) return rejected('PHONE_TOO_LONG');
  const country = defaultCountry?.toUpperCase();
  const region = country && isSupportedCountry(country) ? (country as CountryCode) : undefined;
  const phone = parsePhoneNumberFromString(text.replace(/^00/, '+'), region ? { defaultCountry: region } : {});
  if (!phone || !phone.isValid()) return rejected('PHONE_INVALID');
  const international = phone.formatInternational();
  if (openCartLength(international) > 32) return rejected('PHONE_TOO_LONG');
  return parsed(international);
}

/** First or last name: 1–32 characters as OpenCart counts them, with at least one letter. */
export function parsePersonName(input: string): ParseResult<string, NameRejection> {
  if (beyondParserLimit(input)) return rejected('NAME_TOO_LONG');
  const text = cleanText(input);
  if (text === '') return rejected('NAME_EMPTY');
  if (openCartLength(text) > 32) return rejected('NAME_TOO_LONG');
  if (!/\p{L}/u.test(text) || !hasLetterOrDigit(text)) return rejected('NAME_INVALID');
  if (/[<>{}[\]\\|@#$%^*=_~`;]/.test(text) || /\d/.test(text)) return rejected('NAME_INVALID');
  return parsed(text);
}

/** What one typed message said about the contact: each piece found, and pieces that looked like one but were wrong. */
export interface ContactLine {
  email?: string;
  telephone?: string;
  /** Words of the name, in the order typed ("John", "Smith"). */
  names: string[];
  badEmail: boolean;
  badPhone: boolean;
}

const MAX_LINE_TOKENS = 40;
const PHONE_TOKEN = /^[+(]?[\d().\-/]*\d[\d().\-/]*$/;
const NAME_TOKEN = /^[\p{L}][\p{L}\p{M}'’.-]*$/u;
const EDGE_PUNCTUATION = /^[<("'«]+|[>)"'».:]+$/g;

/**
 * "John Smith, john.smith@example.com, +44 20 7946 0958" (in any order, commas or spaces between): the email is the
 * word with an @, the phone a run of digit words, the name the remaining words. One pass over at most 40 words.
 */
export function parseContactLine(input: string, defaultCountry?: string): ContactLine {
  const line: ContactLine = { names: [], badEmail: false, badPhone: false };
  if (beyondParserLimit(input)) return line;
  const tokens = cleanText(input).split(/[\s,;]+/).filter(Boolean).slice(0, MAX_LINE_TOKENS);
  let run: string[] = [];
  const endRun = () => {
    if (!run.length) return;
    const phone = parsePhone(run.join(' '), defaultCountry);
    if (phone.ok && line.telephone === undefined) line.telephone = phone.value;
    else line.badPhone = true;
    run = [];
  };
  for (const token of tokens) {
    if (PHONE_TOKEN.test(token)) {
      run.push(token);
      continue;
    }
    endRun();
    if (token.includes('@')) {
      const email = parseEmail(token.replace(EDGE_PUNCTUATION, ''));
      if (email.ok && line.email === undefined) line.email = email.value;
      else line.badEmail = true;
    } else if (NAME_TOKEN.test(token)) {
      line.names.push(token);
    }
  }
  endRun();
  return line;
}
