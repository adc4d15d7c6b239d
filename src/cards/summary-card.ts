import type { OrderSummary } from '../domain/checkout-port';
import type { Address } from '../domain/draft';
import { matchCartLines } from './cart-card';
import { countryDisplayName } from './country-name';
import type { CardItem, CardModel, Translate } from './model';

/** The parts of an order the customer can change from the summary. */
export const CHANGEABLE_SLOTS = ['cart', 'contact', 'paymentAddress', 'shippingAddress', 'shippingMethod', 'paymentMethod', 'codes'] as const;
export type ChangeableSlot = (typeof CHANGEABLE_SLOTS)[number];

/** One line; the country in the customer's language where its ISO code is known, the region as the store has it. */
export function addressText(a: Address, locale: string): string {
  const region = [a.postcode, a.city].filter(Boolean).join(' ');
  const country = countryDisplayName(a.countryIso2, a.countryName, locale);
  return [`${a.firstname} ${a.lastname}`, a.company, a.address1, a.address2, region, a.zoneName, country]
    .filter(Boolean)
    .join(', ');
}

function changeButton(section: string, slot: ChangeableSlot, t: Translate) {
  return [{ title: t('summary.change'), fullTitle: t('summary.changeSection', { section }), action: { a: 'chg' as const, v: slot } }];
}

function section(title: string, text: string, slot: ChangeableSlot, t: Translate): CardItem {
  return { title, text, buttons: changeButton(title, slot, t) };
}

/** A section whose default stands until the customer asks otherwise: its one button says what it does. */
function defaultSection(title: string, text: string, slot: ChangeableSlot, button: string): CardItem {
  return { title, text, buttons: [{ title: button, action: { a: 'chg', v: slot } }] };
}

export interface SummaryCardOptions {
  /** The customer's language, for country names. */
  locale: string;
  /** Goes with "place order", so a press on the card of an earlier order is recognised as such. */
  orderKey?: string;
}

/** One card with lines, addresses, chosen methods and OpenCart's totals; every part has a change button. */
export function summaryCard(summary: OrderSummary, t: Translate, { locale, orderKey }: SummaryCardOptions): CardModel {
  const { draft, cart } = summary;
  const matched = matchCartLines(draft.lines, cart);
  const lines = draft.lines.map((l) => {
    const options = l.optionLabels.map((o) => `${o.name}: ${o.value}`).join(', ');
    const total = matched.get(l.lineId)?.total;
    return { label: `${l.quantity} × ${l.name}${options ? ` (${options})` : ''}`, value: total ?? '' };
  });
  for (const voucher of draft.giftVouchers) lines.push({ label: t('voucher.lineTitle', { name: voucher.toName }), value: voucher.price });
  const items: CardItem[] = [{ title: t('summary.products'), facts: lines, buttons: changeButton(t('summary.products'), 'cart', t) }];
  const c = draft.contact;
  if (c) items.push(section(t('summary.contact'), `${c.firstname} ${c.lastname}, ${c.email}, ${c.telephone}`, 'contact', t));
  if (draft.paymentAddress) items.push(section(t('summary.paymentAddress'), addressText(draft.paymentAddress, locale), 'paymentAddress', t));
  if (summary.needsShipping) {
    const title = t('summary.shippingAddress');
    if (draft.shippingSameAsPayment || !draft.shippingAddress) {
      items.push(defaultSection(title, t('summary.sameAsPayment'), 'shippingAddress', t('summary.deliverElsewhere')));
    } else {
      items.push(section(title, addressText(draft.shippingAddress, locale), 'shippingAddress', t));
    }
    if (draft.shippingMethod) items.push(section(t('summary.shippingMethod'), methodText(draft.shippingMethod), 'shippingMethod', t));
  }
  if (draft.paymentMethod) items.push(section(t('summary.paymentMethod'), draft.paymentMethod.title, 'paymentMethod', t));
  const codes = [draft.coupon && t('summary.coupon', { code: draft.coupon }), draft.voucher && t('summary.voucher', { code: draft.voucher })];
  const codesText = codes.filter(Boolean).join(', ');
  if (codesText) items.push(section(t('summary.codes'), codesText, 'codes', t));
  else items.push(defaultSection(t('summary.codes'), t('summary.noCodes'), 'codes', t('summary.addCode')));
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
