import type { ApiContext } from './api/context';
import type { DemoProduct, DemoProductOption } from './model';
import { htmlEscape, phpInt, type PhpArray, type PhpValue } from './php';
import type { CartRow } from './state';
import { taxRates } from './tax';

export interface CartOptionLine {
  product_option_id: string;
  product_option_value_id: string;
  name: string;
  value: string;
  type: string;
  price: number;
  optionValueId: number | null;
}

/** One priced cart line, as Cart::getProducts returns it (amounts excl. tax, default currency). */
export interface CartProduct {
  cartId: number;
  productId: number;
  product: DemoProduct;
  name: string; // HTML-escaped, as stored
  model: string;
  options: CartOptionLine[];
  quantity: number;
  minimum: number;
  shipping: boolean;
  stock: boolean;
  price: number;
  total: number;
  reward: number;
  points: number;
  taxClassId: number;
}

const ONE_HOUR = 60 * 60 * 1000;

/** Cart constructor: API lines (and guest lines) older than 1 h are deleted, whatever the activity. */
export function purgeExpiredLines(ctx: ApiContext): void {
  const cutoff = ctx.now - ONE_HOUR;
  ctx.state.cart = ctx.state.cart.filter((r) => !((r.apiId > 0 || r.customerId === 0) && r.addedAt < cutoff));
}

/** This session's rows in the order MySQL returns them here (the cart index: product_id, then cart_id). */
export function scopeRows(ctx: ApiContext): CartRow[] {
  const apiId = ctx.session.api_id ?? 0;
  return ctx.state.cart
    .filter((r) => r.apiId === apiId && r.customerId === ctx.customerId && r.sessionId === ctx.sessionId)
    .sort((a, b) => a.productId - b.productId || a.cartId - b.cartId);
}

function priceOf(ctx: ApiContext, product: DemoProduct, discountQuantity: number): number {
  const group = ctx.customerGroupId;
  let price = product.price;
  const discount = product.discounts
    .filter((d) => d.customerGroupId === group && d.quantity <= discountQuantity)
    .sort((a, b) => b.quantity - a.quantity)[0];
  if (discount) price = discount.price;
  const special = product.specials.filter((s) => s.customerGroupId === group).sort((a, b) => a.priority - b.priority)[0];
  if (special) price = special.price;
  return price;
}

interface OptionResult {
  lines: CartOptionLine[];
  price: number;
  points: number;
  stock: boolean;
}

function valueLine(option: DemoProductOption, valueId: string, quantity: number, acc: OptionResult): void {
  const value = option.values.find((v) => String(v.productOptionValueId) === valueId);
  if (!value) return;
  const sign = value.pricePrefix === '-' ? -1 : 1;
  acc.price += sign * value.price;
  acc.points += (value.pointsPrefix === '-' ? -1 : 1) * value.points;
  if (value.subtract && (!value.quantity || value.quantity < quantity)) acc.stock = false;
  acc.lines.push({
    product_option_id: String(option.productOptionId), product_option_value_id: valueId, name: htmlEscape(option.name),
    value: htmlEscape(value.name), type: option.type, price: sign * value.price, optionValueId: value.optionValueId,
  });
}

/** Options are priced in posted order; unknown ids and values are silently dropped. */
function priceOptions(product: DemoProduct, option: PhpArray, quantity: number): OptionResult {
  const acc: OptionResult = { lines: [], price: 0, points: 0, stock: true };
  for (const [key, raw] of option) {
    const def = product.options.find((o) => String(o.productOptionId) === String(phpInt(key)));
    if (!def) continue;
    if (def.type === 'select' || def.type === 'radio' || def.type === 'image') {
      if (typeof raw === 'string') valueLine(def, raw, quantity, acc);
    } else if (def.type === 'checkbox') {
      if (raw instanceof Map) for (const v of raw.values()) if (typeof v === 'string') valueLine(def, v, quantity, acc);
    } else if (typeof raw === 'string') {
      acc.lines.push({
        product_option_id: String(def.productOptionId), product_option_value_id: '', name: htmlEscape(def.name), value: raw,
        type: def.type, price: 0, optionValueId: null,
      });
    }
  }
  return acc;
}

/** Cart::getProducts: priced lines; lines of missing/disabled products or quantity <= 0 are deleted on read. */
export function cartProducts(ctx: ApiContext): CartProduct[] {
  const rows = scopeRows(ctx);
  const out: CartProduct[] = [];
  const removed = new Set<number>();
  for (const row of rows) {
    const product = ctx.state.products.get(row.productId);
    if (!product || !product.status || row.quantity <= 0) {
      removed.add(row.cartId);
      continue;
    }
    const discountQuantity = rows.filter((r) => r.productId === row.productId).reduce((n, r) => n + r.quantity, 0);
    const opts = priceOptions(product, row.option, row.quantity);
    const price = priceOf(ctx, product, discountQuantity) + opts.price;
    const stock = opts.stock && product.quantity > 0 && product.quantity >= row.quantity;
    out.push({
      cartId: row.cartId, productId: product.productId, product, name: htmlEscape(product.name), model: htmlEscape(product.model),
      options: opts.lines, quantity: row.quantity, minimum: product.minimum, shipping: product.shipping, stock, price,
      total: price * row.quantity, reward: product.reward * row.quantity,
      points: product.points ? (product.points + opts.points) * row.quantity : 0, taxClassId: product.taxClassId,
    });
  }
  if (removed.size > 0) ctx.state.cart = ctx.state.cart.filter((r) => !removed.has(r.cartId));
  return out;
}

export const hasShipping = (products: CartProduct[]): boolean => products.some((p) => p.shipping);
export const hasStock = (products: CartProduct[]): boolean => products.every((p) => p.stock);
export const subTotal = (products: CartProduct[]): number => products.reduce((n, p) => n + p.total, 0);

/** Cart::getTaxes: tax per rate id over all lines, in the order the rates first appear. */
export function cartTaxes(ctx: ApiContext, products: CartProduct[]): Map<number, number> {
  const taxes = new Map<number, number>();
  for (const p of products) {
    if (!p.taxClassId) continue;
    for (const t of taxRates(ctx.state, ctx.tax, p.price, p.taxClassId).values()) {
      taxes.set(t.taxRateId, (taxes.get(t.taxRateId) ?? 0) + t.amount * p.quantity);
    }
  }
  return taxes;
}

/** Cart::add: same product + identical option JSON merges (quantity added), else a new line. */
export function addToCart(ctx: ApiContext, productId: number, quantity: number, option: PhpArray, optionKey: string): void {
  const apiId = ctx.session.api_id ?? 0;
  const existing = ctx.state.cart.find(
    (r) => r.apiId === apiId && r.customerId === ctx.customerId && r.sessionId === ctx.sessionId && r.productId === productId && r.optionKey === optionKey,
  );
  const clamp = (n: number): number => Math.max(-2147483648, Math.min(2147483647, n));
  if (existing) {
    existing.quantity = clamp(existing.quantity + quantity);
    return;
  }
  ctx.state.cart.push({
    cartId: ctx.state.nextCartId++, apiId, customerId: ctx.customerId, sessionId: ctx.sessionId, productId, option,
    optionKey, quantity: clamp(quantity), addedAt: ctx.now,
  });
}

export function optionValueIsEmpty(v: PhpValue): boolean {
  return typeof v === 'string' ? v === '' || v === '0' : v.size === 0;
}
