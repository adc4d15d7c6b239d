import { cartProducts, hasShipping, hasStock, type CartProduct } from '../cart';
import type { DemoOrderRecord } from '../handle';
import { decimal4, float8 } from '../money';
import { htmlEscape, phpEmpty, phpInt, type JsonOut } from '../php';
import type { SessionAddress } from '../state';
import { computeTotals } from '../totals';
import { STOCK_TEXT } from './cart-routes';
import { hasApiAccess, permissionString, postString, type ApiContext } from './context';
import { findQuotedShipping } from './method-routes';

const NOT_FOUND = 'Warning: Order could not be found!';
const SUCCESS = 'Success: You have modified orders!';
const CURRENCY_IDS: Record<string, number> = { GBP: 1, USD: 2, EUR: 3 };

/** The preconditions of order/add and order/edit, each overwriting the one error; posted methods applied on the way. */
export function orderPrecondition(ctx: ApiContext): { error: string | null; products: CartProduct[] } {
  let error: string | null = null;
  const s = ctx.session;
  if (!s.customer) error = 'Warning: Customer details needs to be set!';
  if (!s.payment_address) error = 'Warning: Payment address required!';
  const postedPayment = ctx.post.get('payment_method');
  if (!error && !phpEmpty(postedPayment)) {
    const code = typeof postedPayment === 'string' ? postedPayment : '';
    if (!s.payment_methods || s.payment_methods.size === 0) error = 'Warning: No Payment options are available!';
    else if (!s.payment_methods.has(code)) error = 'Warning: Payment method required!';
    if (!error) s.payment_method = s.payment_methods!.get(code)!;
  }
  if (!s.payment_method) error = 'Warning: Payment method required!';
  let products = cartProducts(ctx);
  if (hasShipping(products)) {
    if (!s.shipping_address) error = 'Warning: Shipping address required!';
    const postedShipping = ctx.post.get('shipping_method');
    if (!error && !phpEmpty(postedShipping)) {
      const quote = typeof postedShipping === 'string' ? findQuotedShipping(ctx, postedShipping) : null;
      if (!s.shipping_methods || s.shipping_methods.size === 0) error = 'Warning: No Shipping options are available!';
      else if (!quote) error = 'Warning: Shipping method required!';
      if (!error && quote) s.shipping_method = quote;
    }
    if (!s.shipping_method) error = 'Warning: Shipping method required!';
  } else {
    delete s.shipping_address;
    delete s.shipping_method;
    delete s.shipping_methods;
  }
  products = cartProducts(ctx);
  const noVouchers = !s.vouchers || s.vouchers.size === 0;
  if ((products.length === 0 && noVouchers) || (!hasStock(products) && !ctx.state.config.config_stock_checkout)) error = `Warning: ${STOCK_TEXT}`;
  for (const p of products) {
    const productTotal = products.filter((q) => q.productId === p.productId).reduce((n, q) => n + q.quantity, 0);
    if (p.minimum > productTotal) {
      error = `Warning: Minimum order amount for ${p.name} is ${p.minimum}!`;
      break;
    }
  }
  return { error, products };
}

function addressFields(prefix: string, a: SessionAddress | undefined): Record<string, string> {
  const countryId = a ? phpInt(a.country_id) : 0;
  const zoneId = a ? phpInt(a.zone_id) : 0;
  return {
    [`${prefix}_firstname`]: a?.firstname ?? '', [`${prefix}_lastname`]: a?.lastname ?? '', [`${prefix}_company`]: a?.company ?? '',
    [`${prefix}_address_1`]: a?.address_1 ?? '', [`${prefix}_address_2`]: a?.address_2 ?? '', [`${prefix}_postcode`]: a?.postcode ?? '',
    [`${prefix}_city`]: a?.city ?? '', [`${prefix}_zone_id`]: String(zoneId), [`${prefix}_zone`]: a?.zone ?? '',
    [`${prefix}_zone_code`]: a?.zone_code ?? '', [`${prefix}_country_id`]: String(countryId), [`${prefix}_country`]: a?.country ?? '',
    [`${prefix}_iso_code_2`]: a?.iso_code_2 ?? '', [`${prefix}_iso_code_3`]: a?.iso_code_3 ?? '',
    [`${prefix}_address_format`]: a?.address_format ?? '', [`${prefix}_custom_field`]: '',
  };
}

const mysqlDate = (ms: number): string => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');

/** Builds the stored order from the current session, as model_checkout_order->addOrder does. */
function buildOrder(ctx: ApiContext, orderId: number, products: CartProduct[], dateAdded: string): DemoOrderRecord {
  const s = ctx.session;
  const totals = computeTotals(ctx, products);
  const settings = ctx.state.catalog.settings;
  const statusId = ctx.post.has('order_status_id') ? phpInt(ctx.post.get('order_status_id')) : settings.orderStatusId;
  const status = ctx.state.catalog.orderStatuses.find((o) => o.orderStatusId === statusId)?.name ?? '';
  const shipping = hasShipping(products);
  const currency = ctx.currency;
  const info: Record<string, string> = {
    order_id: String(orderId), invoice_no: '0', invoice_prefix: `INV-${new Date(ctx.now).getUTCFullYear()}-00`, store_id: '0',
    store_name: settings.name, store_url: ctx.state.baseUrl, customer_id: String(ctx.customerId || s.customer?.customer_id || 0),
    firstname: s.customer?.firstname ?? '', lastname: s.customer?.lastname ?? '', email: s.customer?.email ?? '',
    telephone: s.customer?.telephone ?? '', custom_field: '',
    ...addressFields('payment', s.payment_address),
    payment_method: s.payment_method?.title ?? '', payment_code: s.payment_method?.code ?? '',
    ...addressFields('shipping', shipping ? s.shipping_address : undefined),
    shipping_method: shipping ? s.shipping_method?.title ?? '' : '', shipping_code: shipping ? s.shipping_method?.code ?? '' : '',
    comment: postString(ctx, 'comment') ?? '', total: decimal4(totals.lines.find((l) => l.code === 'total')?.value ?? 0),
    order_status_id: String(statusId), order_status: status, affiliate_id: String(phpInt(ctx.post.get('affiliate_id'))),
    commission: '0.0000', language_id: '1', language_code: settings.language, currency_id: String(CURRENCY_IDS[currency.code] ?? 0),
    currency_code: currency.code, currency_value: float8(currency.value), ip: ctx.ip, forwarded_ip: '', user_agent: htmlEscape(ctx.userAgent),
    accept_language: htmlEscape(ctx.acceptLanguage), date_added: dateAdded, date_modified: mysqlDate(ctx.now),
  };
  return {
    orderId, info, comment: info.comment ?? '',
    products: products.map((p) => ({
      productId: p.productId, name: p.name, quantity: p.quantity, price: p.price, total: p.total,
      options: p.options.map((o) => ({
        productOptionId: Number(o.product_option_id), productOptionValueId: o.product_option_value_id === '' ? null : Number(o.product_option_value_id),
        name: o.name, value: o.value,
      })),
    })),
    totals: totals.lines.map((l) => ({ code: l.code, title: l.title, value: l.value })),
    vouchers: [...(s.vouchers?.values() ?? [])].map((v) => ({
      description: v.description, fromName: v.from_name, fromEmail: v.from_email, toName: v.to_name, toEmail: v.to_email, message: v.message, amount: v.amount,
    })),
    history: [],
  };
}

/** model_checkout_order->addOrderHistory: the status set on the order row and one oc_order_history row added. */
function addOrderHistory(ctx: ApiContext, order: DemoOrderRecord, statusId: number, comment = '', notify = false): void {
  order.info.order_status_id = String(statusId);
  order.info.order_status = ctx.state.catalog.orderStatuses.find((o) => o.orderStatusId === statusId)?.name ?? '';
  order.info.date_modified = mysqlDate(ctx.now);
  order.history.push({ orderStatusId: statusId, comment, notify, dateAdded: mysqlDate(ctx.now) });
}

/** addOrderHistory with a processing status: stock is subtracted, coupon and voucher use recorded. */
function recordSideEffects(ctx: ApiContext, order: DemoOrderRecord, products: CartProduct[]): void {
  for (const p of products) {
    if (p.product.subtract) p.product.quantity -= p.quantity;
    for (const o of p.options) {
      const value = p.product.options.flatMap((d) => d.values).find((v) => String(v.productOptionValueId) === o.product_option_value_id);
      if (value?.subtract) value.quantity -= p.quantity;
    }
  }
  const coupon = order.totals.find((t) => t.code === 'coupon');
  const couponDef = ctx.state.catalog.coupons.find((c) => c.code === ctx.session.coupon);
  if (coupon && couponDef) {
    ctx.state.couponHistory.push({ couponId: couponDef.couponId, orderId: order.orderId, customerId: ctx.customerId, amount: coupon.value });
  }
  const voucher = order.totals.find((t) => t.code === 'voucher');
  const voucherDef = ctx.state.catalog.vouchers.find((v) => v.code === ctx.session.voucher);
  if (voucher && voucherDef) ctx.state.voucherHistory.push({ voucherId: voucherDef.voucherId, orderId: order.orderId, amount: voucher.value });
}

export function orderAddRoute(ctx: ApiContext): JsonOut {
  if (!hasApiAccess(ctx)) return permissionString();
  const { error, products } = orderPrecondition(ctx);
  if (error) return { error };
  const order = buildOrder(ctx, ctx.state.nextOrderId++, products, mysqlDate(ctx.now));
  ctx.state.orders.push(order);
  addOrderHistory(ctx, order, phpInt(order.info.order_status_id));
  recordSideEffects(ctx, order, products);
  const apiId = ctx.session.api_id;
  ctx.state.cart = ctx.state.cart.filter((r) => !(r.apiId === apiId && r.customerId === ctx.customerId && r.sessionId === ctx.sessionId));
  delete ctx.session.vouchers;
  return { success: SUCCESS, order_id: order.orderId };
}

function findOrder(ctx: ApiContext): DemoOrderRecord | undefined {
  const id = phpInt(ctx.query.get('order_id') ?? '');
  return ctx.state.orders.find((o) => o.orderId === id);
}

export function orderEditRoute(ctx: ApiContext): JsonOut {
  if (!hasApiAccess(ctx)) return permissionString();
  const existing = findOrder(ctx);
  if (!existing) return { error: NOT_FOUND };
  const { error, products } = orderPrecondition(ctx);
  if (error) return { error };
  const rebuilt = buildOrder(ctx, existing.orderId, products, existing.info.date_added ?? mysqlDate(ctx.now));
  rebuilt.history = existing.history;
  ctx.state.orders[ctx.state.orders.indexOf(existing)] = rebuilt;
  addOrderHistory(ctx, rebuilt, phpInt(rebuilt.info.order_status_id));
  return { success: SUCCESS };
}

export function orderDeleteRoute(ctx: ApiContext): JsonOut {
  if (!hasApiAccess(ctx)) return permissionString();
  const existing = findOrder(ctx);
  if (!existing) return { error: NOT_FOUND };
  ctx.state.orders = ctx.state.orders.filter((o) => o !== existing);
  return { success: SUCCESS };
}

const ARRAY_FIELDS = new Set(['custom_field', 'payment_custom_field', 'shipping_custom_field']);

export function orderInfoRoute(ctx: ApiContext): JsonOut {
  if (!hasApiAccess(ctx)) return permissionString();
  const existing = findOrder(ctx);
  if (!existing) return { error: NOT_FOUND };
  const order = new Map<string, JsonOut>();
  for (const [k, v] of Object.entries(existing.info)) order.set(k, ARRAY_FIELDS.has(k) ? [] : v);
  return { order, success: SUCCESS };
}

export function orderHistoryRoute(ctx: ApiContext): JsonOut {
  if (!hasApiAccess(ctx)) return permissionString();
  const existing = findOrder(ctx);
  if (!existing) return { error: NOT_FOUND };
  // OpenCart fills in the keys not posted (order_status_id, comment, notify, override) with ''.
  const statusId = phpInt(ctx.post.get('order_status_id'));
  addOrderHistory(ctx, existing, statusId, postString(ctx, 'comment') ?? '', phpInt(ctx.post.get('notify')) !== 0);
  return { success: SUCCESS };
}
