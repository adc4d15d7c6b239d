import { addToCart, cartProducts, hasStock, optionValueIsEmpty } from '../cart';
import { formatMoney } from '../money';
import { htmlEscape, phpInt, phpJsonEncode, phpUndefinedKeyWarning, type JsonOut, type PhpArray } from '../php';
import { computeTotals } from '../totals';
import { withTax } from '../tax';
import { EMPTY, hasApiAccess, permissionObject, permissionString, postString, type ApiContext } from './context';

const CART_FILE = 'catalog/controller/api/cart.php';
const SUCCESS = 'Success: You have modified your shopping cart!';
export const STOCK_TEXT = 'Products marked with *** are not available in the desired quantity or not in stock!';

/** Any cart change drops the quoted and chosen methods: re-quote after it. */
export function dropMethods(ctx: ApiContext): void {
  delete ctx.session.shipping_method;
  delete ctx.session.shipping_methods;
  delete ctx.session.payment_method;
  delete ctx.session.payment_methods;
}

function optionKey(option: PhpArray): string {
  return phpJsonEncode(option as unknown as JsonOut);
}

/** The admin-editor form `product[i][...]`: empties the cart and adds everything unchecked. */
function bulkAdd(ctx: ApiContext, items: PhpArray): JsonOut {
  ctx.state.cart = ctx.state.cart.filter(
    (r) => !(r.apiId === (ctx.session.api_id ?? 0) && r.customerId === ctx.customerId && r.sessionId === ctx.sessionId),
  );
  for (const item of items.values()) {
    if (!(item instanceof Map)) continue;
    const quantity = item.get('quantity');
    if (quantity === undefined) ctx.warnings.push(phpUndefinedKeyWarning('quantity', CART_FILE, 21));
    const option = item.get('option');
    const opts: PhpArray = option instanceof Map ? option : new Map();
    addToCart(ctx, phpInt(item.get('product_id')), phpInt(quantity), opts, optionKey(opts));
  }
  dropMethods(ctx);
  return { success: SUCCESS };
}

export function cartAdd(ctx: ApiContext): JsonOut {
  if (!hasApiAccess(ctx)) return permissionObject();
  const bulk = ctx.post.get('product');
  if (bulk instanceof Map) return bulkAdd(ctx, bulk);
  const productIdRaw = ctx.post.get('product_id');
  if (productIdRaw === undefined) return EMPTY;
  const product = ctx.state.products.get(phpInt(productIdRaw));
  if (!product || !product.status) return { error: { store: 'Product can not be bought from the store you have choosen!' } };
  const quantityRaw = ctx.post.get('quantity');
  const quantity = quantityRaw === undefined ? 1 : phpInt(quantityRaw);
  const posted = ctx.post.get('option');
  const option: PhpArray = new Map();
  if (posted instanceof Map) for (const [k, v] of posted) if (!optionValueIsEmpty(v)) option.set(k, v);
  const missing = new Map<string, JsonOut>();
  for (const def of product.options) {
    if (def.required && !option.has(String(def.productOptionId))) missing.set(String(def.productOptionId), `${htmlEscape(def.name)} required!`);
  }
  if (missing.size > 0) return { error: { option: missing } };
  addToCart(ctx, product.productId, quantity, option, optionKey(option));
  dropMethods(ctx);
  return { success: SUCCESS };
}

export function cartEdit(ctx: ApiContext): JsonOut {
  if (!hasApiAccess(ctx)) return permissionString();
  const key = postString(ctx, 'key');
  const quantity = postString(ctx, 'quantity');
  if (key === undefined) ctx.warnings.push(phpUndefinedKeyWarning('key', CART_FILE, 84));
  if (quantity === undefined) ctx.warnings.push(phpUndefinedKeyWarning('quantity', CART_FILE, 84));
  const row = ctx.state.cart.find(
    (r) => r.cartId === phpInt(key) && r.apiId === ctx.session.api_id && r.customerId === ctx.customerId && r.sessionId === ctx.sessionId,
  );
  if (row) row.quantity = Math.max(-2147483648, Math.min(2147483647, phpInt(quantity)));
  dropMethods(ctx);
  delete ctx.session.reward;
  return { success: SUCCESS };
}

export function cartRemove(ctx: ApiContext): JsonOut {
  if (!hasApiAccess(ctx)) return permissionString();
  const key = postString(ctx, 'key');
  if (key === undefined) return EMPTY;
  ctx.state.cart = ctx.state.cart.filter(
    (r) => !(r.cartId === phpInt(key) && r.apiId === ctx.session.api_id && r.customerId === ctx.customerId && r.sessionId === ctx.sessionId),
  );
  ctx.session.vouchers?.delete(key);
  dropMethods(ctx);
  delete ctx.session.reward;
  return { success: SUCCESS };
}

/** cart/products: problems are reported next to the products, never instead of them. */
export function cartProductsRoute(ctx: ApiContext): JsonOut {
  if (!hasApiAccess(ctx)) return permissionObject();
  const { config } = ctx.state;
  const out = new Map<string, JsonOut>();
  const error = new Map<string, JsonOut>();
  const products = cartProducts(ctx);
  const warnStock = !config.config_stock_checkout || !!config.config_stock_warning;
  if (!hasStock(products) && warnStock) {
    error.set('stock', STOCK_TEXT);
    out.set('error', error);
  }
  const list: JsonOut[] = [];
  out.set('products', list);
  const minimum: JsonOut[] = [];
  for (const p of products) {
    const productTotal = products.filter((q) => q.productId === p.productId).reduce((n, q) => n + q.quantity, 0);
    if (p.minimum > productTotal) {
      minimum.push(`Minimum order amount for ${p.name} is ${p.minimum}!`);
      error.set('minimum', minimum);
      if (!out.has('error')) out.set('error', error);
    }
    const unit = withTax(ctx.state, ctx.tax, p.price, p.taxClassId);
    list.push({
      cart_id: String(p.cartId), product_id: String(p.productId), name: p.name, model: p.model,
      option: p.options.map((o) => ({ product_option_id: o.product_option_id, product_option_value_id: o.product_option_value_id, name: o.name, value: o.value, type: o.type })),
      quantity: String(p.quantity), stock: p.stock ? true : !warnStock, shipping: p.shipping ? '1' : '0',
      price: formatMoney(unit, ctx.currency), total: formatMoney(unit * p.quantity, ctx.currency), reward: p.reward,
    });
  }
  out.set('vouchers', [...(ctx.session.vouchers?.values() ?? [])].map((v) => ({
    code: v.code, description: v.description, from_name: v.from_name, from_email: v.from_email, to_name: v.to_name,
    to_email: v.to_email, voucher_theme_id: v.voucher_theme_id, message: v.message, price: formatMoney(v.amount, ctx.currency), amount: v.amount,
  })));
  const totals = computeTotals(ctx, products);
  out.set('totals', totals.lines.map((l) => ({ title: l.title, text: formatMoney(l.value, ctx.currency) })));
  return out;
}
