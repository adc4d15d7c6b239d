import type { TurnLogFields } from '../log';

/**
 * The OpenCart 3.0 API as the rest of the bot sees it. Framework-free: no botbuilder imports here.
 * Domain outcomes (OpenCart said "no") are returned as `Failure`; transport and protocol problems are thrown
 * (see errors.ts). Everything here is plain data that survives JSON.parse(JSON.stringify(x)).
 */

/** Why OpenCart refused a call. `message` is OpenCart's raw text: for logs only, never shown to customers. */
export type FailureCode =
  | 'PERMISSION' // bad/expired token, IP not allowed, API user disabled: all look the same
  | 'BAD_KEY' // login answered []
  | 'IP_NOT_ALLOWED' // login answered error.ip; `ip` holds the address OpenCart saw
  | 'OPTION_REQUIRED' // cart/add: error.option, `optionIds`
  | 'PRODUCT_UNAVAILABLE' // cart/add: error.store (unknown, disabled or not in this store)
  | 'FIELD_INVALID' // customer / addresses / voucher/add: `fields` names the bad fields
  | 'STOCK' // order/add or cart: products not in stock in the wanted quantity (also: empty cart)
  | 'MINIMUM' // order/add or cart: a product's minimum quantity not met
  | 'NOT_FOUND' // order/* unknown order id
  | 'CUSTOMER_REQUIRED'
  | 'PAYMENT_ADDRESS_REQUIRED'
  | 'SHIPPING_ADDRESS_REQUIRED'
  | 'PAYMENT_METHOD_REQUIRED' // code not in the last quote
  | 'SHIPPING_METHOD_REQUIRED' // code not in the last quote
  | 'METHODS_NOT_QUOTED' // "No ... options are available!": */method before */methods
  | 'NO_METHODS' // */methods answered with nothing to offer
  | 'INVALID_CODE' // coupon / voucher / reward refused
  | 'INVALID_CURRENCY'
  | 'EMPTY_ANSWER' // OpenCart answered [] (never success)
  | 'REJECTED'; // any other error text

export interface Failure {
  ok: false;
  code: FailureCode;
  /** OpenCart's own text, entity-decoded. Log it; map `code` to a translated message for customers. */
  message: string;
  optionIds?: number[];
  fields?: string[];
  ip?: string;
}

export type Outcome<T = undefined> = { ok: true; value: T } | Failure;

/** Options as OpenCart expects them: select/radio/text/... => string; checkbox => string[] (sent as option[id][]). */
export type OptionSelection = Record<string, string | string[]>;

export interface CartLineOption {
  productOptionId: number;
  productOptionValueId: number | null;
  name: string;
  value: string;
  type: string;
}

export interface CartLine {
  cartId: string; // key for cart/edit and cart/remove
  productId: number;
  name: string;
  model: string;
  options: CartLineOption[];
  quantity: number;
  inStock: boolean;
  shipping: boolean;
  price: string; // preformatted in the session currency, incl. tax
  total: string;
  reward: number;
}

export interface CartVoucherLine {
  code: string;
  description: string;
  amount: string;
}

export interface TotalLine {
  title: string;
  text: string;
}

export interface CartView {
  lines: CartLine[];
  vouchers: CartVoucherLine[];
  totals: TotalLine[];
  /** Problems cart/products reports without failing. */
  stockWarning?: string;
  minimumWarnings: string[];
}

export interface ShippingQuote {
  code: string; // e.g. flat.flat
  title: string;
  cost: number;
  text: string; // preformatted, incl. tax
}

export interface ShippingMethod {
  code: string; // e.g. flat
  title: string;
  quotes: ShippingQuote[];
  sortOrder: number;
  error: string | null;
}

export interface PaymentMethod {
  code: string;
  title: string;
  terms: string;
  sortOrder: number;
}

export interface CustomerInput {
  firstname: string;
  lastname: string;
  email: string;
  telephone: string;
  customer_group_id?: number;
  customer_id?: number;
}

export interface AddressInput {
  firstname: string;
  lastname: string;
  company?: string;
  address_1: string;
  address_2?: string;
  city: string;
  postcode?: string;
  country_id: number;
  zone_id: number;
}

export interface GiftVoucherInput {
  from_name: string;
  from_email: string;
  to_name: string;
  to_email: string;
  voucher_theme_id: number;
  message: string;
  amount: number;
}

export interface OrderAddInput {
  payment_method?: string;
  shipping_method?: string;
  comment?: string;
  order_status_id?: number;
  affiliate_id?: number;
}

export interface OrderAddOptions {
  /**
   * A unique reference of this placement, sent as part of the User-Agent header: OpenCart stores the header in the
   * order row (order/info's `user_agent`, see the corpus' 20/22/23), so a lost answer can be settled by looking.
   */
  reference?: string;
}

export interface OrderHistoryInput {
  order_status_id: number;
  comment?: string;
  notify?: boolean;
  override?: boolean;
}

/** order/info's header row; every value is a string as OpenCart sends it, kept whole in `raw`. */
export interface OrderInfo {
  orderId: number;
  firstname: string;
  lastname: string;
  email: string;
  telephone: string;
  paymentMethod: string;
  paymentCode: string;
  shippingMethod: string;
  shippingCode: string;
  paymentCountryId: number;
  paymentZoneId: number;
  shippingCountryId: number;
  shippingZoneId: number;
  total: string;
  orderStatusId: number;
  currencyCode: string;
  raw: Record<string, unknown>;
}

/** The serializable part of one OpenCart API session; lives in conversation state. */
export interface OpenCartSessionState {
  token: string | null;
  /** Always null now (no cookie is sent, see client.ts); older states may hold a tough-cookie jar, ignored. */
  cookies: unknown;
  loggedInAt: number | null;
  lastUsedAt: number | null;
}

/**
 * One OpenCart API session. Calls run strictly one after another. On PERMISSION the client logs in again,
 * awaits the `onRenewed` hook (which rebuilds the checkout state from the draft, through the same client),
 * then retries the failed call once.
 */
export interface OpenCartApi {
  /** The current state, to store in conversation state after the turn. */
  readonly state: OpenCartSessionState;

  login(): Promise<Outcome<{ token: string }>>;
  currency(code: string): Promise<Outcome>;

  cartAdd(input: { productId: number; quantity: number; options?: OptionSelection }): Promise<Outcome>;
  cartEdit(cartId: string, quantity: number): Promise<Outcome>;
  cartRemove(cartId: string): Promise<Outcome>;
  cartProducts(): Promise<Outcome<CartView>>;

  coupon(code: string): Promise<Outcome>;
  voucher(code: string): Promise<Outcome>;
  voucherAdd(input: GiftVoucherInput): Promise<Outcome>;

  customer(input: CustomerInput): Promise<Outcome>;
  paymentAddress(input: AddressInput): Promise<Outcome>;
  paymentMethods(): Promise<Outcome<PaymentMethod[]>>;
  paymentMethod(code: string): Promise<Outcome>;
  /** Answers EMPTY_ANSWER when nothing in the cart ships (OpenCart does nothing then). */
  shippingAddress(input: AddressInput): Promise<Outcome>;
  shippingMethods(): Promise<Outcome<ShippingMethod[]>>;
  shippingMethod(code: string): Promise<Outcome>;

  reward(points: number): Promise<Outcome>;
  rewardMaximum(): Promise<Outcome<{ maximum: number }>>;
  rewardAvailable(): Promise<Outcome<{ points: number | null }>>;

  orderAdd(input?: OrderAddInput, options?: OrderAddOptions): Promise<Outcome<{ orderId: number }>>;
  orderEdit(orderId: number, input?: OrderAddInput): Promise<Outcome>;
  orderDelete(orderId: number): Promise<Outcome>;
  orderInfo(orderId: number): Promise<Outcome<OrderInfo>>;
  orderHistory(orderId: number, input: OrderHistoryInput): Promise<Outcome>;
}

/** Where and how to reach the store; shared by every session. */
export interface OpenCartEndpoint {
  baseUrl: string; // e.g. http://127.0.0.1:8030/
  username: string;
  apiKey: string;
}

/** What a session is made with besides its state: the re-login hook, and the turn it serves. */
export interface SessionHooks {
  onRenewed?: (api: OpenCartApi) => Promise<void>;
  /** The turn the session serves, named on the client's log lines. */
  logFields?: TurnLogFields;
}

/** Makes a live client for one conversation from its stored state (or a fresh one). */
export type OpenCartSessionFactory = (state: OpenCartSessionState | null, hooks?: SessionHooks) => OpenCartApi;
