/** Dialog ids, one per dialog class. */
export const DIALOG = {
  orderFlow: 'orderFlow',
  shopping: 'shopping',
  productSearch: 'productSearch',
  productResults: 'productResults',
  categoryBrowse: 'categoryBrowse',
  productOptions: 'productOptions',
  quantity: 'quantity',
  cart: 'cart',
  contact: 'contact',
  address: 'address',
  region: 'region',
  fields: 'fields',
  shippingAddress: 'shippingAddress',
  shippingMethod: 'shippingMethod',
  paymentMethod: 'paymentMethod',
  codes: 'codes',
  confirm: 'confirm',
  consent: 'consent',
  giftVoucher: 'giftVoucher',
} as const;
export type DialogId = (typeof DIALOG)[keyof typeof DIALOG];
