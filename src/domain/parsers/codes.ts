import { beyondParserLimit, cleanText, parsed, rejected, type ParseResult } from './result';

export type CodeRejection = 'CODE_EMPTY' | 'CODE_TOO_LONG' | 'CODE_INVALID';

// Column sizes in OpenCart 3.0: oc_coupon.code varchar(20), oc_voucher.code varchar(10).
const COUPON_MAX = 20;
const VOUCHER_MAX = 10;

function parseCode(input: string, max: number): ParseResult<string, CodeRejection> {
  if (beyondParserLimit(input)) return rejected('CODE_TOO_LONG');
  // At most three quotes each side: an unbounded run before `$` would be tried from every position.
  const text = cleanText(input).replace(/^["'«„“]{1,3}|["'»“”]{1,3}$/gu, '').trim();
  if (text === '') return rejected('CODE_EMPTY');
  if (text.length > max) return rejected('CODE_TOO_LONG');
  if (!/^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(text)) return rejected('CODE_INVALID');
  return parsed(text);
}

/** A discount coupon code as OpenCart stores it: 1–20 ASCII letters, digits, '-' or '_'. */
export function parseCouponCode(input: string): ParseResult<string, CodeRejection> {
  return parseCode(input, COUPON_MAX);
}

/** A gift voucher code: 1–10 ASCII letters, digits, '-' or '_'. */
export function parseVoucherCode(input: string): ParseResult<string, CodeRejection> {
  return parseCode(input, VOUCHER_MAX);
}
