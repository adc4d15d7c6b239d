import type { Refusal } from './validation';

/**
 * The longest answer each kind of question takes, in characters (code points) of the trimmed text: checked before
 * any parser runs, so no parser ever sees more. OpenCart's own limits where it has one (customer and address fields,
 * coupon codes); elsewhere far above any real answer and far below what could cost time (a 4,096-character Telegram
 * message, a 100,000-character Web Chat one) or what the storefront refuses (about 16 KB of search text: HTTP 431).
 */
export const ANSWER_LIMITS = {
  /** Product search texts, also typed at the cart and the result list. */
  search: 200,
  /** First and last name: OpenCart 1–32. */
  name: 32,
  /** OpenCart's customer check: at most 96. */
  email: 96,
  /** OpenCart: 3–32. */
  telephone: 32,
  /** address_1: OpenCart 3–128. */
  street: 128,
  /** OpenCart: 2–32 on the payment address (128 on the shipping one; the bot asks one city for both). */
  city: 32,
  /** OpenCart: 2–10 where the country needs one. */
  postcode: 10,
  /** A country, or a region with its country ("Kaliningrad Oblast, Russian Federation"). */
  country: 100,
  region: 100,
  /** Coupon codes: oc_coupon.code is varchar(20); voucher codes are shorter still. */
  code: 20,
  /** "twenty five pieces", "1 000 шт.": the quantity parser reads at most 40. */
  quantity: 40,
  /** Text, textarea, date and time options (OpenCart stores option values up to 255 here). */
  optionText: 255,
  /** Everything else a question takes typed: yes/no, the summary, the method and choice questions. */
  answer: 200,
} as const satisfies Record<string, number>;

export type AnswerKind = keyof typeof ANSWER_LIMITS;

/** Code points of the text, counted only as far as needed: at most 2 × max units are ever looked at. */
export function exceedsLength(text: string, max: number): boolean {
  if (text.length <= max) return false;
  if (text.length > 2 * max) return true;
  let count = 0;
  for (const _ of text) {
    count += 1;
    if (count > max) return true;
  }
  return false;
}

/** Kinds whose parser already had its own "too long" text: the same words, whichever check refuses. */
const TOO_LONG_KEYS: Partial<Record<AnswerKind, string>> = { name: 'input.nameTooLong' };

/** The refusal of an answer longer than its kind takes ("at most 32 characters"), or null. */
export function lengthRefusal(text: string, kind: AnswerKind): Refusal {
  const max = ANSWER_LIMITS[kind];
  return exceedsLength(text.trim(), max) ? { key: TOO_LONG_KEYS[kind] ?? 'input.tooLong', vars: { max } } : null;
}
