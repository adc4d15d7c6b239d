import { timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { signShopIdentity, type ShopCustomer } from './canonical';

/**
 * OpenCart keeps names and telephones in 32 and emails in 96 characters; counted here in UTF-16 units, so twice that.
 * customer_id is an int(11).
 */
export const IDENTITY_LIMITS = { name: 64, email: 192, telephone: 64, maxCustomerId: 2_147_483_647 } as const;
/** How far the signature's time may be from ours, either way: clocks drift, and a page is read a while after it was made. */
export const IDENTITY_MAX_SKEW_MS = 5 * 60 * 1000;

/** A line break would make the canonical text ambiguous; other control characters have no place in a name. */
const NO_CONTROL_CHARACTERS = /^[^\u0000-\u001f\u007f]*$/;

const nameField = z.string().min(1).max(IDENTITY_LIMITS.name).regex(NO_CONTROL_CHARACTERS);

/** The signed identity as the widget passes it on (in the webchat/join event's `customer`). */
export const signedIdentitySchema = z.strictObject({
  v: z.literal(2),
  customerId: z.number().int().min(1).max(IDENTITY_LIMITS.maxCustomerId),
  firstName: nameField,
  lastName: nameField,
  email: z.string().min(3).max(IDENTITY_LIMITS.email).regex(/^[^\s@]+@[^\s@]+$/),
  /** '' when the account has none: the bot then asks for it. */
  telephone: z.string().max(IDENTITY_LIMITS.telephone).regex(NO_CONTROL_CHARACTERS),
  /** Unix seconds when the page was made. */
  ts: z.number().int().min(0).max(1e11),
  /** HMAC-SHA256, lowercase hex. */
  sig: z.string().regex(/^[0-9a-f]{64}$/),
});

export type SignedShopIdentity = z.infer<typeof signedIdentitySchema>;

export type IdentityRefusal = 'no-secret' | 'malformed' | 'bad-signature' | 'stale' | 'future';

export type IdentityCheck = { ok: true; customer: ShopCustomer } | { ok: false; code: IdentityRefusal };

/** An object with more keys than this is refused before it is looked at. */
const MAX_KEYS = 8;

/**
 * Accepts only a well-formed identity whose signature matches under `secret` (compared in constant time)
 * and whose time is within ±5 minutes of `nowMs`. Never throws; the refusal says why, for the log.
 */
export function verifyShopIdentity(payload: unknown, secret: string | undefined, nowMs: number): IdentityCheck {
  if (!secret) return { ok: false, code: 'no-secret' };
  if (!isSmallEnough(payload)) return { ok: false, code: 'malformed' };
  const parsed = signedIdentitySchema.safeParse(payload);
  if (!parsed.success) return { ok: false, code: 'malformed' };
  const { sig, ts, v: _version, ...customer } = parsed.data;
  const expected = Buffer.from(signShopIdentity(customer, ts, secret), 'hex');
  if (!timingSafeEqual(expected, Buffer.from(sig, 'hex'))) return { ok: false, code: 'bad-signature' };
  const skew = ts * 1000 - nowMs;
  if (skew < -IDENTITY_MAX_SKEW_MS) return { ok: false, code: 'stale' };
  if (skew > IDENTITY_MAX_SKEW_MS) return { ok: false, code: 'future' };
  return { ok: true, customer };
}

function isSmallEnough(payload: unknown): boolean {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return false;
  return Object.keys(payload).length <= MAX_KEYS;
}
