import type { ApiContext } from './api/context';
import { cartProducts, cartTaxes, hasShipping, subTotal, type CartProduct } from './cart';
import type { DemoCoupon, DemoVoucher } from './model';
import { taxRates } from './tax';

export interface TotalLine {
  code: string;
  title: string;
  value: number;
  sortOrder: number;
}

export interface Totals {
  lines: TotalLine[];
  taxes: Map<number, number>;
  total: number;
}

const dateOf = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** model_extension_total_coupon->getCoupon: every reason for refusal gives the same null. */
export function validCoupon(ctx: ApiContext, code: string, products: CartProduct[]): DemoCoupon | null {
  const coupon = ctx.state.catalog.coupons.find((c) => c.code === code);
  if (!coupon || !coupon.status) return null;
  const today = dateOf(ctx.now);
  if (!(coupon.dateStart < today && coupon.dateEnd > today)) return null;
  if (coupon.total > subTotal(products)) return null;
  const uses = ctx.state.couponHistory.filter((h) => h.couponId === coupon.couponId);
  if (coupon.usesTotal > 0 && uses.length >= coupon.usesTotal) return null;
  if (coupon.logged && !ctx.customerId) return null;
  if (ctx.customerId && coupon.usesCustomer > 0 && uses.filter((h) => h.customerId === ctx.customerId).length >= coupon.usesCustomer) return null;
  return coupon;
}

/** A gift voucher with balance left, or null. */
export function validVoucher(ctx: ApiContext, code: string): { voucher: DemoVoucher; balance: number } | null {
  const voucher = ctx.state.catalog.vouchers.find((v) => v.code === code);
  if (!voucher || !voucher.status) return null;
  const used = ctx.state.voucherHistory.filter((h) => h.voucherId === voucher.voucherId).reduce((n, h) => n + h.amount, 0);
  const balance = voucher.amount + used;
  return balance > 0 ? { voucher, balance } : null;
}

/** Removes the percentage part of the taxes a discount took away (what OpenCart's totals do). */
function reduceTaxes(ctx: ApiContext, taxes: Map<number, number>, amount: number, taxClassId: number): void {
  for (const t of taxRates(ctx.state, ctx.tax, amount, taxClassId).values()) {
    if (t.type === 'P') taxes.set(t.taxRateId, (taxes.get(t.taxRateId) ?? 0) - t.amount);
  }
}

function rewardTotal(ctx: ApiContext, products: CartProduct[], t: Totals, available: number): void {
  const reward = ctx.session.reward;
  if (reward === undefined || reward > available) return;
  const pointsTotal = products.reduce((n, p) => n + p.points, 0);
  let discountTotal = 0;
  for (const p of products) {
    if (!p.points) continue;
    const discount = p.total * (reward / pointsTotal);
    if (p.taxClassId) reduceTaxes(ctx, t.taxes, discount, p.taxClassId);
    discountTotal += discount;
  }
  t.lines.push({ code: 'reward', title: `Reward Points (${reward})`, value: -discountTotal, sortOrder: 2 });
  t.total -= discountTotal;
}

function shippingTotal(ctx: ApiContext, products: CartProduct[], t: Totals): void {
  const method = ctx.session.shipping_method;
  if (!hasShipping(products) || !method) return;
  const cost = Number(method.cost);
  t.lines.push({ code: 'shipping', title: method.title, value: cost, sortOrder: 3 });
  const taxClassId = Number(method.tax_class_id);
  if (taxClassId) {
    for (const r of taxRates(ctx.state, ctx.tax, cost, taxClassId).values()) t.taxes.set(r.taxRateId, (t.taxes.get(r.taxRateId) ?? 0) + r.amount);
  }
  t.total += cost;
}

function couponTotal(ctx: ApiContext, products: CartProduct[], t: Totals): void {
  const coupon = ctx.session.coupon !== undefined ? validCoupon(ctx, ctx.session.coupon, products) : null;
  if (!coupon) return;
  const sub = subTotal(products);
  const fixed = coupon.type === 'F' ? Math.min(coupon.discount, sub) : 0;
  let discountTotal = 0;
  for (const p of products) {
    const discount = coupon.type === 'F' ? fixed * (p.total / sub) : (p.total / 100) * coupon.discount;
    if (p.taxClassId) reduceTaxes(ctx, t.taxes, discount, p.taxClassId);
    discountTotal += discount;
  }
  const method = ctx.session.shipping_method;
  if (coupon.shipping && method) {
    if (Number(method.tax_class_id)) reduceTaxes(ctx, t.taxes, Number(method.cost), Number(method.tax_class_id));
    discountTotal += Number(method.cost);
  }
  if (discountTotal > t.total) discountTotal = t.total;
  if (discountTotal > 0) {
    t.lines.push({ code: 'coupon', title: `Coupon (${coupon.code})`, value: -discountTotal, sortOrder: 4 });
    t.total -= discountTotal;
  }
}

function voucherTotal(ctx: ApiContext, t: Totals): void {
  const code = ctx.session.voucher;
  if (code === undefined) return;
  const found = validVoucher(ctx, code);
  if (!found) return;
  const amount = Math.min(found.balance, t.total);
  if (amount > 0) {
    t.lines.push({ code: 'voucher', title: `Gift Certificate (${code})`, value: -amount, sortOrder: 8 });
    t.total -= amount;
  } else {
    delete ctx.session.voucher;
  }
}

/** model_setting_extension totals in sort order: sub_total, reward, shipping, coupon, tax, voucher, total. */
export function computeTotals(ctx: ApiContext, products: CartProduct[] = cartProducts(ctx)): Totals {
  const t: Totals = { lines: [], taxes: cartTaxes(ctx, products), total: 0 };
  let sub = subTotal(products);
  for (const v of ctx.session.vouchers?.values() ?? []) sub += v.amount;
  t.lines.push({ code: 'sub_total', title: 'Sub-Total', value: sub, sortOrder: 1 });
  t.total += sub;
  rewardTotal(ctx, products, t, rewardPointsOf(ctx) ?? 0);
  shippingTotal(ctx, products, t);
  couponTotal(ctx, products, t);
  for (const [rateId, value] of t.taxes) {
    if (value <= 0) continue;
    const rate = ctx.state.catalog.taxRates.find((r) => r.taxRateId === rateId);
    t.lines.push({ code: 'tax', title: rate?.name ?? '', value, sortOrder: 5 });
    t.total += value;
  }
  voucherTotal(ctx, t);
  t.lines.push({ code: 'total', title: 'Total', value: Math.max(0, t.total), sortOrder: 9 });
  return t;
}

/** Customer::getRewardPoints: null for guests, the balance of the logged-in customer otherwise. */
export function rewardPointsOf(ctx: ApiContext): number | null {
  if (!ctx.customerId) return null;
  return ctx.state.catalog.customers.find((c) => c.customerId === ctx.customerId)?.rewardPoints ?? 0;
}
