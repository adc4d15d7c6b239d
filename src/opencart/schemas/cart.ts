import { z } from 'zod';
import type { CartView } from '../api';
import { flag, numeric, optionalNumeric, text } from './common';

const cartOption = z.looseObject({
  product_option_id: numeric,
  product_option_value_id: optionalNumeric,
  name: text,
  value: text,
  type: z.string(),
});

const cartProduct = z.looseObject({
  cart_id: z.union([z.string(), z.number()]).transform(String),
  product_id: numeric,
  name: text,
  model: text,
  option: z.array(cartOption),
  quantity: numeric,
  stock: flag,
  shipping: flag,
  price: z.string(),
  total: z.string(),
  reward: numeric.optional(),
});

const cartVoucher = z.looseObject({
  code: z.union([z.string(), z.number()]).transform(String),
  description: text,
  price: z.string().optional(),
  amount: z.union([z.string(), z.number()]),
});

/** cart/products; `error` here holds warnings about a cart that is still returned. */
export const cartProductsAnswer = z
  .looseObject({
    products: z.array(cartProduct),
    vouchers: z.array(cartVoucher),
    totals: z.array(z.looseObject({ title: text, text: z.string() })),
    error: z
      .looseObject({ stock: text.optional(), minimum: z.array(text).optional() })
      .optional(),
  })
  .transform(
    (a): CartView => ({
      lines: a.products.map((p) => ({
        cartId: p.cart_id,
        productId: p.product_id,
        name: p.name,
        model: p.model,
        options: p.option.map((o) => ({
          productOptionId: o.product_option_id,
          productOptionValueId: o.product_option_value_id,
          name: o.name,
          value: o.value,
          type: o.type,
        })),
        quantity: p.quantity,
        inStock: p.stock,
        shipping: p.shipping,
        price: p.price,
        total: p.total,
        reward: p.reward ?? 0,
      })),
      vouchers: a.vouchers.map((v) => ({
        code: v.code,
        description: v.description,
        amount: v.price ?? String(v.amount),
      })),
      totals: a.totals.map((t) => ({ title: t.title, text: t.text })),
      ...(a.error?.stock !== undefined ? { stockWarning: a.error.stock } : {}),
      minimumWarnings: a.error?.minimum ?? [],
    }),
  );
