import { z } from 'zod';
import type { OrderInfo } from '../api';
import { numeric, text } from './common';

export const orderAddAnswer = z
  .looseObject({ success: z.string(), order_id: numeric })
  .transform((a) => ({ orderId: a.order_id }));

const idOrZero = z
  .union([numeric, z.literal(''), z.null()])
  .transform((v) => (typeof v === 'number' ? v : 0));
const str = z.union([z.string(), z.number(), z.null()]).transform((v) => (v === null ? '' : decodeIfString(v)));

function decodeIfString(v: string | number): string {
  return typeof v === 'string' ? text.parse(v) : String(v);
}

const orderHeader = z.looseObject({
  order_id: numeric,
  firstname: str,
  lastname: str,
  email: str,
  telephone: str,
  payment_method: str,
  payment_code: str,
  shipping_method: str,
  shipping_code: str,
  payment_country_id: idOrZero,
  payment_zone_id: idOrZero,
  shipping_country_id: idOrZero,
  shipping_zone_id: idOrZero,
  total: str,
  order_status_id: idOrZero,
  currency_code: str,
});

/** order/info: the order header row, every value a string; `raw` keeps the row as sent. */
export const orderInfoAnswer = z
  .looseObject({ order: z.record(z.string(), z.unknown()) })
  .transform((a, ctx): OrderInfo => {
    const parsed = orderHeader.safeParse(a.order);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: ['order', ...issue.path.map(String)] });
      return z.NEVER;
    }
    const o = parsed.data;
    return {
      orderId: o.order_id,
      firstname: o.firstname,
      lastname: o.lastname,
      email: o.email,
      telephone: o.telephone,
      paymentMethod: o.payment_method,
      paymentCode: o.payment_code,
      shippingMethod: o.shipping_method,
      shippingCode: o.shipping_code,
      paymentCountryId: o.payment_country_id,
      paymentZoneId: o.payment_zone_id,
      shippingCountryId: o.shipping_country_id,
      shippingZoneId: o.shipping_zone_id,
      total: o.total,
      orderStatusId: o.order_status_id,
      currencyCode: o.currency_code,
      raw: a.order,
    };
  });
