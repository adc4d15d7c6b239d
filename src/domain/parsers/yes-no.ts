import { parsed, rejected, type ParseResult } from './result';

export type YesNoRejection = 'YES_NO_UNCLEAR';
export type OrderConsentRejection = 'NOT_CONSENT';
export type ConsentLocale = 'en' | 'ru' | 'de';

/** Longer answers are never a plain yes or no (and are not scanned further). */
export const MAX_YES_NO_LENGTH = 64;

const YES = new Set([
  'yes', 'y', 'yeah', 'yep', 'yup', 'sure', 'ok', 'okay', 'k', 'right', 'correct', 'confirm', 'of course', 'please',
  'yes please', 'go ahead', 'do it', 'agreed', 'true', '+', '👍', '✅', '✔', '✔️', '👌',
  'да', 'ага', 'угу', 'конечно', 'ок', 'окей', 'хорошо', 'верно', 'подтверждаю', 'давай', 'да конечно', 'д',
  'ja', 'jawohl', 'genau', 'klar', 'gerne', 'ja bitte', 'richtig', 'stimmt', 'einverstanden', 'passt', 'j',
]);

const NO = new Set([
  'no', 'n', 'nope', 'nah', 'no thanks', 'no thank you', 'cancel', 'wrong', 'false', '-', '👎', '❌', '✖',
  'нет', 'не', 'неа', 'не надо', 'отмена', 'нет спасибо', 'неверно', 'н',
  'nein', 'ne', 'nö', 'noe', 'nee', 'nein danke', 'falsch', 'abbrechen',
]);

/** Words that may follow a leading yes or no without changing it ("yes, go ahead", "nein danke"). */
const COURTESY = new Set([
  'please', 'thanks', 'thank', 'you', 'go', 'ahead', 'sure', 'of', 'course', 'fine', 'gladly',
  'пожалуйста', 'спасибо', 'конечно', 'давай', 'хорошо', 'можно',
  'bitte', 'danke', 'gerne', 'gern', 'natürlich', 'klar', 'genau',
]);

/**
 * Whole answers that place an order, per language: an explicit yes or an order verb, nothing else. Deliberately
 * short: "ok", "k", "+" or "please" are fine for "same address?", not for spending money.
 */
const ORDER_CONSENT: Readonly<Record<ConsentLocale, ReadonlySet<string>>> = {
  en: new Set([
    'yes', 'yes please', 'yes place the order', 'yes place my order', 'yes confirm', 'place order', 'place the order',
    'place my order', 'confirm', 'i confirm', 'confirm order', 'confirm the order', 'confirm my order', 'order now', 'buy now',
  ]),
  ru: new Set([
    'да', 'да пожалуйста', 'да оформляйте', 'да подтверждаю', 'подтверждаю', 'я подтверждаю', 'подтвердить', 'подтверждаю заказ',
    'оформить заказ', 'оформите заказ', 'оформляйте', 'оформить', 'заказать', 'заказываю',
  ]),
  de: new Set([
    'ja', 'ja bitte', 'ja gerne', 'ja bestellen', 'bestellen', 'jetzt bestellen', 'bestellung absenden', 'absenden',
    'bestätigen', 'ich bestätige', 'bestellung bestätigen', 'zahlungspflichtig bestellen', 'jetzt kaufen',
  ]),
};

/** Control and invisible format characters (NUL, zero-width, bidi): such an answer is never a yes. */
const HIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\p{Cf}]/u;

/**
 * Case, spacing and punctuation around words folded away: " Yes, please!! " => "yes please"; null when the text is
 * too long or carries hidden characters.
 */
export function normalizeAnswer(input: string): string | null {
  if (input.length > MAX_YES_NO_LENGTH * 2 || HIDDEN.test(input)) return null;
  const text = input
    .normalize('NFKC')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[\s!.?¡¿…]+$/u, '')
    .replace(/\s*,\s*/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > MAX_YES_NO_LENGTH ? null : text;
}

/** Yes/no in en/ru/de ("ja", "да", "ok", "👍"); anything else is unclear rather than a guess. */
export function parseYesNo(input: string): ParseResult<boolean, YesNoRejection> {
  const text = normalizeAnswer(input);
  if (!text) return rejected('YES_NO_UNCLEAR');
  if (YES.has(text)) return parsed(true);
  if (NO.has(text)) return parsed(false);
  // "yes, go ahead" / "nein danke": a short answer led by one side, the rest only courtesy ("ok wait" is not)
  const words = text.split(' ');
  const side = YES.has(words[0]) ? YES : NO.has(words[0]) ? NO : null;
  if (!side || words.length > 4) return rejected('YES_NO_UNCLEAR');
  const rest = words.slice(1);
  if (rest.every((word) => side.has(word) || (COURTESY.has(word) && !(side === YES ? NO : YES).has(word)))) return parsed(side === YES);
  return rejected('YES_NO_UNCLEAR');
}

/**
 * Consent to place an order: one of the whole answers of the customer's language (or English, the shop's lingua
 * franca), after normalizeAnswer. A change request, "please wait", "ok wait", "k", "+" are not consent.
 */
export function parseOrderConsent(input: string, locale: ConsentLocale): ParseResult<true, OrderConsentRejection> {
  const text = normalizeAnswer(input);
  if (text && (ORDER_CONSENT[locale].has(text) || ORDER_CONSENT.en.has(text))) return parsed(true);
  return rejected('NOT_CONSENT');
}
