import type { AddressInput, CustomerInput, Failure } from '../../opencart/api';
import type { CheckoutProblem, CheckoutResult } from '../checkout-port';
import type { Address, Contact, OrderDraft } from '../draft';

/** Draft address => the form OpenCart's payment/address and shipping/address read. */
export function toAddressInput(address: Address): AddressInput {
  return {
    firstname: address.firstname,
    lastname: address.lastname,
    company: address.company,
    address_1: address.address1,
    address_2: address.address2,
    city: address.city,
    postcode: address.postcode,
    country_id: address.countryId,
    zone_id: address.zoneId,
  };
}

/** customer_id logs the session in as that registered customer (their reward points, their customer group). */
export function toCustomerInput(contact: Contact, customerId: number | null = null): CustomerInput {
  const input: CustomerInput = { firstname: contact.firstname, lastname: contact.lastname, email: contact.email, telephone: contact.telephone };
  return customerId === null ? input : { ...input, customer_id: customerId };
}

/** Where the goods go: the shipping address, or the payment address when the customer said "same". */
export function shippingTarget(draft: OrderDraft): Address | null {
  return draft.shippingSameAsPayment ? draft.paymentAddress : draft.shippingAddress;
}

/** The same address as OpenCart's forms take it (both null counts as the same). */
export function sameAddress(a: Address | null, b: Address | null): boolean {
  if (!a || !b) return a === b;
  return JSON.stringify(toAddressInput(a)) === JSON.stringify(toAddressInput(b));
}

/** OpenCart's refusal as a checkout problem; the raw message goes to `detail` for logs only. */
export function problemFrom(failure: Failure): CheckoutProblem {
  return {
    code: failure.code,
    detail: failure.message,
    ...(failure.fields ? { fields: failure.fields } : {}),
    ...(failure.optionIds ? { optionIds: failure.optionIds } : {}),
  };
}

export function refuse<T = undefined>(problem: CheckoutProblem | Failure): CheckoutResult<T> {
  return { ok: false, problem: 'ok' in problem ? problemFrom(problem) : problem };
}

export function done(): CheckoutResult;
export function done<T>(value: T): CheckoutResult<T>;
export function done<T>(value?: T): CheckoutResult<T | undefined> {
  return { ok: true, value };
}

/** Same product and the same option choices (checkbox order does not matter): OpenCart merges such adds. */
export function sameOptions(a: Record<string, string | string[]>, b: Record<string, string | string[]>): boolean {
  const normalise = (options: Record<string, string | string[]>): string =>
    JSON.stringify(
      Object.keys(options)
        .sort()
        .map((key) => {
          const value = options[key];
          return [key, Array.isArray(value) ? [...value].sort() : value];
        }),
    );
  return normalise(a) === normalise(b);
}

export function draftHasContent(draft: OrderDraft): boolean {
  return (
    draft.lines.length > 0 ||
    draft.contact !== null ||
    draft.paymentAddress !== null ||
    draft.coupon !== null ||
    draft.voucher !== null ||
    draft.currency !== null
  );
}
