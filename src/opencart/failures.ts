import type { Failure, FailureCode } from './api';
import { decodeText } from './body';

/** The permission text is the same on every route, as `error` or as `error.warning`. */
const PERMISSION_TEXT = /permission to access the API/i;

/**
 * String errors of one route, matched in order. OpenCart's string errors carry no key, so the text is all
 * there is; an unmatched text becomes REJECTED. Texts are OpenCart 3.0's en-gb language files.
 */
const ORDER_TEXTS: [RegExp, FailureCode][] = [
  [/customer details/i, 'CUSTOMER_REQUIRED'],
  [/payment address required/i, 'PAYMENT_ADDRESS_REQUIRED'],
  [/payment method required/i, 'PAYMENT_METHOD_REQUIRED'],
  [/shipping address required/i, 'SHIPPING_ADDRESS_REQUIRED'],
  [/shipping method required/i, 'SHIPPING_METHOD_REQUIRED'],
  [/\*\*\*|not available in the desired quantity|stock/i, 'STOCK'],
  [/minimum/i, 'MINIMUM'],
  [/could not be found/i, 'NOT_FOUND'],
];

const STRING_ERRORS: Record<string, [RegExp, FailureCode][] | FailureCode> = {
  'api/currency': 'INVALID_CURRENCY',
  'api/coupon': 'INVALID_CODE',
  'api/voucher': 'INVALID_CODE',
  'api/reward': 'INVALID_CODE',
  'api/payment/methods': [
    [/address required/i, 'PAYMENT_ADDRESS_REQUIRED'],
    [/no payment options/i, 'NO_METHODS'],
  ],
  'api/payment/method': [
    [/no payment options/i, 'METHODS_NOT_QUOTED'],
    [/payment method required/i, 'PAYMENT_METHOD_REQUIRED'],
    [/address required/i, 'PAYMENT_ADDRESS_REQUIRED'],
  ],
  'api/shipping/methods': [
    [/address required/i, 'SHIPPING_ADDRESS_REQUIRED'],
    [/no shipping options/i, 'NO_METHODS'],
  ],
  'api/shipping/method': [
    [/no shipping options/i, 'METHODS_NOT_QUOTED'],
    [/shipping method required/i, 'SHIPPING_METHOD_REQUIRED'],
    [/address required/i, 'SHIPPING_ADDRESS_REQUIRED'],
  ],
  'api/order/add': ORDER_TEXTS,
  'api/order/edit': ORDER_TEXTS,
  'api/order/info': [[/could not be found/i, 'NOT_FOUND']],
  'api/order/history': [[/could not be found/i, 'NOT_FOUND']],
  'api/order/delete': [[/could not be found/i, 'NOT_FOUND']],
};

/** Routes whose `error` object names the fields that failed validation. */
const FIELD_ROUTES = new Set(['api/customer', 'api/payment/address', 'api/shipping/address', 'api/voucher/add']);

function failure(code: FailureCode, message: string, extra: Partial<Failure> = {}): Failure {
  return { ok: false, code, message: decodeText(message), ...extra };
}

function fromString(route: string, message: string): Failure {
  if (PERMISSION_TEXT.test(message)) return failure('PERMISSION', message);
  const rule = STRING_ERRORS[route];
  if (typeof rule === 'string') return failure(rule, message);
  const match = rule?.find(([pattern]) => pattern.test(message));
  return failure(match ? match[1] : 'REJECTED', message);
}

function texts(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(texts);
  if (value && typeof value === 'object') return Object.values(value).flatMap(texts);
  return [];
}

function fromObject(route: string, error: Record<string, unknown>): Failure {
  const all = texts(error).join(' ');
  const warning = typeof error.warning === 'string' ? error.warning : undefined;
  if (warning !== undefined && PERMISSION_TEXT.test(warning)) return failure('PERMISSION', warning);
  if (route === 'api/login') {
    if (typeof error.ip === 'string') {
      const ip = /IP\s+(\S+)\s+is not allowed/i.exec(error.ip)?.[1] ?? /\d{1,3}(?:\.\d{1,3}){3}|[0-9a-f]*:[0-9a-f:.]+/i.exec(error.ip)?.[0];
      return failure('IP_NOT_ALLOWED', error.ip, ip ? { ip } : {});
    }
    return failure('BAD_KEY', all);
  }
  if (route === 'api/cart/add') {
    if (error.option && typeof error.option === 'object') {
      const optionIds = Object.keys(error.option).map(Number).filter(Number.isFinite);
      return failure('OPTION_REQUIRED', all, { optionIds });
    }
    if (error.store !== undefined) return failure('PRODUCT_UNAVAILABLE', all);
  }
  if (route === 'api/cart/products') {
    if (error.stock !== undefined) return failure('STOCK', all);
    if (error.minimum !== undefined) return failure('MINIMUM', all);
  }
  if (FIELD_ROUTES.has(route)) {
    const fields = Object.keys(error).filter((k) => k !== 'warning');
    // customer's only warning is "You must select a customer!": the customer_id is unknown or disabled.
    if (route === 'api/customer' && warning !== undefined) fields.unshift('customer_id');
    if (fields.length > 0) return failure('FIELD_INVALID', all, { fields });
  }
  return failure('REJECTED', all);
}

/** Maps an answer's `error` (string or object) to a Failure, by route and key. */
export function mapError(route: string, error: string | Record<string, unknown>): Failure {
  return typeof error === 'string' ? fromString(route, error) : fromObject(route, error);
}

/** OpenCart answered `[]`: a refused login, or a call that did nothing. */
export function emptyAnswerFailure(route: string): Failure {
  return route === 'api/login'
    ? failure('BAD_KEY', 'OpenCart answered [] to api/login')
    : failure('EMPTY_ANSWER', `OpenCart answered [] to ${route}`);
}
