import { cartProducts, hasShipping, subTotal, type CartProduct } from '../cart';
import { formatMoney } from '../money';
import type { JsonOut } from '../php';
import type { PaymentMethodEntry, ShippingMethodEntry, ShippingQuote } from '../state';
import { withTax } from '../tax';
import { computeTotals } from '../totals';
import { EMPTY, hasApiAccess, permissionString, postString, type ApiContext } from './context';

/** What each enabled shipping extension quotes for this cart (keyed by extension code, in sort order). */
export function quoteShipping(ctx: ApiContext, products: CartProduct[]): Map<string, ShippingMethodEntry> {
  const out = new Map<string, ShippingMethodEntry>();
  const methods = [...ctx.state.catalog.shippingMethods].sort((a, b) => a.sortOrder - b.sortOrder);
  for (const m of methods) {
    let quote: ShippingQuote;
    if (m.code === 'flat') {
      const text = formatMoney(withTax(ctx.state, ctx.tax, m.cost, m.taxClassId), ctx.currency);
      quote = { code: 'flat.flat', title: 'Flat Shipping Rate', cost: m.cost.toFixed(2), tax_class_id: String(m.taxClassId), text };
    } else if (m.code === 'free') {
      if (subTotal(products) < m.cost) continue;
      quote = { code: 'free.free', title: 'Free Shipping', cost: 0, tax_class_id: 0, text: formatMoney(0, ctx.currency) };
    } else {
      quote = { code: 'pickup.pickup', title: 'Pickup From Store', cost: 0, tax_class_id: 0, text: formatMoney(0, ctx.currency) };
    }
    out.set(m.code, { title: m.title, quote: new Map([[m.code, quote]]), sort_order: String(m.sortOrder), error: false });
  }
  return out;
}

export function shippingMethodsRoute(ctx: ApiContext): JsonOut {
  delete ctx.session.shipping_methods;
  if (!hasApiAccess(ctx)) return permissionString();
  const products = cartProducts(ctx);
  if (!hasShipping(products)) return { shipping_methods: [] };
  if (!ctx.session.shipping_address) return { error: 'Warning: Shipping address required!' };
  const methods = quoteShipping(ctx, products);
  if (methods.size === 0) return { error: 'Warning: No Shipping options are available!' };
  ctx.session.shipping_methods = methods;
  return { shipping_methods: methods as unknown as JsonOut };
}

/** A quoted shipping quote for "<extension>.<key>", or null. */
export function findQuotedShipping(ctx: ApiContext, code: string): ShippingQuote | null {
  const [ext, key, ...rest] = code.split('.');
  if (ext === undefined || key === undefined || rest.length > 0) return null;
  return ctx.session.shipping_methods?.get(ext)?.quote.get(key) ?? null;
}

export function shippingMethodRoute(ctx: ApiContext): JsonOut {
  delete ctx.session.shipping_method;
  if (!hasApiAccess(ctx)) return permissionString();
  if (!hasShipping(cartProducts(ctx))) return EMPTY;
  let error: string | null = null;
  if (!ctx.session.shipping_address) error = 'Warning: Shipping address required!';
  const posted = postString(ctx, 'shipping_method');
  const methods = ctx.session.shipping_methods;
  if (!methods || methods.size === 0) error = 'Warning: No Shipping options are available!';
  else if (posted === undefined || !findQuotedShipping(ctx, posted)) error = 'Warning: Shipping method required!';
  if (error) return { error };
  ctx.session.shipping_method = findQuotedShipping(ctx, posted!)!;
  return { success: 'Success: Shipping method has been set!' };
}

/** Payment extensions offered for this total and cart, in sort order. */
export function quotePayment(ctx: ApiContext, products: CartProduct[]): Map<string, PaymentMethodEntry> {
  const total = computeTotals(ctx, products).total;
  const out = new Map<string, PaymentMethodEntry>();
  const methods = [...ctx.state.catalog.paymentMethods].sort((a, b) => a.sortOrder - b.sortOrder);
  for (const m of methods) {
    if (m.code === 'free_checkout' && total > 0) continue;
    if (m.code === 'cod' && (total < 0.01 || !hasShipping(products))) continue;
    out.set(m.code, { code: m.code, title: m.title, terms: m.terms, sort_order: String(m.sortOrder) });
  }
  return out;
}

export function paymentMethodsRoute(ctx: ApiContext): JsonOut {
  delete ctx.session.payment_methods;
  if (!hasApiAccess(ctx)) return permissionString();
  if (!ctx.session.payment_address) return { error: 'Warning: Payment address required!' };
  const methods = quotePayment(ctx, cartProducts(ctx));
  if (methods.size === 0) return { error: 'Warning: No Payment options are available!' };
  ctx.session.payment_methods = methods;
  return { payment_methods: methods as unknown as JsonOut };
}

export function paymentMethodRoute(ctx: ApiContext): JsonOut {
  delete ctx.session.payment_method;
  if (!hasApiAccess(ctx)) return permissionString();
  let error: string | null = null;
  if (!ctx.session.payment_address) error = 'Warning: Payment address required!';
  const posted = postString(ctx, 'payment_method');
  const methods = ctx.session.payment_methods;
  if (!methods || methods.size === 0) error = 'Warning: No Payment options are available!';
  else if (posted === undefined || !methods.has(posted)) error = 'Warning: Payment method required!';
  if (error) return { error };
  ctx.session.payment_method = methods!.get(posted!)!;
  return { success: 'Success: Payment method has been set!' };
}
