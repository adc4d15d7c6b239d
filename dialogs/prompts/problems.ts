import type { ChangeableSlot } from '../../src/cards';
import type { CheckoutProblem, CheckoutProblemCode } from '../../src/domain/checkout-port';

/** OpenCart's refusals as the customer hears them (locales/<lng>/problems.json), and the slot to ask again. */
export const PROBLEMS: Readonly<Partial<Record<CheckoutProblemCode, { key: string; slot?: ChangeableSlot }>>> = {
  STOCK: { key: 'problems.STOCK', slot: 'cart' },
  MINIMUM: { key: 'problems.MINIMUM', slot: 'cart' },
  OPTION_REQUIRED: { key: 'problems.OPTION_REQUIRED' },
  PRODUCT_UNAVAILABLE: { key: 'problems.PRODUCT_UNAVAILABLE', slot: 'cart' },
  FIELD_INVALID: { key: 'problems.FIELD_INVALID' },
  CUSTOMER_REQUIRED: { key: 'problems.CUSTOMER_REQUIRED', slot: 'contact' },
  PAYMENT_ADDRESS_REQUIRED: { key: 'problems.PAYMENT_ADDRESS_REQUIRED', slot: 'paymentAddress' },
  SHIPPING_ADDRESS_REQUIRED: { key: 'problems.SHIPPING_ADDRESS_REQUIRED', slot: 'shippingAddress' },
  PAYMENT_METHOD_REQUIRED: { key: 'problems.PAYMENT_METHOD_REQUIRED', slot: 'paymentMethod' },
  SHIPPING_METHOD_REQUIRED: { key: 'problems.SHIPPING_METHOD_REQUIRED', slot: 'shippingMethod' },
  METHODS_NOT_QUOTED: { key: 'problems.METHODS_NOT_QUOTED', slot: 'shippingMethod' },
  NO_METHODS: { key: 'problems.NO_METHODS', slot: 'shippingAddress' },
  INVALID_CODE: { key: 'problems.INVALID_CODE', slot: 'codes' },
  INVALID_CURRENCY: { key: 'problems.INVALID_CURRENCY' },
  LINE_NOT_FOUND: { key: 'problems.LINE_NOT_FOUND', slot: 'cart' },
  NOTHING_TO_ORDER: { key: 'problems.NOTHING_TO_ORDER', slot: 'cart' },
  ALREADY_PLACING: { key: 'problems.ALREADY_PLACING' },
  ORDER_CLOSED: { key: 'problems.ORDER_CLOSED' },
  ORDER_OUTCOME_UNKNOWN: { key: 'problems.ORDER_OUTCOME_UNKNOWN' },
};

export function problemKey(problem: CheckoutProblem): string {
  return PROBLEMS[problem.code]?.key ?? 'problems.OTHER';
}

export function problemSlot(problem: CheckoutProblem): ChangeableSlot | undefined {
  return PROBLEMS[problem.code]?.slot;
}
