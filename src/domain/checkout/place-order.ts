import type { Logger } from 'pino';
import type { CartView } from '../../opencart/api';
import type { CheckoutProblemCode, CheckoutResult, CheckoutState, PlaceOrderHooks } from '../checkout-port';
import { done, refuse, shippingTarget } from './mapping';
import { cartNeedsShipping, projectMethods } from './reapply';
import { reconcileCart } from './reconcile';
import type { SessionContext } from './session';

export type PlacementResult = CheckoutResult<{ orderId: number; alreadyPlaced: boolean }>;

/** What the draft still lacks, in the order the customer is asked for it; null when it can be ordered. */
export function missingForOrder(state: CheckoutState, cart: CartView): CheckoutProblemCode | null {
  const { draft } = state;
  const shipping = cartNeedsShipping(cart);
  if (!draft.contact) return 'CUSTOMER_REQUIRED';
  if (!draft.paymentAddress) return 'PAYMENT_ADDRESS_REQUIRED';
  if (shipping && !shippingTarget(draft)) return 'SHIPPING_ADDRESS_REQUIRED';
  if (shipping && !draft.shippingMethod) return 'SHIPPING_METHOD_REQUIRED';
  if (!draft.paymentMethod) return 'PAYMENT_METHOD_REQUIRED';
  return null;
}

/**
 * A 'placing' draft left by a turn that never saw order/add's answer. OpenCart empties the cart when it takes an
 * order, so a still-filled cart in the same live session means it was not taken; anything else is unclear.
 */
export async function settleLeftoverPlacement(
  state: CheckoutState,
  session: SessionContext,
  logger: Logger,
): Promise<'not-placed' | 'unclear'> {
  session.renewal.rebuilt = false;
  const cart = await session.api.cartProducts();
  state.session = session.api.state;
  const stillFilled = cart.ok && cart.value.lines.length > 0;
  if (stillFilled && !session.renewal.rebuilt) {
    state.draft.status = 'open';
    state.draft.placementId = null;
    return 'not-placed';
  }
  logger.warn({ placementId: state.draft.placementId }, 'order/add outcome unknown; not placing again');
  state.draft.status = 'unconfirmed';
  return 'unclear';
}

/**
 * order/add, once. The caller has already handled 'placed' / 'unconfirmed' drafts and serializes calls per state.
 * A refusal reopens the draft; a transport error is settled by re-reading the cart, never by retrying.
 */
export async function placeOnce(
  state: CheckoutState,
  session: SessionContext,
  logger: Logger,
  newId: () => string,
  hooks?: PlaceOrderHooks,
): Promise<PlacementResult> {
  const { api } = session;
  const { draft } = state;
  const reconciled = await reconcileCart(api, draft, logger);
  if (!reconciled.ok) return refuse(reconciled);
  if (draft.lines.length === 0) return refuse({ code: 'NOTHING_TO_ORDER' });
  const missing = missingForOrder(state, reconciled.cart);
  if (missing) return refuse({ code: missing });

  draft.status = 'placing';
  draft.placementId = newId();
  try {
    await hooks?.beforeSend?.();
  } catch (error) {
    draft.status = 'open'; // nothing was sent: the draft is as open as before
    draft.placementId = null;
    throw error;
  }
  const needsShipping = cartNeedsShipping(reconciled.cart);
  let answer: Awaited<ReturnType<typeof api.orderAdd>>;
  try {
    answer = await api.orderAdd({
      payment_method: draft.paymentMethod?.code,
      ...(needsShipping && draft.shippingMethod ? { shipping_method: draft.shippingMethod.code } : {}),
      ...(draft.comment ? { comment: draft.comment } : {}),
    });
  } catch (error) {
    state.session = api.state;
    const settled = await settleLeftoverPlacement(state, session, logger).catch(() => 'unknown' as const);
    if (settled === 'unclear') return refuse({ code: 'ORDER_OUTCOME_UNKNOWN' });
    throw error; // nothing was ordered (or we could not even look): the customer may simply try again
  }
  state.session = api.state;
  if (answer.ok) {
    draft.status = 'placed';
    draft.orderId = answer.value.orderId;
    logger.info({ orderId: answer.value.orderId, placementId: draft.placementId }, 'order placed');
    return done({ orderId: answer.value.orderId, alreadyPlaced: false });
  }
  logger.info({ code: answer.code, placementId: draft.placementId }, 'order/add refused');
  draft.status = 'open';
  draft.placementId = null;
  // A refused order/add may have dropped the shipping address and methods; put the projection back.
  const cart = await api.cartProducts();
  if (cart.ok) await projectMethods(api, draft, cart.value, logger);
  state.session = api.state;
  return refuse(answer);
}
