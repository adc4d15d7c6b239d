import { z } from 'zod';

/**
 * The bot's own record of what the customer chose: the source of truth. The OpenCart session is only a
 * projection of it and can be rebuilt from it at any time. Plain JSON, validated when loaded from state.
 */

export const draftLineSchema = z.object({
  /** Our own id for the line (stable across OpenCart session rebuilds, unlike OpenCart's cart_id). */
  lineId: z.string(),
  productId: z.number().int().positive(),
  name: z.string(),
  quantity: z.number().int().positive(),
  minimum: z.number().int().positive().default(1),
  /** As sent to OpenCart: option id => value id (select/radio), value ids (checkbox) or text. */
  options: z.record(z.string(), z.union([z.string(), z.array(z.string())])).default({}),
  /** For display: "Colour: Red". */
  optionLabels: z.array(z.object({ name: z.string(), value: z.string() })).default([]),
  thumb: z.string().nullable().default(null),
});
export type DraftLine = z.infer<typeof draftLineSchema>;

export const contactSchema = z.object({
  firstname: z.string(),
  lastname: z.string(),
  email: z.string(),
  telephone: z.string(),
});
export type Contact = z.infer<typeof contactSchema>;

export const addressSchema = z.object({
  firstname: z.string(),
  lastname: z.string(),
  company: z.string().default(''),
  address1: z.string(),
  address2: z.string().default(''),
  city: z.string(),
  postcode: z.string().default(''),
  countryId: z.number().int().positive(),
  /** As OpenCart has it: sent nowhere (OpenCart takes ids), shown where no ISO code is known. */
  countryName: z.string(),
  /** ISO 3166-1 alpha-2 ("DE"), for the country's name in the customer's language; absent in older states. */
  countryIso2: z.string().optional(),
  /** 0 for countries without regions: OpenCart accepts zone_id "0" (only an empty string is refused). */
  zoneId: z.number().int().min(0),
  zoneName: z.string(),
});
export type Address = z.infer<typeof addressSchema>;

export const chosenMethodSchema = z.object({ code: z.string(), title: z.string(), text: z.string().default('') });
export type ChosenMethod = z.infer<typeof chosenMethodSchema>;

/**
 * open: being filled in; placing: order/add was sent (a leftover 'placing' means its outcome was never seen);
 * placed: orderId is set; unconfirmed: order/add's answer was lost and OpenCart's cart was empty afterwards, so the
 * shop most likely has the order: never place it again, tell the customer the shop will confirm.
 */
export const draftStatusSchema = z.enum(['open', 'placing', 'placed', 'unconfirmed']);
export type DraftStatus = z.infer<typeof draftStatusSchema>;

export const orderDraftSchema = z.object({
  lines: z.array(draftLineSchema).default([]),
  contact: contactSchema.nullable().default(null),
  paymentAddress: addressSchema.nullable().default(null),
  /** null with shippingSameAsPayment=true means "ship to the payment address". */
  shippingAddress: addressSchema.nullable().default(null),
  shippingSameAsPayment: z.boolean().default(true),
  shippingMethod: chosenMethodSchema.nullable().default(null),
  paymentMethod: chosenMethodSchema.nullable().default(null),
  coupon: z.string().nullable().default(null),
  voucher: z.string().nullable().default(null),
  currency: z.string().nullable().default(null),
  comment: z.string().default(''),
  status: draftStatusSchema.default('open'),
  /** Set when the order was placed; a second "place order" answers with this id instead of ordering again. */
  orderId: z.number().int().nullable().default(null),
  /** Unique per placement attempt; lets a retry after an unclear outcome find out what happened. */
  placementId: z.string().nullable().default(null),
});
export type OrderDraft = z.infer<typeof orderDraftSchema>;

export function emptyDraft(): OrderDraft {
  return orderDraftSchema.parse({});
}

/** Loads a draft from stored state; a shape from an older deploy that no longer fits starts a fresh draft. */
export function loadDraft(stored: unknown): OrderDraft {
  const parsed = orderDraftSchema.safeParse(stored ?? {});
  return parsed.success ? parsed.data : emptyDraft();
}
