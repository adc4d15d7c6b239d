import type { Clock } from '../clock';
import type { DemoOrderRecord } from './handle';
import type { DemoCatalogData, DemoCurrency, DemoProduct } from './model';
import type { PhpArray } from './php';

/** An address as api/payment/address and api/shipping/address store it in the session. */
export interface SessionAddress {
  firstname: string;
  lastname: string;
  company: string;
  address_1: string;
  address_2: string;
  postcode: string;
  city: string;
  /** As posted ("223" or "RUS"); (int) cast where OpenCart casts it. */
  country_id: string;
  zone_id: string;
  country: string;
  iso_code_2: string;
  iso_code_3: string;
  address_format: string;
  zone: string;
  zone_code: string;
}

export interface SessionCustomer {
  customer_id: number;
  customer_group_id: number;
  firstname: string;
  lastname: string;
  email: string;
  telephone: string;
}

export interface ShippingQuote {
  code: string;
  title: string;
  cost: string | number;
  tax_class_id: string | number;
  text: string;
}

export interface ShippingMethodEntry {
  title: string;
  quote: Map<string, ShippingQuote>;
  sort_order: string;
  error: boolean;
}

export interface PaymentMethodEntry {
  code: string;
  title: string;
  terms: string;
  sort_order: string;
}

export interface GiftVoucherLine {
  code: string | number;
  description: string;
  from_name: string;
  from_email: string;
  to_name: string;
  to_email: string;
  voucher_theme_id: string;
  message: string;
  amount: number;
}

/** $_SESSION of one OpenCart session (what REPLACE INTO oc_session writes whole at the end of a request). */
export interface SessionData {
  api_id?: number;
  /** Set by a customer_id login; keeps the session logged in for good. */
  customer_id?: number;
  currency?: string;
  language?: string;
  customer?: SessionCustomer;
  payment_address?: SessionAddress;
  payment_methods?: Map<string, PaymentMethodEntry>;
  payment_method?: PaymentMethodEntry;
  shipping_address?: SessionAddress;
  shipping_methods?: Map<string, ShippingMethodEntry>;
  shipping_method?: ShippingQuote;
  coupon?: string;
  voucher?: string;
  reward?: number;
  vouchers?: Map<string, GiftVoucherLine>;
}

export interface SessionRow {
  data: SessionData;
  /** Epoch ms; the row is ignored once expired (PHP session.gc_maxlifetime). */
  expiresAt: number;
}

export interface ApiSessionRow {
  apiId: number;
  token: string;
  ip: string;
  lastUsedAt: number;
}

/** One oc_cart row. */
export interface CartRow {
  cartId: number;
  apiId: number;
  customerId: number;
  sessionId: string;
  productId: number;
  /** The option array as posted (after array_filter), in posted order. */
  option: PhpArray;
  /** json_encode($option): rows merge only when this matches exactly. */
  optionKey: string;
  quantity: number;
  addedAt: number;
}

export interface StoreConfig {
  config_stock_checkout: number;
  config_stock_display: number;
  config_stock_warning: number;
  config_error_display: number;
}

/** Everything the demo store keeps in its "database". */
export interface StoreState {
  catalog: DemoCatalogData;
  clock: Clock;
  apiKey: string;
  allowedIps: string[];
  baseUrl: string;
  /** session.gc_maxlifetime in ms (1440 s on Debian). */
  sessionLifetimeMs: number;
  config: StoreConfig;
  products: Map<number, DemoProduct>;
  apiUserEnabled: Map<string, boolean>;
  sessions: Map<string, SessionRow>;
  apiSessions: Map<string, ApiSessionRow>;
  cart: CartRow[];
  nextCartId: number;
  orders: DemoOrderRecord[];
  nextOrderId: number;
  couponHistory: { couponId: number; orderId: number; customerId: number; amount: number }[];
  voucherHistory: { voucherId: number; orderId: number; amount: number }[];
}

export function currencyByCode(state: StoreState, code: string | undefined): DemoCurrency {
  const found = state.catalog.currencies.find((c) => c.code === code);
  return found ?? state.catalog.currencies.find((c) => c.code === state.catalog.settings.currency)!;
}
