import type { AddressInput, CustomerInput, GiftVoucherInput, OptionSelection, OrderAddInput, OrderHistoryInput } from './api';

/** Form fields in the order they are sent; PHP reads `a[b][]` pairs into nested arrays. */
export type FormPairs = [string, string][];

export function encodeForm(pairs: FormPairs): string {
  return new URLSearchParams(pairs).toString();
}

/** `option[<id>]=v` for one value, `option[<id>][]=v` repeated for checkbox arrays. */
export function optionPairs(options: OptionSelection = {}): FormPairs {
  return Object.entries(options).flatMap(([id, value]): FormPairs =>
    Array.isArray(value) ? value.map((v): [string, string] => [`option[${id}][]`, v]) : [[`option[${id}]`, value]],
  );
}

export function cartAddForm(input: { productId: number; quantity: number; options?: OptionSelection }): FormPairs {
  return [['product_id', String(input.productId)], ['quantity', String(input.quantity)], ...optionPairs(input.options)];
}

export function customerForm(input: CustomerInput): FormPairs {
  const pairs: FormPairs = [
    ['firstname', input.firstname],
    ['lastname', input.lastname],
    ['email', input.email],
    ['telephone', input.telephone],
  ];
  if (input.customer_group_id !== undefined) pairs.push(['customer_group_id', String(input.customer_group_id)]);
  if (input.customer_id !== undefined) pairs.push(['customer_id', String(input.customer_id)]);
  return pairs;
}

/** Every field the address routes read, empty when unused, so PHP prints no "undefined key" warnings. */
export function addressForm(input: AddressInput): FormPairs {
  return [
    ['firstname', input.firstname],
    ['lastname', input.lastname],
    ['company', input.company ?? ''],
    ['address_1', input.address_1],
    ['address_2', input.address_2 ?? ''],
    ['city', input.city],
    ['postcode', input.postcode ?? ''],
    ['country_id', String(input.country_id)],
    ['zone_id', String(input.zone_id)],
  ];
}

export function voucherAddForm(input: GiftVoucherInput): FormPairs {
  return [
    ['from_name', input.from_name],
    ['from_email', input.from_email],
    ['to_name', input.to_name],
    ['to_email', input.to_email],
    ['voucher_theme_id', String(input.voucher_theme_id)],
    ['message', input.message],
    ['amount', String(input.amount)],
  ];
}

export function orderForm(input: OrderAddInput = {}): FormPairs {
  const pairs: FormPairs = [];
  if (input.payment_method !== undefined) pairs.push(['payment_method', input.payment_method]);
  if (input.shipping_method !== undefined) pairs.push(['shipping_method', input.shipping_method]);
  pairs.push(['comment', input.comment ?? '']);
  if (input.order_status_id !== undefined) pairs.push(['order_status_id', String(input.order_status_id)]);
  if (input.affiliate_id !== undefined) pairs.push(['affiliate_id', String(input.affiliate_id)]);
  return pairs;
}

export function orderHistoryForm(input: OrderHistoryInput): FormPairs {
  return [
    ['order_status_id', String(input.order_status_id)],
    ['comment', input.comment ?? ''],
    ['notify', input.notify ? '1' : '0'],
    ['override', input.override ? '1' : '0'],
  ];
}
