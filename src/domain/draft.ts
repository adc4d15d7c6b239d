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
  /** The unit price with its options as the storefront printed it ("$123.20"), for the cart card; absent in older states. */
  price: z.string().optional(),
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

/** OpenCart's cart/products answer as the client returns it (CartView), kept while nothing it depends on changed. */
const cartViewSchema = z.object({
  lines: z.array(
    z.object({
      cartId: z.string(),
      productId: z.number(),
      name: z.string(),
      model: z.string(),
      options: z.array(
        z.object({
          productOptionId: z.number(),
          productOptionValueId: z.number().nullable(),
          name: z.string(),
          value: z.string(),
          type: z.string(),
        }),
      ),
      quantity: z.number(),
      inStock: z.boolean(),
      shipping: z.boolean(),
      price: z.string(),
      total: z.string(),
      reward: z.number(),
    }),
  ),
  vouchers: z.array(z.object({ code: z.string(), description: z.string(), amount: z.string() })),
  totals: z.array(z.object({ title: z.string(), text: z.string() })),
  stockWarning: z.string().optional(),
  minimumWarnings: z.array(z.string()),
});

const shippingQuotesSchema = z.array(
  z.object({
    code: z.string(),
    title: z.string(),
    quotes: z.array(z.object({ code: z.string(), title: z.string(), cost: z.number(), text: z.string() })),
    sortOrder: z.number(),
    error: z.string().nullable(),
  }),
);

const paymentQuotesSchema = z.array(
  z.object({ code: z.string(), title: z.string(), terms: z.string(), sortOrder: z.number() }),
);

/**
 * What the OpenCart session `token` holds of this draft, as far as the bot sent it there: the checkout sends only
 * what is missing and reads only what changed. Another token (a new login) means nothing is known.
 */
export const sessionSyncSchema = z.object({
  token: z.string().nullable().default(null),
  /** lineId => when its cart/add reached this session (OpenCart deletes a cart line 1 h after it was added). */
  addedAt: z.record(z.string(), z.number()).default({}),
  /** lineId => OpenCart's cart_id from the last cart/products, for cart/edit and cart/remove. */
  cartIds: z.record(z.string(), z.string()).default({}),
  /** productId => whether it ships, as cart/products last said (kept across sessions: it is the product's). */
  ships: z.record(z.string(), z.boolean()).default({}),
  /**
   * Whether these products together need shipping (`products`: their sorted ids), as a shipping/address answer said
   * when what each ships was not known yet: OpenCart validates that address only when something ships.
   */
  productsShip: z.object({ products: z.string(), ships: z.boolean() }).nullable().default(null),
  customer: z.boolean().default(false),
  /** The registered customer api/customer logged this session in as: OpenCart then keys the cart lines by them (corpus 11). */
  customerLogin: z.number().int().nullable().default(null),
  /** The reward points the session holds (api/reward); cart/edit and cart/remove drop them. */
  reward: z.number().int().nullable().default(null),
  paymentAddress: z.boolean().default(false),
  /** The draft's shipping target is the session's shipping address. */
  shippingAddress: z.boolean().default(false),
  currency: z.string().nullable().default(null),
  coupon: z.string().nullable().default(null),
  voucher: z.string().nullable().default(null),
  /** The last quotes, valid until OpenCart drops them (cart, address or currency changes). */
  shippingQuotes: shippingQuotesSchema.nullable().default(null),
  paymentQuotes: paymentQuotesSchema.nullable().default(null),
  /** The draft's shipping method is chosen in the session (the payment method goes inline with order/add). */
  shippingChosen: z.boolean().default(false),
  /** The last cart/products, valid until anything that changes lines or totals is sent. */
  cart: cartViewSchema.nullable().default(null),
  /** voucherId => the code OpenCart gave that gift voucher in this session (cart/remove's key). */
  giftVoucherCodes: z.record(z.string(), z.string()).default({}),
});
export type SessionSync = z.infer<typeof sessionSyncSchema>;

/** A gift voucher the customer buys (api/voucher/add), paid with the order; OpenCart sends it when the order is paid. */
export const giftVoucherSchema = z.object({
  /** Our own id (OpenCart gives each add a new random code, so a rebuilt session has another one). */
  voucherId: z.string(),
  fromName: z.string(),
  fromEmail: z.string(),
  toName: z.string(),
  toEmail: z.string(),
  message: z.string().default(''),
  /** In the session's currency when it was added, as the customer typed it. */
  amount: z.number().positive(),
  /** OpenCart's own words for it ("$25.00 Gift Certificate for Bob") and its price, for the cart. */
  description: z.string().default(''),
  price: z.string().default(''),
});
export type GiftVoucher = z.infer<typeof giftVoucherSchema>;

export const orderDraftSchema = z.object({
  lines: z.array(draftLineSchema).default([]),
  giftVouchers: z.array(giftVoucherSchema).default([]),
  contact: contactSchema.nullable().default(null),
  /** OpenCart's customer_id when a signed-in customer (a verified shop identity) orders: sent with api/customer. */
  customerId: z.number().int().positive().nullable().default(null),
  /** Reward points used on this order: null not asked yet, 0 none. */
  reward: z.number().int().min(0).nullable().default(null),
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
  /** Unique per placement attempt; sent as order/add's marker so a lost answer can be settled by looking. */
  placementId: z.string().nullable().default(null),
  /** The highest order id known before order/add was sent: a placed order has a higher one (the lookup starts here). */
  placementLookFrom: z.number().int().nullable().default(null),
  /** What the OpenCart session holds of this draft (not the customer's choices; rebuilt whenever unsure). */
  sync: sessionSyncSchema.default(() => sessionSyncSchema.parse({})),
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
