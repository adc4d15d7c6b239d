import type { OrderSummary } from '../domain/checkout-port';
import type { Address } from '../domain/draft';
import { matchCartLines } from './cart-card';
import type { CardItem, CardModel, Translate } from './model';

/** The parts of an order the customer can change from the summary. */
export const CHANGEABLE_SLOTS = ['cart', 'contact', 'paymentAddress', 'shippingAddress', 'shippingMethod', 'paymentMethod', 'codes'] as const;
export type ChangeableSlot = (typeof CHANGEABLE_SLOTS)[number];

export function addressText(a: Address): string {
  const region = [a.postcode, a.city].filter(Boolean).join(' ');
  return [`${a.firstname} ${a.lastname}`, a.company, a.address1, a.address2, region, a.zoneName, a.countryName]
    .filter(Boolean)
    .join(', ');
}

function changeButton(slot: ChangeableSlot, t: Translate) {
  return [{ title: t('summary.change'), action: { a: 'chg' as const, v: slot } }];
}

function section(title: string, text: string, slot: ChangeableSlot, t: Translate): CardItem {
  return { title, text, buttons: changeButton(slot, t) };
}

/**
 * One card with lines, addresses, chosen methods and OpenCart's totals; every part has a change button.
 * `orderKey` goes with "place order", so a press on the card of an earlier order is recognised as such.
 */
export function summaryCard(summary: OrderSummary, t: Translate, orderKey?: string): CardModel {
  const { draft, cart } = summary;
  const matched = matchCartLines(draft.lines, cart);
  const lines = draft.lines.map((l) => {
    const options = l.optionLabels.map((o) => `${o.name}: ${o.value}`).join(', ');
    const total = matched.get(l.lineId)?.total;
    return { label: `${l.quantity} × ${l.name}${options ? ` (${options})` : ''}`, value: total ?? '' };
  });
  const items: CardItem[] = [{ title: t('summary.products'), facts: lines, buttons: changeButton('cart', t) }];
  const c = draft.contact;
  if (c) items.push(section(t('summary.contact'), `${c.firstname} ${c.lastname}, ${c.email}, ${c.telephone}`, 'contact', t));
  if (draft.paymentAddress) items.push(section(t('summary.paymentAddress'), addressText(draft.paymentAddress), 'paymentAddress', t));
  if (summary.needsShipping) {
    const shipTo = draft.shippingSameAsPayment || !draft.shippingAddress ? t('summary.sameAsPayment') : addressText(draft.shippingAddress);
    items.push(section(t('summary.shippingAddress'), shipTo, 'shippingAddress', t));
    if (draft.shippingMethod) items.push(section(t('summary.shippingMethod'), methodText(draft.shippingMethod), 'shippingMethod', t));
  }
  if (draft.paymentMethod) items.push(section(t('summary.paymentMethod'), draft.paymentMethod.title, 'paymentMethod', t));
  const codes = [draft.coupon && t('summary.coupon', { code: draft.coupon }), draft.voucher && t('summary.voucher', { code: draft.voucher })];
  items.push(section(t('summary.codes'), codes.filter(Boolean).join(', ') || t('summary.noCodes'), 'codes', t));
  const totals = summary.totals.length ? summary.totals : cart.totals;
  items.push({ title: t('summary.totals'), facts: totals.map((x) => ({ label: x.title, value: x.text })) });
  return {
    title: t('summary.title'),
    items,
    buttons: [{ title: t('summary.placeOrder'), action: orderKey === undefined ? { a: 'place' } : { a: 'place', v: orderKey } }],
  };
}

function methodText(method: { title: string; text: string }): string {
  return method.text ? `${method.title} — ${method.text}` : method.title;
}
