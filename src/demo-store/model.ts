/**
 * The demo store's seeded data: what a fresh OpenCart 3.0.5.1 install with demo data (plus the reference
 * store's settings from the contract corpus) holds. Plain JSON; ids, names and prices are OpenCart's.
 * Money amounts are numbers in the default currency (USD), EXCLUDING tax, as OpenCart stores them.
 */

export interface DemoLanguage {
  code: string; // en-gb
  name: string;
}

export interface DemoCurrency {
  code: string; // USD
  title: string;
  symbolLeft: string;
  symbolRight: string;
  decimalPlace: number;
  /** Rate against the default currency (USD = 1). */
  value: number;
}

export interface DemoCategory {
  categoryId: number;
  parentId: number; // 0 for top level
  name: string;
  /** Shown in the storefront's top menu. */
  top: boolean;
  sortOrder: number;
  /** SEO keyword, e.g. "desktops". */
  keyword: string | null;
}

export type DemoOptionType =
  | 'select'
  | 'radio'
  | 'checkbox'
  | 'image'
  | 'text'
  | 'textarea'
  | 'date'
  | 'time'
  | 'datetime'
  | 'file';

export interface DemoOptionValue {
  productOptionValueId: number;
  optionValueId: number;
  name: string;
  /** Delta excl. tax, always >= 0; `pricePrefix` says whether it adds or subtracts. */
  price: number;
  pricePrefix: '+' | '-';
  points: number;
  pointsPrefix: '+' | '-';
  weight: number;
  weightPrefix: '+' | '-';
  quantity: number;
  subtract: boolean;
}

export interface DemoProductOption {
  productOptionId: number;
  optionId: number;
  name: string;
  type: DemoOptionType;
  required: boolean;
  /** Prefilled value of text/textarea/date/time/datetime inputs ("" when none). */
  value: string;
  values: DemoOptionValue[]; // empty for free-text and file options
  sortOrder: number;
}

export interface DemoSpecial {
  customerGroupId: number;
  price: number; // excl. tax
  priority: number;
}

export interface DemoDiscount {
  customerGroupId: number;
  quantity: number;
  price: number; // excl. tax
}

export interface DemoProduct {
  productId: number;
  name: string;
  model: string;
  /** Plain-text description (the storefront shows HTML; we keep text). */
  description: string;
  tag: string;
  price: number; // excl. tax
  specials: DemoSpecial[];
  discounts: DemoDiscount[];
  taxClassId: number; // 9 Taxable Goods, 0 none
  quantity: number;
  minimum: number;
  subtract: boolean;
  /** Needs shipping (OpenCart's `shipping` flag). */
  shipping: boolean;
  /** Reward points earned when bought ("Reward Points: N"). */
  reward: number;
  /** Price in reward points ("Price in reward points: N"); 0 when it cannot be bought with points. */
  points: number;
  /** Text shown when quantity <= 0 ("Pre-Order", "Out Of Stock", "2-3 Days", "In Stock"). */
  stockStatus: string;
  /** Image paths relative to the store's image/ folder; first is the main image. */
  images: string[];
  categoryIds: number[];
  manufacturer: string | null;
  manufacturerId: number | null;
  status: boolean;
  /** SEO keyword, e.g. "iphone". */
  keyword: string | null;
  weight: number;
  sortOrder: number;
  options: DemoProductOption[];
}

export interface DemoZone {
  zoneId: number;
  name: string;
  code: string;
}

export interface DemoCountry {
  countryId: number;
  name: string;
  /** "" where the seed does not know the code. */
  isoCode2: string;
  isoCode3: string;
  postcodeRequired: boolean;
  addressFormat: string;
  zones: DemoZone[];
}

export interface DemoGeoZone {
  geoZoneId: number;
  name: string;
  /** zoneId 0 = every zone of the country. */
  members: { countryId: number; zoneId: number }[];
}

export interface DemoTaxRate {
  taxRateId: number;
  geoZoneId: number;
  name: string;
  rate: number;
  type: 'P' | 'F'; // percentage or fixed amount
}

export interface DemoTaxRule {
  taxClassId: number;
  taxRateId: number;
  based: 'shipping' | 'payment' | 'store';
  priority: number;
}

export interface DemoShippingMethod {
  code: 'flat' | 'free' | 'pickup';
  title: string;
  sortOrder: number;
  /** Flat: cost; free: minimum sub-total; pickup: unused. */
  cost: number;
  taxClassId: number;
  geoZoneId: number; // 0 = all zones
}

export interface DemoPaymentMethod {
  code: 'free_checkout' | 'bank_transfer' | 'cod';
  title: string;
  sortOrder: number;
  terms: string;
  orderStatusId: number;
}

export interface DemoCoupon {
  couponId: number;
  code: string;
  name: string;
  type: 'P' | 'F';
  discount: number;
  /** Minimum sub-total. */
  total: number;
  shipping: boolean; // free shipping
  logged: boolean;
  dateStart: string; // YYYY-MM-DD
  dateEnd: string;
  usesTotal: number;
  usesCustomer: number;
  status: boolean;
  productIds: number[];
}

export interface DemoVoucher {
  voucherId: number;
  code: string;
  fromName: string;
  toName: string;
  amount: number;
  status: boolean;
}

export interface DemoVoucherTheme {
  voucherThemeId: number;
  name: string;
}

export interface DemoCustomerGroup {
  customerGroupId: number;
  name: string;
  /** In config_customer_group_display (selectable by customers and the API). */
  displayed: boolean;
}

export interface DemoCustomer {
  customerId: number;
  customerGroupId: number;
  firstname: string;
  lastname: string;
  email: string;
  telephone: string;
  status: boolean;
  rewardPoints: number;
}

export interface DemoApiUser {
  apiId: number;
  username: string;
  /** null: the store's configured key (DemoStoreOptions.apiKey) is used. */
  key: string | null;
  status: boolean;
}

export interface DemoOrderStatus {
  orderStatusId: number;
  name: string;
}

export interface DemoStoreSettings {
  name: string;
  owner: string;
  address: string;
  email: string;
  telephone: string;
  /** config_fax, config_open and config_comment: shown on the contact page when set. */
  fax?: string;
  open?: string;
  comment?: string;
  countryId: number;
  zoneId: number;
  language: string;
  currency: string;
  customerGroupId: number;
  /** Prices in the storefront include tax. */
  taxDisplay: boolean;
  taxDefault: 'shipping' | 'payment';
  orderStatusId: number;
  stockCheckout: boolean;
  stockDisplay: boolean;
  stockWarning: boolean;
  errorDisplay: boolean;
  /** Products per listing page. */
  productLimit: number;
  /** Characters of the description shown in listings. */
  descriptionLength: number;
}

export interface DemoCatalogData {
  settings: DemoStoreSettings;
  languages: DemoLanguage[];
  currencies: DemoCurrency[];
  categories: DemoCategory[];
  products: DemoProduct[];
  countries: DemoCountry[];
  geoZones: DemoGeoZone[];
  taxRates: DemoTaxRate[];
  taxRules: DemoTaxRule[];
  shippingMethods: DemoShippingMethod[];
  paymentMethods: DemoPaymentMethod[];
  coupons: DemoCoupon[];
  vouchers: DemoVoucher[];
  voucherThemes: DemoVoucherTheme[];
  customerGroups: DemoCustomerGroup[];
  customers: DemoCustomer[];
  apiUsers: DemoApiUser[];
  orderStatuses: DemoOrderStatus[];
}
