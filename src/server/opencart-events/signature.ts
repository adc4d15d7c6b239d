import { createHmac, timingSafeEqual } from 'node:crypto';

/** The first line of the signed text, so that no other signed text of the extension reads as a notification. */
export const EVENT_SCHEME = 'opencart-order-bot/event/v1';
export const TIMESTAMP_HEADER = 'x-order-bot-timestamp';
export const SIGNATURE_HEADER = 'x-order-bot-signature';
/** Older (or further ahead) than this is refused. */
export const EVENT_MAX_SKEW_MS = 5 * 60 * 1000;

/** HMAC-SHA256 (lowercase hex) of "scheme\ntimestamp\nraw body", as PHP's hash_hmac('sha256', ...) gives it. */
export function signEvent(timestampSeconds: number, rawBody: Buffer | string, secret: string): string {
  return createHmac('sha256', secret)
    .update(`${EVENT_SCHEME}\n${timestampSeconds}\n`, 'utf8')
    .update(rawBody)
    .digest('hex');
}

export type EventRefusal = 'no-secret' | 'malformed' | 'bad-signature' | 'stale' | 'replayed';

/** Signatures seen within the freshness window, bounded (the oldest forgotten first): a replay is refused. */
export class ReplayCache {
  private readonly seen = new Map<string, number>();

  constructor(private readonly max = 10_000) {}

  /** False when the signature was seen and has not expired yet; otherwise remembers it. */
  remember(signature: string, expiresAt: number, now: number): boolean {
    for (const [sig, until] of this.seen) {
      if (until > now) break;
      this.seen.delete(sig);
    }
    const until = this.seen.get(signature);
    if (until !== undefined && until > now) return false;
    this.seen.set(signature, expiresAt);
    while (this.seen.size > this.max) this.seen.delete(this.seen.keys().next().value ?? '');
    return true;
  }
}

const TIMESTAMP = /^\d{1,11}$/;
const SIGNATURE = /^[0-9a-f]{64}$/;

/** Checks the signature (constant time), the freshness and that it was not seen before; never throws. */
export function verifyEvent(
  input: { timestamp: string | undefined; signature: string | undefined; body: Buffer },
  secret: string | undefined,
  nowMs: number,
  replays: ReplayCache,
): { ok: true; timestampSeconds: number } | { ok: false; code: EventRefusal } {
  if (!secret) return { ok: false, code: 'no-secret' };
  const { timestamp, signature, body } = input;
  if (!timestamp || !TIMESTAMP.test(timestamp) || !signature || !SIGNATURE.test(signature)) return { ok: false, code: 'malformed' };
  const ts = Number(timestamp);
  const expected = Buffer.from(signEvent(ts, body, secret), 'hex');
  if (!timingSafeEqual(expected, Buffer.from(signature, 'hex'))) return { ok: false, code: 'bad-signature' };
  if (Math.abs(ts * 1000 - nowMs) > EVENT_MAX_SKEW_MS) return { ok: false, code: 'stale' };
  if (!replays.remember(signature, ts * 1000 + EVENT_MAX_SKEW_MS, nowMs)) return { ok: false, code: 'replayed' };
  return { ok: true, timestampSeconds: ts };
}
