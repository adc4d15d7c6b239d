import type { Logger } from 'pino';
import type { OpenCartApi, Outcome } from '../../opencart/api';
import type { RunInSession } from '../checkout';
import type { CheckoutResult, CheckoutService } from '../checkout-port';
import type { OrderDraft } from '../draft';
import { done, refuse, shippingTarget, toAddressInput, toCustomerInput } from './mapping';
import { cartNeedsShipping, projectMethods, requotePayment, requoteShipping } from './reapply';
import { reconcileCart } from './reconcile';

type DetailOperations = Omit<
  CheckoutService,
  'addLine' | 'changeQuantity' | 'removeLine' | 'cart' | 'needsShipping' | 'summary' | 'placeOrder' | 'startOver'
>;

/**
 * Customer, addresses, methods, codes and currency. OpenCart first deletes the stored value of customer, addresses,
 * coupon and voucher, so a refused new value is followed by sending the draft's old one again.
 */
export function createDetailOperations(run: RunInSession, logger: Logger): DetailOperations {
  return {
    setContact: (state, contact) =>
      run(state, async ({ api }) => {
        const result = await api.customer(toCustomerInput(contact));
        if (!result.ok) {
          if (state.draft.contact) await api.customer(toCustomerInput(state.draft.contact));
          return refuse(result);
        }
        state.draft.contact = contact;
        return done();
      }),

    setPaymentAddress: (state, address) =>
      run(state, async ({ api }) => {
        const { draft } = state;
        const result = await api.paymentAddress(toAddressInput(address));
        if (!result.ok) {
          if (draft.paymentAddress) await api.paymentAddress(toAddressInput(draft.paymentAddress));
          await requotePayment(api, draft, logger);
          return refuse(result);
        }
        draft.paymentAddress = address;
        return reproject(api, draft, logger);
      }),

    setShippingAddress: (state, address) =>
      run(state, async ({ api }) => {
        const { draft } = state;
        const cart = await api.cartProducts();
        if (!cart.ok) return refuse(cart);
        const target = address === 'same' ? draft.paymentAddress : address;
        // OpenCart ignores shipping/address when nothing in the cart ships: keep the choice for later.
        if (target && cartNeedsShipping(cart.value)) {
          const result = await api.shippingAddress(toAddressInput(target));
          if (!result.ok) {
            const previous = shippingTarget(draft);
            if (previous) await api.shippingAddress(toAddressInput(previous));
            await requoteShipping(api, draft, logger);
            return refuse(result);
          }
        }
        draft.shippingSameAsPayment = address === 'same';
        draft.shippingAddress = address === 'same' ? null : address;
        return reproject(api, draft, logger);
      }),

    shippingOptions: (state) =>
      run(state, async ({ api }) => {
        const fresh = await quoteReady(api, state.draft, logger);
        if (!fresh.ok) return refuse(fresh);
        const methods = await api.shippingMethods();
        return methods.ok ? done(methods.value) : refuse(methods);
      }),

    chooseShipping: (state, quoteCode) =>
      run(state, async ({ api }) => {
        const fresh = await quoteReady(api, state.draft, logger);
        if (!fresh.ok) return refuse(fresh);
        const methods = await api.shippingMethods();
        if (!methods.ok) return refuse(methods);
        const quote = methods.value.flatMap((method) => method.quotes).find((candidate) => candidate.code === quoteCode);
        if (!quote) return refuse({ code: 'SHIPPING_METHOD_REQUIRED' });
        const chosen = await api.shippingMethod(quote.code);
        if (!chosen.ok) return refuse(chosen);
        state.draft.shippingMethod = { code: quote.code, title: quote.title, text: quote.text };
        return done();
      }),

    paymentOptions: (state) =>
      run(state, async ({ api }) => {
        const fresh = await quoteReady(api, state.draft, logger);
        if (!fresh.ok) return refuse(fresh);
        const methods = await api.paymentMethods();
        return methods.ok ? done(methods.value) : refuse(methods);
      }),

    choosePayment: (state, code) =>
      run(state, async ({ api }) => {
        const fresh = await quoteReady(api, state.draft, logger);
        if (!fresh.ok) return refuse(fresh);
        const methods = await api.paymentMethods();
        if (!methods.ok) return refuse(methods);
        const method = methods.value.find((candidate) => candidate.code === code);
        if (!method) return refuse({ code: 'PAYMENT_METHOD_REQUIRED' });
        const chosen = await api.paymentMethod(method.code);
        if (!chosen.ok) return refuse(chosen);
        state.draft.paymentMethod = { code: method.code, title: method.title, text: '' };
        return done();
      }),

    applyCoupon: (state, code) =>
      run(state, async ({ api }) => {
        const { draft } = state;
        const result = await api.coupon(code ?? '');
        if (code === null) {
          draft.coupon = null; // an empty code removes it (OpenCart deletes, then refuses the empty code)
          return done();
        }
        if (!result.ok) {
          if (draft.coupon) await api.coupon(draft.coupon);
          return refuse(result);
        }
        draft.coupon = code;
        return done();
      }),

    applyVoucher: (state, code) =>
      run(state, async ({ api }) => {
        const { draft } = state;
        const result = await api.voucher(code ?? '');
        if (code === null) {
          draft.voucher = null;
          return done();
        }
        if (!result.ok) {
          if (draft.voucher) await api.voucher(draft.voucher);
          return refuse(result);
        }
        draft.voucher = code;
        return done();
      }),

    setCurrency: (state, code) =>
      run(state, async ({ api }) => {
        const result = await api.currency(code);
        if (!result.ok) return refuse(result);
        state.draft.currency = code;
        await requoteShipping(api, state.draft, logger); // a currency change drops the shipping methods
        return done();
      }),
  };
}

/** After a new address: shipping address and both methods again (payment/address drops the payment methods). */
async function reproject(api: OpenCartApi, draft: OrderDraft, logger: Logger): Promise<CheckoutResult> {
  const cart = await api.cartProducts();
  if (!cart.ok) return refuse(cart);
  await projectMethods(api, draft, cart.value, logger);
  return done();
}

/** Quotes depend on the cart (taxes, COD, free shipping): make sure OpenCart still holds the draft's lines. */
async function quoteReady(api: OpenCartApi, draft: OrderDraft, logger: Logger): Promise<Outcome> {
  const reconciled = await reconcileCart(api, draft, logger);
  return reconciled.ok ? { ok: true, value: undefined } : reconciled;
}
