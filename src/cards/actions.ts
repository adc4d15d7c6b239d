import { z } from 'zod';

/**
 * What a card button asks for. Adaptive Cards submit `{ oc: { a, v } }` as activity.value; Telegram gets the
 * same action as the short string `oc:<a>:<v>` (callback_data ≤ 64 bytes), which arrives as text.
 */
export const CARD_ACTION_NAMES = [
  'pick', // choose a product: v = productId
  'more', // next page of results
  'cats', // browse top categories
  'cat', // open a category: v = path
  'opt', // option value: v = productOptionValueId
  'num', // a number (quantity shortcuts): v = the number
  'skip', // skip an optional question
  'done', // finish a multi-select (checkbox option)
  'qty', // change a cart line's quantity: v = lineId
  'rm', // remove a cart line: v = lineId
  'add', // add something else
  'cart', // show the cart
  'checkout', // go to checkout
  'ship', // shipping quote: v = quote code
  'pay', // payment method: v = code
  'place', // place the order
  'chg', // change a field from the summary: v = slot
  'yes',
  'no',
  'same', // ship to the payment address
  'lang', // language: v = en | ru | de
  'pickc', // one of several candidates (country, zone): v = id
  'form', // a form sent (its inputs are in activity.value beside oc): v = which form
  'after', // after the order: v = cancel:<orderId> | status:<orderId> | contact
] as const;
export type CardActionName = (typeof CARD_ACTION_NAMES)[number];

export const cardActionSchema = z.object({
  a: z.enum(CARD_ACTION_NAMES),
  v: z.string().max(56).optional(),
});
export type CardAction = z.infer<typeof cardActionSchema>;

const submitSchema = z.object({ oc: cardActionSchema });
const TEXT_PREFIX = 'oc:';
export const MAX_CALLBACK_BYTES = 64;

/** The string form for Telegram buttons and suggested actions. */
export function encodeAction(action: CardAction): string {
  const encoded = `${TEXT_PREFIX}${action.a}${action.v !== undefined ? `:${action.v}` : ''}`;
  if (Buffer.byteLength(encoded, 'utf8') > MAX_CALLBACK_BYTES) throw new RangeError(`card action too long: ${encoded}`);
  return encoded;
}

/** The Adaptive Card Action.Submit data form. */
export function submitData(action: CardAction): { oc: CardAction } {
  encodeAction(action); // same length limit everywhere
  return { oc: action };
}

export type DecodedAction = { kind: 'none' } | { kind: 'action'; action: CardAction } | { kind: 'invalid' };

/** Reads a button press from an activity's value or text; anything that looks like one but isn't valid is 'invalid'. */
export function decodeAction(activity: { value?: unknown; text?: string }): DecodedAction {
  if (activity.value !== undefined && activity.value !== null) {
    const parsed = submitSchema.safeParse(activity.value);
    return parsed.success ? { kind: 'action', action: parsed.data.oc } : { kind: 'invalid' };
  }
  const text = activity.text?.trim();
  if (!text || !text.startsWith(TEXT_PREFIX)) return { kind: 'none' };
  const [, a, ...rest] = text.split(':');
  const parsed = cardActionSchema.safeParse(rest.length ? { a, v: rest.join(':') } : { a });
  return parsed.success ? { kind: 'action', action: parsed.data } : { kind: 'invalid' };
}
