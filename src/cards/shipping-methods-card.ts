import type { ShippingMethod } from '../opencart/api';
import type { CardModel, Translate } from './model';

/** Shipping methods: each quote's title and cost as a button. */
export function shippingMethodsCard(methods: ShippingMethod[], t: Translate): CardModel {
  return {
    title: t('shipping.title'),
    items: methods.map((m) => ({
      title: m.title,
      text: m.error ? t('shipping.methodUnavailable') : undefined,
      buttons: m.error ? [] : m.quotes.map((q) => ({ title: `${q.title} — ${q.text}`, action: { a: 'ship' as const, v: q.code } })),
    })),
  };
}
