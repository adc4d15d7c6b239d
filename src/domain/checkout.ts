import { randomUUID } from 'node:crypto';
import pino, { type Logger } from 'pino';
import type { Clock } from '../clock';
import { loggerFor } from '../log';
import type { OpenCartSessionFactory } from '../opencart/api';
import type { CheckoutResult, CheckoutService, CheckoutState, PlaceOrderHooks } from './checkout-port';
import { createCartOperations } from './checkout/cart-operations';
import { createDetailOperations } from './checkout/detail-operations';
import { createRewardOperations } from './checkout/reward-operations';
import { createVoucherOperations, hasSomethingToOrder } from './checkout/voucher-operations';
import { findPlacedOrder } from './checkout/lookup';
import { done, refuse } from './checkout/mapping';
import { createWatermark, placeOnce, settlePlacement, type PlacementResult } from './checkout/place-order';
import { Projection } from './checkout/projection';
import { serialized } from './checkout/serial';
import { openSession, SessionRenewed } from './checkout/session';
import { emptyDraft } from './draft';

export interface CheckoutDeps {
  sessions: OpenCartSessionFactory;
  clock: Clock;
  logger?: Logger;
  newId?: () => string;
}

/** One conversation operation: queued behind the others on the same state, with the session projected lazily. */
export type RunInSession = <T>(
  state: CheckoutState,
  work: (projection: Projection) => Promise<CheckoutResult<T>>,
  options?: { allowClosed?: boolean },
) => Promise<CheckoutResult<T>>;

export function createCheckoutService(deps: CheckoutDeps): CheckoutService {
  // Each operation logs with the turn its state is bound to (src/log.ts, bindTurnLog).
  const baseLogger = deps.logger ?? pino({ level: 'silent' });
  const newId = deps.newId ?? randomUUID;
  const watermark = createWatermark();

  /** A leftover 'placing' (the turn or process died during order/add): settled by looking before anything else. */
  const settleLeftover = async (state: CheckoutState): Promise<'open' | 'closed' | 'unknown'> => {
    const session = openSession(deps.sessions, state, 'continue');
    const settled = await settlePlacement(state, session, watermark, loggerFor(state, baseLogger));
    if (settled === 'not-placed') return 'open';
    return settled === 'placed' ? 'closed' : 'unknown';
  };

  /**
   * Runs `work` and stores the session afterwards. When OpenCart forgot the session mid-way, the client logged in
   * again and `work` runs once more from the draft as it was (it sends what the new session lacks). On a thrown
   * (transport) error the draft is put back and the session dropped: OpenCart may be half-updated, so the next
   * operation starts a fresh one.
   */
  const attempt = async <T>(state: CheckoutState, work: (projection: Projection) => Promise<CheckoutResult<T>>) => {
    const snapshot = JSON.stringify(state.draft);
    const logger = loggerFor(state, baseLogger);
    for (let round = 0; ; round++) {
      const session = openSession(deps.sessions, state);
      try {
        const result = await work(new Projection(session, state, deps.clock, logger));
        session.store();
        return result;
      } catch (error) {
        // order/add was sent and nothing could be looked at: stays 'placing' (and its session), settled next time.
        if (state.draft.status === 'placing' && !(error instanceof SessionRenewed)) throw error;
        const sync = state.draft.sync;
        Object.assign(state.draft, JSON.parse(snapshot), { sync });
        if (error instanceof SessionRenewed && round === 0) {
          session.store();
          continue;
        }
        state.draft.sync = JSON.parse(snapshot).sync;
        state.session = null;
        if (error instanceof SessionRenewed) return refuse<T>({ code: 'PERMISSION' });
        throw error;
      }
    }
  };

  const run: RunInSession = (state, work, options = {}) =>
    serialized(state, async () => {
      if (state.draft.status === 'placing') {
        const settled = await settleLeftover(state);
        if (settled === 'unknown') return refuse({ code: 'ORDER_OUTCOME_UNKNOWN' });
      }
      const closed = state.draft.status === 'placed' || state.draft.status === 'unconfirmed';
      if (closed && !options.allowClosed) return refuse({ code: state.draft.status === 'placed' ? 'ORDER_CLOSED' : 'ORDER_OUTCOME_UNKNOWN' });
      return attempt(state, work);
    });

  /** An 'unconfirmed' placement looked for again: a later look may still find the order; it is never sent again. */
  const lookAgain = async (state: CheckoutState): Promise<PlacementResult> => {
    const session = openSession(deps.sessions, state, 'continue');
    const { draft } = state;
    try {
      const lookup = await findPlacedOrder(session.api, {
        reference: draft.placementId ?? '',
        email: draft.contact?.email ?? '',
        lookFrom: draft.placementLookFrom,
      });
      session.store();
      watermark.saw(lookup.newest);
      if (lookup.orderId === null) return refuse({ code: 'ORDER_OUTCOME_UNKNOWN' });
      Object.assign(draft, { status: 'placed', orderId: lookup.orderId });
      return done({ orderId: lookup.orderId, alreadyPlaced: false });
    } catch {
      return refuse({ code: 'ORDER_OUTCOME_UNKNOWN' });
    }
  };

  const placeOrder = (state: CheckoutState, hooks?: PlaceOrderHooks): Promise<PlacementResult> =>
    serialized(state, async () => {
      const { draft } = state;
      if (draft.status === 'placing' && (await settleLeftover(state)) === 'unknown') return refuse({ code: 'ORDER_OUTCOME_UNKNOWN' });
      if (draft.status === 'placed' && draft.orderId !== null) {
        return { ok: true, value: { orderId: draft.orderId, alreadyPlaced: true } };
      }
      if (draft.status === 'unconfirmed') return lookAgain(state);
      if (!hasSomethingToOrder(draft)) return refuse({ code: 'NOTHING_TO_ORDER' });
      return attempt(state, (projection) =>
        placeOnce(state, projection, projection.session, {
          logger: loggerFor(state, baseLogger),
          newId,
          watermark,
          ...(hooks ? { hooks } : {}),
        }),
      );
    });

  return {
    ...createCartOperations(run, newId),
    ...createDetailOperations(run),
    ...createVoucherOperations(run, newId),
    ...createRewardOperations(run),
    placeOrder,
    // Dropping the session empties OpenCart's cart for us: a fresh login starts with nothing in it.
    startOver: (state) =>
      serialized(state, async () => {
        Object.assign(state.draft, emptyDraft());
        state.session = null;
      }),
  };
}
