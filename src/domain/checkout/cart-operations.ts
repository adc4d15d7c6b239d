import type { RunInSession } from '../checkout';
import type { CheckoutResult, CheckoutService } from '../checkout-port';
import type { CartView } from '../../opencart/api';
import type { DraftLine, OrderDraft } from '../draft';
import { done, refuse, sameOptions } from './mapping';
import type { Projection } from './projection';

type CartOperations = Pick<CheckoutService, 'addLine' | 'changeQuantity' | 'removeLine' | 'cart' | 'needsShipping' | 'summary'>;

/** Cart lines: each change is one call to OpenCart; the cart is read again only when it is shown. */
export function createCartOperations(run: RunInSession, newId: () => string): CartOperations {
  return {
    addLine: (state, input) =>
      run(state, async (projection) => {
        const content = await projection.cartContent();
        if (!content.ok) return refuse<DraftLine>(content);
        const { draft } = state;
        // OpenCart merges an add with the same options into the existing line; the draft does the same.
        const existing = draft.lines.find(
          (line) => line.productId === input.productId && sameOptions(line.options, input.options),
        );
        const line: DraftLine = existing
          ? { ...existing, quantity: existing.quantity + input.quantity }
          : { ...input, lineId: newId() };
        const added = await projection.addToCart(input, line.lineId);
        if (!added.ok) return refuse<DraftLine>(added);
        draft.lines = existing ? draft.lines.map((other) => (other === existing ? line : other)) : [...draft.lines, line];
        return done(line);
      }),

    changeQuantity: (state, lineId, quantity) =>
      run(state, async (projection) => {
        const { draft } = state;
        if (!draft.lines.some((line) => line.lineId === lineId)) return refuse({ code: 'LINE_NOT_FOUND' });
        const cartId = await projection.cartIdOf(lineId);
        if (!cartId.ok) return refuse(cartId);
        const wanted = Math.trunc(quantity);
        if (cartId.value !== null) {
          const changed = wanted < 1 ? await projection.api.cartRemove(cartId.value) : await projection.api.cartEdit(cartId.value, wanted);
          if (!changed.ok) return refuse(changed);
        }
        if (cartId.value === null || wanted < 1) projection.forgetLine(lineId); // not in the session: added when needed
        projection.cartChanged();
        draft.lines =
          wanted < 1
            ? draft.lines.filter((line) => line.lineId !== lineId)
            : draft.lines.map((line) => (line.lineId === lineId ? { ...line, quantity: wanted } : line));
        return done();
      }),

    removeLine: (state, lineId) =>
      run(state, async (projection) => {
        const { draft } = state;
        if (!draft.lines.some((line) => line.lineId === lineId)) return refuse({ code: 'LINE_NOT_FOUND' });
        const cartId = await projection.cartIdOf(lineId);
        if (!cartId.ok) return refuse(cartId);
        if (cartId.value !== null) {
          const removed = await projection.api.cartRemove(cartId.value);
          if (!removed.ok) return refuse(removed);
        }
        projection.forgetLine(lineId);
        projection.cartChanged();
        draft.lines = draft.lines.filter((line) => line.lineId !== lineId);
        return done();
      }),

    cart: (state) => run(state, async (projection) => cartOf(projection, state.draft.status), { allowClosed: true }),

    needsShipping: async (state) => {
      if (state.draft.lines.length === 0) return false;
      const result = await run(
        state,
        async (projection) => {
          const ships = await projection.needsShipping();
          return ships.ok ? done(ships.value) : refuse<boolean>(ships);
        },
        { allowClosed: true },
      );
      return result.ok && result.value;
    },

    summary: (state) =>
      run(
        state,
        async (projection) => {
          const cart = await cartOf(projection, state.draft.status);
          if (!cart.ok) return refuse(cart.problem);
          // The summary names the payment method: drop it if the cart as it is now no longer offers it.
          const offered = state.draft.status === 'open' ? await projection.paymentStillOffered() : cart;
          if (!offered.ok) return refuse(offered);
          const needsShipping = cart.value.lines.some((line) => line.shipping);
          return done({ draft: state.draft, cart: cart.value, needsShipping, totals: cart.value.totals });
        },
        { allowClosed: true },
      ),
  };
}

/** The projected cart of an open draft; a placed (or unclear) order is only read, never put back into OpenCart. */
async function cartOf(projection: Projection, status: OrderDraft['status']): Promise<CheckoutResult<CartView>> {
  const cart = status === 'open' ? await projection.cart() : await projection.api.cartProducts();
  return cart.ok ? done(cart.value) : refuse(cart);
}
