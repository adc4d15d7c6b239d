import type { Logger } from 'pino';
import type { CartView, Failure, OpenCartApi } from '../../opencart/api';
import type { OrderDraft } from '../draft';
import { dropLine, projectMethods } from './reapply';

function quantitiesByProduct(entries: { productId: number; quantity: number }[]): Map<number, number> {
  const totals = new Map<number, number>();
  for (const entry of entries) totals.set(entry.productId, (totals.get(entry.productId) ?? 0) + entry.quantity);
  return totals;
}

/** Products whose quantity in OpenCart's cart differs from the draft (expired lines, lost or doubled adds). */
export function productsOutOfStep(draft: OrderDraft, cart: CartView): number[] {
  const wanted = quantitiesByProduct(draft.lines);
  const held = quantitiesByProduct(cart.lines);
  const productIds = new Set([...wanted.keys(), ...held.keys()]);
  return [...productIds].filter((productId) => (wanted.get(productId) ?? 0) !== (held.get(productId) ?? 0));
}

/**
 * Makes OpenCart's cart hold exactly the draft's lines. OpenCart deletes API cart lines 1 h after they were added,
 * even in a live session, so this runs before the cart is shown and before order/add. Products out of step are
 * removed and added again whole (cheaper to reason about than matching option sets line by line); since that
 * drops the quoted methods, they are re-quoted and re-chosen. Returns the cart as OpenCart now prices it.
 */
export async function reconcileCart(
  api: OpenCartApi,
  draft: OrderDraft,
  logger: Logger,
  options: { cartChanged?: boolean } = {},
): Promise<{ ok: true; cart: CartView; changed: boolean } | Failure> {
  const before = await api.cartProducts();
  if (!before.ok) return before;
  const outOfStep = productsOutOfStep(draft, before.value);
  if (outOfStep.length === 0 && !options.cartChanged) return { ok: true, cart: before.value, changed: false };
  let cart = before.value;
  if (outOfStep.length > 0) {
    logger.info({ products: outOfStep }, 'opencart cart out of step with the draft; re-adding');
    for (const productId of outOfStep) await rebuildProduct(api, draft, before.value, productId, logger);
    const after = await api.cartProducts();
    if (!after.ok) return after;
    cart = after.value;
  }
  // Any cart change dropped the quoted and chosen methods in OpenCart.
  await projectMethods(api, draft, cart, logger);
  if (draft.shippingMethod) {
    const priced = await api.cartProducts(); // totals now include the shipping line again
    if (!priced.ok) return priced;
    cart = priced.value;
  }
  return { ok: true, cart, changed: true };
}

async function rebuildProduct(
  api: OpenCartApi,
  draft: OrderDraft,
  cart: CartView,
  productId: number,
  logger: Logger,
): Promise<void> {
  for (const line of cart.lines.filter((candidate) => candidate.productId === productId)) {
    await api.cartRemove(line.cartId);
  }
  for (const line of draft.lines.filter((candidate) => candidate.productId === productId)) {
    const added = await api.cartAdd({ productId, quantity: line.quantity, options: line.options });
    if (!added.ok) dropLine(draft, line.lineId, added.code, logger);
  }
}
