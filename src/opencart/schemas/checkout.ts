import { z } from 'zod';
import type { PaymentMethod, ShippingMethod } from '../api';
import { numeric, phpMap, text } from './common';

const paymentMethod = z.looseObject({
  code: z.string(),
  title: text,
  terms: z.string().optional(),
  sort_order: z.union([numeric, z.literal('')]).optional(),
});

/** payment/methods: a map keyed by code, ordered by sort_order; `[]` when empty. */
export const paymentMethodsAnswer = z
  .looseObject({ payment_methods: phpMap(paymentMethod) })
  .transform((a): PaymentMethod[] =>
    Object.values(a.payment_methods).map((m) => ({
      code: m.code,
      title: m.title,
      terms: m.terms ?? '',
      sortOrder: typeof m.sort_order === 'number' ? m.sort_order : 0,
    })),
  );

const shippingQuote = z.looseObject({
  code: z.string(),
  title: text,
  cost: z.union([numeric, z.literal('')]).transform((c) => (c === '' ? 0 : c)),
  text: z.string(),
});

const shippingMethod = z.looseObject({
  title: text,
  quote: phpMap(shippingQuote),
  sort_order: z.union([numeric, z.literal('')]).optional(),
  error: z.union([z.literal(false), z.string(), z.null()]).optional(),
});

/** shipping/methods: `{"shipping_methods":[]}` when nothing in the cart ships. */
export const shippingMethodsAnswer = z
  .looseObject({ shipping_methods: phpMap(shippingMethod) })
  .transform((a): ShippingMethod[] =>
    Object.entries(a.shipping_methods).map(([code, m]) => ({
      code,
      title: m.title,
      quotes: Object.values(m.quote).map((q) => ({ code: q.code, title: q.title, cost: q.cost, text: q.text })),
      sortOrder: typeof m.sort_order === 'number' ? m.sort_order : 0,
      error: typeof m.error === 'string' && m.error !== '' ? m.error : null,
    })),
  );

export const rewardMaximumAnswer = z
  .looseObject({ maximum: numeric })
  .transform((a) => ({ maximum: a.maximum }));

/** reward/available: `null` for guests, "500" for a logged-in customer. */
export const rewardAvailableAnswer = z
  .looseObject({ points: z.union([numeric, z.null()]) })
  .transform((a) => ({ points: a.points }));
