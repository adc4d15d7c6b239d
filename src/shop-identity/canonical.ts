import { createHmac } from 'node:crypto';

/** The first line of the signed text: names the scheme and its version, so a later change cannot be confused with it. */
export const IDENTITY_SCHEME = 'opencart-order-bot/identity/v2';

/** Who the customer is, as the OpenCart extension signs it (names and email decoded from OpenCart's HTML escaping). */
export interface ShopCustomer {
  customerId: number;
  firstName: string;
  lastName: string;
  email: string;
  /** As the customer's account has it; '' when the store keeps none (OpenCart can make it optional). */
  telephone: string;
}

/**
 * The exact text both sides sign, UTF-8: the scheme, the customer id, first name, last name, email, telephone and
 * the timestamp (Unix seconds), joined by "\n". No field may hold a line break or other control character,
 * so the joined text reads back one way only.
 * PHP: implode("\n", [scheme, (string) $id, $first, $last, $email, $telephone, (string) $ts]).
 */
export function canonicalIdentityText(customer: ShopCustomer, timestampSeconds: number): string {
  return [
    IDENTITY_SCHEME,
    String(customer.customerId),
    customer.firstName,
    customer.lastName,
    customer.email,
    customer.telephone,
    String(timestampSeconds),
  ].join('\n');
}

/** HMAC-SHA256 of the canonical text, lowercase hex: what PHP's hash_hmac('sha256', $text, $secret) returns. */
export function signShopIdentity(customer: ShopCustomer, timestampSeconds: number, secret: string): string {
  return createHmac('sha256', secret)
    .update(canonicalIdentityText(customer, timestampSeconds), 'utf8')
    .digest('hex');
}
