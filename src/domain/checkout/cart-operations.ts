import type { Logger } from 'pino';
import type { RunInSession } from '../checkout';
import type { CheckoutService } from '../checkout-port';
import type { CartView, Failure, OpenCartApi } from '../../opencart/api';
import type { DraftLine, OrderDraft } from '../draft';
import { done, refuse, sameOptions } from './mapping';
import { cartNeedsShipping } from './reapply';
import { reconcileCart } from './reconcile';

type CartOperations = Pick<CheckoutService, 'addLine' | 'changeQuantity' | 'removeLine' | 'cart' | 'needsShipping' | 'summary'>;

/** Cart lines: every change goes to OpenCart, then the cart is reconciled and the dropped methods re-chosen. */
export function createCartOperations(run: RunInSession, logger: Logger, newId: () => string): CartOperations {
  return {
    addLine: (state, input) =>
      run(state, async ({ api }) => {
        const added = await api.cartAdd({ productId: input.productId, quantity: input.quantity, options: input.options });
        if (!added.ok) return refuse<DraftLine>(added);
        const { draft } = state;
        // OpenCart merges an add with the same options into the existing line; the draft does the same.
        const existing = draft.lines.find(
          (line) => line.productId === input.productId && sameOptions(line.options, input.options),
        );
        const line: DraftLine = existing
          ? { ...existing, quantity: existing.quantity + input.quantity }
          : { ...input, lineId: newId() };
        draft.lines = existing ? draft.lines.map((other) => (other === existing ? line : other)) : [...draft.lines, line];
        const reconciled = await reconcileCart(api, draft, logger, { cartChanged: true });
        if (!reconciled.ok) return refuse<DraftLine>(reconciled);
        return done(line);
      }),

    changeQuantity: (state, lineId, quantity) =>
      run(state, async ({ api }) => {
        const { draft } = state;
        if (!draft.lines.some((line) => line.lineId === lineId)) return refuse({ code: 'LINE_NOT_FOUND' });
        draft.lines =
          quantity < 1
            ? draft.lines.filter((line) => line.lineId !== lineId)
            : draft.lines.map((line) => (line.lineId === lineId ? { ...line, quantity: Math.trunc(quantity) } : line));
        const reconciled = await reconcileCart(api, draft, logger, { cartChanged: true });
        return reconciled.ok ? done() : refuse(reconciled);
      }),

    removeLine: (state, lineId) =>
      run(state, async ({ api }) => {
        const { draft } = state;
        if (!draft.lines.some((line) => line.lineId === lineId)) return refuse({ code: 'LINE_NOT_FOUND' });
        draft.lines = draft.lines.filter((line) => line.lineId !== lineId);
        const reconciled = await reconcileCart(api, draft, logger, { cartChanged: true });
        return reconciled.ok ? done() : refuse(reconciled);
      }),

    cart: (state) =>
      run(
        state,
        async ({ api }) => {
          const reconciled = await currentCart(api, state.draft, logger);
          return reconciled.ok ? done(reconciled.cart) : refuse(reconciled);
        },
        { allowClosed: true },
      ),

    needsShipping: async (state) => {
      if (state.draft.lines.length === 0) return false;
      const result = await run(
        state,
        async ({ api }) => {
          const reconciled = await currentCart(api, state.draft, logger);
          return reconciled.ok ? done(cartNeedsShipping(reconciled.cart)) : refuse<boolean>(reconciled);
        },
        { allowClosed: true },
      );
      return result.ok && result.value;
    },

    summary: (state) =>
      run(
        state,
        async ({ api }) => {
          const reconciled = await currentCart(api, state.draft, logger);
          if (!reconciled.ok) return refuse(reconciled);
          const { cart } = reconciled;
          return done({ draft: state.draft, cart, needsShipping: cartNeedsShipping(cart), totals: cart.totals });
        },
        { allowClosed: true },
      ),
  };
}

/** The reconciled cart of an open draft; a placed (or unclear) order is only read, never put back into OpenCart. */
async function currentCart(
  api: OpenCartApi,
  draft: OrderDraft,
  logger: Logger,
): Promise<{ ok: true; cart: CartView } | Failure> {
  if (draft.status === 'open') return reconcileCart(api, draft, logger);
  const cart = await api.cartProducts();
  return cart.ok ? { ok: true, cart: cart.value } : cart;
}
