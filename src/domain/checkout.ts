import { randomUUID } from 'node:crypto';
import pino, { type Logger } from 'pino';
import type { Clock } from '../clock';
import type { OpenCartSessionFactory } from '../opencart/api';
import type { CheckoutResult, CheckoutService, CheckoutState, PlaceOrderHooks } from './checkout-port';
import { createCartOperations } from './checkout/cart-operations';
import { createDetailOperations } from './checkout/detail-operations';
import { refuse } from './checkout/mapping';
import { placeOnce, settleLeftoverPlacement, type PlacementResult } from './checkout/place-order';
import { serialized } from './checkout/serial';
import { openSession, type SessionContext } from './checkout/session';
import { emptyDraft } from './draft';

export interface CheckoutDeps {
  sessions: OpenCartSessionFactory;
  clock: Clock;
  logger?: Logger;
  newId?: () => string;
}

/** One conversation operation: queued behind the others on the same state, with a live OpenCart session. */
export type RunInSession = <T>(
  state: CheckoutState,
  work: (session: SessionContext) => Promise<CheckoutResult<T>>,
  options?: { allowClosed?: boolean },
) => Promise<CheckoutResult<T>>;

export function createCheckoutService(deps: CheckoutDeps): CheckoutService {
  const logger = deps.logger ?? pino({ level: 'silent' });
  const newId = deps.newId ?? randomUUID;

  /**
   * Runs `work` and stores the session state afterwards. On a thrown (transport) error the draft is put back as it
   * was and the session is dropped: OpenCart may be half-updated, so the next turn rebuilds it from the draft.
   */
  const run: RunInSession = (state, work, options = {}) =>
    serialized(state, async () => {
      const closed = state.draft.status === 'placed' || state.draft.status === 'unconfirmed';
      if (closed && !options.allowClosed) return refuse({ code: 'ORDER_CLOSED' });
      const snapshot = JSON.stringify(state.draft);
      try {
        const opened = await openSession(deps.sessions, state, logger);
        if (!opened.ok) return refuse(opened);
        // A 'placing' left by a turn that never saw order/add's answer: find out before changing anything.
        const leftover = state.draft.status === 'placing';
        if (leftover && (await settleLeftoverPlacement(state, opened.context, logger)) === 'unclear') {
          state.session = opened.context.api.state;
          return refuse({ code: 'ORDER_OUTCOME_UNKNOWN' });
        }
        const result = await work(opened.context);
        state.session = opened.context.api.state;
        return result;
      } catch (error) {
        Object.assign(state.draft, JSON.parse(snapshot));
        state.session = null;
        throw error;
      }
    });

  const placeOrder = (state: CheckoutState, hooks?: PlaceOrderHooks): Promise<PlacementResult> =>
    serialized(state, async () => {
      const { draft } = state;
      if (draft.status === 'placed' && draft.orderId !== null) {
        return { ok: true, value: { orderId: draft.orderId, alreadyPlaced: true } };
      }
      if (draft.status === 'unconfirmed') return refuse({ code: 'ORDER_OUTCOME_UNKNOWN' });
      if (draft.lines.length === 0) return refuse({ code: 'NOTHING_TO_ORDER' });
      const snapshot = JSON.stringify(draft);
      let session: SessionContext | null = null;
      try {
        const opened = await openSession(deps.sessions, state, logger);
        if (!opened.ok) return refuse(opened);
        session = opened.context;
        if (draft.status === 'placing' && (await settleLeftoverPlacement(state, session, logger)) === 'unclear') {
          return refuse({ code: 'ORDER_OUTCOME_UNKNOWN' });
        }
        return await placeOnce(state, session, logger, newId, hooks);
      } catch (error) {
        if (draft.status === 'open') {
          // Nothing was ordered: the same recovery as for every other operation.
          Object.assign(draft, JSON.parse(snapshot));
          state.session = null;
        } else if (session) {
          state.session = session.api.state; // still 'placing': the next attempt settles it first
        }
        throw error;
      }
    });

  return {
    ...createCartOperations(run, logger, newId),
    ...createDetailOperations(run, logger),
    placeOrder,
    // Dropping the session empties OpenCart's cart for us: a fresh login starts with nothing in it.
    startOver: (state) =>
      serialized(state, async () => {
        Object.assign(state.draft, emptyDraft());
        state.session = null;
      }),
  };
}
