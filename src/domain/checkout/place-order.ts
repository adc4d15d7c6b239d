import type { Logger } from 'pino';
import type { CartView, Outcome } from '../../opencart/api';
import type { CheckoutProblemCode, CheckoutResult, CheckoutState, PlaceOrderHooks } from '../checkout-port';
import { findPlacedOrder } from './lookup';
import { done, refuse, shippingTarget } from './mapping';
import type { Projection } from './projection';
import { SessionRenewed, type SessionContext } from './session';
import { hasSomethingToOrder } from './voucher-operations';

export type PlacementResult = CheckoutResult<{ orderId: number; alreadyPlaced: boolean }>;

/** The highest order id this process has seen issued: where the lookup of a lost placement starts. */
export interface OrderWatermark {
  get(): number | null;
  saw(orderId: number): void;
}

export function createWatermark(): OrderWatermark {
  let highest: number | null = null;
  return {
    get: () => highest,
    saw: (orderId) => {
      highest = Math.max(highest ?? 0, orderId);
    },
  };
}

/** What the draft still lacks, in the order the customer is asked for it; null when it can be ordered. */
export function missingForOrder(state: CheckoutState, cart: CartView): CheckoutProblemCode | null {
  const { draft } = state;
  const shipping = cart.lines.some((line) => line.shipping);
  if (!draft.contact) return 'CUSTOMER_REQUIRED';
  if (!draft.paymentAddress) return 'PAYMENT_ADDRESS_REQUIRED';
  if (shipping && !shippingTarget(draft)) return 'SHIPPING_ADDRESS_REQUIRED';
  if (shipping && !draft.shippingMethod) return 'SHIPPING_METHOD_REQUIRED';
  if (!draft.paymentMethod) return 'PAYMENT_METHOD_REQUIRED';
  return null;
}

export type Settlement = 'placed' | 'not-placed' | 'unconfirmed' | 'unsettled';

/**
 * Settles a placement whose order/add answer was never seen, by looking and never by sending again. Proof that it
 * was not placed: the cart still filled in the same live session AND no order carrying the placement's reference.
 * An order found is placed; a completed lookup that finds none with an emptied (or unreadable) cart is 'unconfirmed';
 * when the store could not be asked at all the draft stays 'placing' ('unsettled') and the next operation looks again.
 */
export async function settlePlacement(
  state: CheckoutState,
  session: SessionContext,
  watermark: OrderWatermark,
  logger: Logger,
): Promise<Settlement> {
  const { draft } = state;
  const tokenBefore = session.token ?? state.session?.token ?? null;
  let stillFilled = false;
  try {
    const cart = await session.api.cartProducts();
    stillFilled = cart.ok && cart.value.lines.length > 0 && tokenBefore !== null && session.token === tokenBefore;
  } catch {
    // Unreadable: no proof either way; the lookup decides.
  }
  let found: number | null;
  try {
    const lookup = await findPlacedOrder(session.api, {
      reference: draft.placementId ?? '',
      email: draft.contact?.email ?? '',
      lookFrom: draft.placementLookFrom,
    });
    watermark.saw(lookup.newest);
    found = lookup.orderId;
  } catch (error) {
    logger.warn({ placementId: draft.placementId, error: errorName(error) }, 'order/add outcome not settled: the lookup failed');
    session.store();
    return 'unsettled';
  }
  session.store();
  if (found !== null) {
    logger.info({ orderId: found, placementId: draft.placementId }, 'lost order/add answer settled: the order was placed');
    Object.assign(draft, { status: 'placed', orderId: found });
    return 'placed';
  }
  if (stillFilled) {
    logger.info({ placementId: draft.placementId }, 'lost order/add answer settled: nothing was ordered');
    Object.assign(draft, { status: 'open', placementId: null, placementLookFrom: null });
    return 'not-placed';
  }
  logger.warn({ placementId: draft.placementId }, 'order/add outcome unknown; not placing again');
  draft.status = 'unconfirmed';
  return 'unconfirmed';
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : 'unknown';
}

/**
 * order/add, once, with both methods inline. The caller has handled 'placed' / 'unconfirmed' / 'placing' drafts and
 * serializes calls per state. A refusal reopens the draft; a lost answer is settled by looking, never by sending again.
 */
export async function placeOnce(
  state: CheckoutState,
  projection: Projection,
  session: SessionContext,
  deps: { logger: Logger; newId: () => string; watermark: OrderWatermark; hooks?: PlaceOrderHooks },
): Promise<PlacementResult> {
  const { draft } = state;
  const ready = await readyToOrder(projection);
  if (!ready.ok) return refuse(ready);
  if (!hasSomethingToOrder(draft)) return refuse({ code: 'NOTHING_TO_ORDER' });
  const missing = missingForOrder(state, ready.value);
  if (missing) return refuse({ code: missing });

  Object.assign(draft, { status: 'placing', placementId: deps.newId(), placementLookFrom: deps.watermark.get() });
  session.store();
  try {
    await deps.hooks?.beforeSend?.();
  } catch (error) {
    Object.assign(draft, { status: 'open', placementId: null, placementLookFrom: null }); // nothing was sent
    throw error;
  }
  const needsShipping = ready.value.lines.some((line) => line.shipping);
  let answer: Awaited<ReturnType<typeof projection.api.orderAdd>>;
  try {
    answer = await projection.api.orderAdd(
      {
        payment_method: draft.paymentMethod?.code,
        ...(needsShipping && draft.shippingMethod ? { shipping_method: draft.shippingMethod.code } : {}),
        ...(draft.comment ? { comment: draft.comment } : {}),
      },
      { reference: draft.placementId ?? '' },
    );
  } catch (error) {
    // OpenCart checks the token before anything else: a renewed session means nothing was ordered.
    if (error instanceof SessionRenewed) throw error;
    const settled = await settlePlacement(state, session, deps.watermark, deps.logger);
    if (settled === 'placed' && draft.orderId !== null) return done({ orderId: draft.orderId, alreadyPlaced: false });
    // Not placed: the customer may simply confirm again. Unsettled (the store did not answer at all): still 'placing',
    // and sending the answer again settles it by looking first. Either way the customer hears the shop is unreachable.
    if (settled === 'not-placed' || settled === 'unsettled') throw error;
    return refuse({ code: 'ORDER_OUTCOME_UNKNOWN' });
  }
  if (answer.ok) {
    Object.assign(draft, { status: 'placed', orderId: answer.value.orderId });
    deps.watermark.saw(answer.value.orderId);
    Object.assign(draft.sync, { addedAt: {}, cartIds: {}, cart: null }); // OpenCart emptied the cart
    deps.logger.info({ orderId: answer.value.orderId, placementId: draft.placementId }, 'order placed');
    return done({ orderId: answer.value.orderId, alreadyPlaced: false });
  }
  deps.logger.info({ code: answer.code, placementId: draft.placementId }, 'order/add refused');
  Object.assign(draft, { status: 'open', placementId: null, placementLookFrom: null });
  // A refused order/add may drop the shipping address and methods (empty cart): send them again when needed.
  Object.assign(draft.sync, { shippingAddress: false, shippingQuotes: null, shippingChosen: false, cart: null });
  return refuse(answer);
}

/** The cart as priced (read only if something changed since the summary) and the payment method still offered. */
async function readyToOrder(projection: Projection): Promise<Outcome<CartView>> {
  const cart = await projection.cart();
  if (!cart.ok) return cart;
  const offered = await projection.paymentStillOffered(); // quotes again only if the cart had to be put right
  return offered.ok ? cart : offered;
}
