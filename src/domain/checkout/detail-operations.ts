import type { RunInSession } from '../checkout';
import type { CheckoutService } from '../checkout-port';
import { done, refuse, sameAddress, shippingTarget, toAddressInput, toCustomerInput } from './mapping';

type DetailOperations = Omit<
  CheckoutService,
  | 'addLine' | 'changeQuantity' | 'removeLine' | 'cart' | 'needsShipping' | 'summary' | 'placeOrder' | 'startOver'
  | 'addGiftVoucher' | 'removeGiftVoucher' | 'rewardOffer' | 'useReward'
>;

/**
 * Customer, addresses, methods, codes and currency: one call each, and only what OpenCart needs now. OpenCart first
 * deletes the stored customer, address, coupon or voucher, so after a refusal the sync says it is gone and the draft's
 * old value is sent again when it is next needed.
 */
export function createDetailOperations(run: RunInSession): DetailOperations {
  return {
    setContact: (state, contact) =>
      run(state, async (projection) => {
        const result = await projection.api.customer(toCustomerInput(contact, state.draft.customerId));
        projection.sync.customer = result.ok;
        if (!result.ok) return refuse(result);
        projection.loggedIn(state.draft.customerId);
        state.draft.contact = contact;
        return done();
      }),

    setPaymentAddress: (state, address) =>
      run(state, async (projection) => {
        const { draft, sync } = projection;
        const result = await projection.api.paymentAddress(toAddressInput(address));
        Object.assign(sync, { paymentAddress: result.ok, paymentQuotes: null, cart: null });
        if (!result.ok) return refuse(result);
        draft.paymentAddress = address;
        if (draft.shippingSameAsPayment) sync.shippingAddress = false; // the goods go to the new address
        return done();
      }),

    setShippingAddress: (state, address) =>
      run(state, async (projection) => {
        const { draft, sync } = projection;
        const before = { same: draft.shippingSameAsPayment, address: draft.shippingAddress, target: shippingTarget(draft) };
        draft.shippingSameAsPayment = address === 'same';
        draft.shippingAddress = address === 'same' ? null : address;
        // The session may hold this target already (sent when finding out whether anything ships).
        if (!sameAddress(before.target, shippingTarget(draft))) sync.shippingAddress = false;
        // OpenCart ignores shipping/address when nothing in the cart ships: then the choice is only kept.
        const sent = await projection.shippingAddress();
        if (sent.ok) return done();
        Object.assign(draft, { shippingSameAsPayment: before.same, shippingAddress: before.address });
        return refuse(sent);
      }),

    shippingOptions: (state) =>
      run(state, async (projection) => {
        const methods = await projection.shippingQuotes();
        return methods.ok ? done(methods.value) : refuse(methods);
      }),

    chooseShipping: (state, quoteCode) =>
      run(state, async (projection) => {
        const { draft, sync } = projection;
        if (draft.shippingMethod?.code === quoteCode && sync.shippingChosen) return done();
        const methods = await projection.shippingQuotes();
        if (!methods.ok) return refuse(methods);
        const quote = methods.value.flatMap((method) => method.quotes).find((candidate) => candidate.code === quoteCode);
        if (!quote) return refuse({ code: 'SHIPPING_METHOD_REQUIRED' });
        const chosen = await projection.whileCartHeld(() => projection.api.shippingMethod(quote.code));
        Object.assign(sync, { shippingChosen: chosen.ok, cart: null });
        if (!chosen.ok) return refuse(chosen);
        draft.shippingMethod = { code: quote.code, title: quote.title, text: quote.text };
        return done();
      }),

    paymentOptions: (state) =>
      run(state, async (projection) => {
        const methods = await projection.paymentQuotes();
        return methods.ok ? done(methods.value) : refuse(methods);
      }),

    // Only recorded: order/add takes the payment method inline, checked against the quotes of this session.
    choosePayment: (state, code) =>
      run(state, async (projection) => {
        const methods = await projection.paymentQuotes();
        if (!methods.ok) return refuse(methods);
        const method = methods.value.find((candidate) => candidate.code === code);
        if (!method) return refuse({ code: 'PAYMENT_METHOD_REQUIRED' });
        state.draft.paymentMethod = { code: method.code, title: method.title, text: '' };
        return done();
      }),

    applyCoupon: (state, code) =>
      run(state, async (projection) => {
        const content = await projection.cartContent(); // a coupon's minimum total is checked against the cart
        if (!content.ok) return refuse(content);
        const held = await projection.applyCode('coupon', code);
        if (held !== code) return refuse({ code: 'INVALID_CODE' });
        state.draft.coupon = code;
        return done();
      }),

    applyVoucher: (state, code) =>
      run(state, async (projection) => {
        const content = await projection.cartContent();
        if (!content.ok) return refuse(content);
        const held = await projection.applyCode('voucher', code);
        if (held !== code) return refuse({ code: 'INVALID_CODE' });
        state.draft.voucher = code;
        return done();
      }),

    setCurrency: (state, code) =>
      run(state, async (projection) => {
        const result = await projection.api.currency(code);
        if (!result.ok) return refuse(result);
        state.draft.currency = code;
        projection.sync.currency = code;
        projection.shippingDropped();
        const chosen = await projection.shippingChosen(); // its quote text in the new currency
        return chosen.ok ? done() : refuse(chosen);
      }),
  };
}
