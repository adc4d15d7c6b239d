import type { Clock } from '../clock';

/** Options for starting the embedded demo store (an OpenCart 3.0.5.1 look-alike). */
export interface DemoStoreOptions {
  /** 0 (default) picks a free port on 127.0.0.1. */
  port?: number;
  host?: string;
  clock?: Clock;
  /** API key of user "Default"; a fixed demo key when omitted. */
  apiKey?: string;
  /** IPs allowed for the API user; default 127.0.0.1 and ::1 (and ::ffff:127.0.0.1). */
  allowedIps?: string[];
  /** PHP session.gc_maxlifetime: session data dies after this much idle time (default 1440 s, Debian). */
  sessionLifetimeSeconds?: number;
  /** Seeded data to serve instead of the reference store's (deep-copied at start). */
  catalog?: import('./model').DemoCatalogData;
}

/** Test hooks: what the corpus did with SQL between requests, done in memory. */
export interface DemoStoreHooks {
  setStock(productId: number, quantity: number): void;
  setOptionStock(productOptionValueId: number, quantity: number): void;
  setApiUserEnabled(username: string, enabled: boolean): void;
  /** Ends every API session now, as the 1 h idle expiry would. */
  expireAllSessions(): void;
  /** Orders placed so far, newest last, as order/info would store them plus their products and totals. */
  orders(): DemoOrderRecord[];
  /** The oc_upload row of a tool/upload code (what the admin's order page links a file option's value to). */
  upload(code: string): { code: string; name: string; size: number } | undefined;
  setConfig(
    key: 'config_stock_checkout' | 'config_stock_display' | 'config_stock_warning' | 'config_error_display',
    value: number,
  ): void;
  /** Enables or disables a product (oc_product.status). */
  setProductStatus(productId: number, enabled: boolean): void;
  /** Makes cart lines older by ms (oc_cart.date_added), all lines or one product's; for the 1 h line expiry. */
  ageCartLines(ms: number, productId?: number): void;
  /** Expires the session DATA of one token (oc_session.expire in the past) while its API session stays fresh. */
  expireSessionData(token: string): void;
  /** Makes one token's API session look idle for ms (oc_api_session.date_modified in the past). */
  idleApiSession(token: string, ms: number): void;
  /** Makes the next N API calls fail at the transport level (connection reset) — for fault tests. */
  failNextRequests(count: number): void;
  /**
   * The next `count` (default 1) calls of an API route (e.g. 'api/order/add') are handled in full, then their
   * connection is destroyed before any answer: the store took the order, the client never hears it. The `thenFail`
   * API calls after each dropped one fail as failNextRequests makes them (the follow-up cart check, say).
   */
  dropAnswersOf(route: string, count?: number, thenFail?: number): void;
  /** API calls received per route ('api/cart/add': 3), failed and dropped ones included, since the last reset. */
  callCounts(): Record<string, number>;
  resetCallCounts(): void;
  /** Delays every API answer by ms (0 to stop). */
  setLatency(ms: number): void;
}

export interface DemoOrderProduct {
  productId: number;
  name: string;
  quantity: number;
  options: { productOptionId: number; productOptionValueId: number | null; name: string; value: string }[];
  price: number;
  total: number;
}

export interface DemoOrderRecord {
  orderId: number;
  info: Record<string, string>; // order/info's header row, strings as OpenCart stores them
  products: DemoOrderProduct[];
  totals: { code: string; title: string; value: number }[];
  /** oc_order_voucher: the gift vouchers bought with the order (api/voucher/add), amounts in the default currency. */
  vouchers?: { description: string; fromName: string; fromEmail: string; toName: string; toEmail: string; message: string; amount: number }[];
  comment: string;
  /** oc_order_history: one entry per addOrderHistory (order/add, order/edit, order/history), oldest first. */
  history: { orderStatusId: number; comment: string; notify: boolean; dateAdded: string }[];
}

export interface DemoStoreHandle {
  /** Base URL with trailing slash, e.g. http://127.0.0.1:38451/ */
  url: string;
  username: string;
  apiKey: string;
  hooks: DemoStoreHooks;
  close(): Promise<void>;
}
