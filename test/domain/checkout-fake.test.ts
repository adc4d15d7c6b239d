import { Writable } from 'node:stream';
import pino from 'pino';
import { ManualClock } from '../../src/clock';
import { createCheckoutService } from '../../src/domain/checkout';
import type { CheckoutService, CheckoutState } from '../../src/domain/checkout-port';
import { emptyDraft, type Address } from '../../src/domain/draft';
import { FakeOpenCart } from './fake-opencart';

const MINUTE = 60_000;
const london: Address = {
  firstname: 'Rita', lastname: 'Smith', company: '', address1: '10 Downing Street', address2: '', city: 'London',
  postcode: 'SW1A 2AA', countryId: 222, countryName: 'United Kingdom', zoneId: 3553, zoneName: 'Greater London',
};
const contact = { firstname: 'Rita', lastname: 'Smith', email: 'rita@example.com', telephone: '+44 20 7946 0958' };

function setup() {
  const clock = new ManualClock();
  const store = new FakeOpenCart(clock);
  let id = 0;
  const checkout = createCheckoutService({ sessions: store.factory(), clock, newId: () => `id-${++id}` });
  const state: CheckoutState = { draft: emptyDraft(), session: null };
  return { clock, store, checkout, state };
}

/** What conversation state storage does between turns. */
function roundTrip(state: CheckoutState): CheckoutState {
  return JSON.parse(JSON.stringify(state)) as CheckoutState;
}

async function fillCheckout(checkout: CheckoutService, state: CheckoutState): Promise<void> {
  expect((await checkout.addLine(state, { productId: 40, name: 'iPhone', quantity: 2, minimum: 1, options: {}, optionLabels: [], thumb: null })).ok).toBe(true);
  expect((await checkout.addLine(state, { productId: 30, name: 'Canon EOS 5D', quantity: 1, minimum: 1, options: { '226': '15' }, optionLabels: [], thumb: null })).ok).toBe(true);
  expect(await checkout.setContact(state, contact)).toEqual({ ok: true, value: undefined });
  expect((await checkout.setPaymentAddress(state, london)).ok).toBe(true);
  expect((await checkout.setShippingAddress(state, 'same')).ok).toBe(true);
  const shipping = await checkout.shippingOptions(state);
  expect(shipping.ok && shipping.value.flatMap((m) => m.quotes).map((q) => q.code)).toContain('flat.flat');
  expect((await checkout.chooseShipping(state, 'flat.flat')).ok).toBe(true);
  const payment = await checkout.paymentOptions(state);
  expect(payment.ok && payment.value.map((m) => m.code)).toContain('cod');
  expect((await checkout.choosePayment(state, 'cod')).ok).toBe(true);
}

function sessionOf(store: FakeOpenCart, state: CheckoutState) {
  const session = store.sessions.get(state.session?.token ?? '');
  if (!session) throw new Error('no live session');
  return session;
}

describe('CheckoutService against an in-memory OpenCart', () => {
  it('places a complete order once, with the state surviving JSON between turns', async () => {
    const { store, checkout, state } = setup();
    await fillCheckout(checkout, state);
    const stored = roundTrip(state);
    const placed = await checkout.placeOrder(stored);
    expect(placed).toEqual({ ok: true, value: { orderId: expect.any(Number), alreadyPlaced: false } });
    expect(stored.draft.status).toBe('placed');
    expect(store.orders).toHaveLength(1);
    expect(store.orders[0]).toMatchObject({ paymentMethod: 'cod', shippingMethod: 'flat.flat', customer: contact });
    expect(store.orders[0].lines.map((l) => [l.productId, l.quantity, l.options])).toEqual([[40, 2, {}], [30, 1, { '226': '15' }]]);

    const summary = await checkout.summary(stored);
    expect(summary.ok && summary.value.cart.lines).toEqual([]); // a placed order is not put back into the cart
    expect(sessionOf(store, stored).lines).toEqual([]);
    const again = await checkout.placeOrder(roundTrip(stored));
    expect(again).toEqual({ ok: true, value: { orderId: store.orders[0].orderId, alreadyPlaced: true } });
    expect(store.orders).toHaveLength(1);
    expect(store.overlaps).toBe(0);
  });

  it('makes one order of two placeOrder calls at once on the same state', async () => {
    const { store, checkout, state } = setup();
    await fillCheckout(checkout, state);
    const [first, second] = await Promise.all([checkout.placeOrder(state), checkout.placeOrder(state)]);
    expect(store.orders).toHaveLength(1);
    const orderId = store.orders[0].orderId;
    expect([first, second]).toEqual([
      { ok: true, value: { orderId, alreadyPlaced: false } },
      { ok: true, value: { orderId, alreadyPlaced: true } },
    ]);
    expect(store.overlaps).toBe(0);
  });

  it('rebuilds a dead OpenCart session from the draft and still orders the same things', async () => {
    const { store, checkout, state } = setup();
    await fillCheckout(checkout, state);
    const oldToken = state.session?.token;
    store.expireAllSessions();
    const placed = await checkout.placeOrder(state);
    expect(placed.ok).toBe(true);
    expect(state.session?.token).not.toBe(oldToken);
    expect(store.orders[0]).toMatchObject({ paymentMethod: 'cod', shippingMethod: 'flat.flat', customer: contact });
    expect(store.orders[0].lines.map((l) => [l.productId, l.quantity])).toEqual([[40, 2], [30, 1]]);
  });

  it('logs in and rebuilds when the state has a draft but no session', async () => {
    const { store, checkout, state } = setup();
    await fillCheckout(checkout, state);
    state.session = null;
    const cart = await checkout.cart(state);
    expect(cart.ok && cart.value.lines.map((l) => [l.productId, l.quantity])).toEqual([[40, 2], [30, 1]]);
    // The payment method goes inline with order/add; the shipping method is chosen again for the totals.
    expect(sessionOf(store, state)).toMatchObject({ shippingMethod: 'flat.flat' });
  });

  it('re-adds cart lines OpenCart expired after an hour, before showing the cart and before order/add', async () => {
    const { clock, store, checkout, state } = setup();
    await fillCheckout(checkout, state);
    clock.advance(40 * MINUTE);
    await checkout.setContact(state, contact); // keeps the token alive
    clock.advance(21 * MINUTE);
    const oldToken = state.session?.token;
    const cart = await checkout.cart(state);
    expect(state.session?.token).toBe(oldToken);
    expect(cart.ok && cart.value.lines.map((l) => [l.productId, l.quantity])).toEqual([[40, 2], [30, 1]]);
    expect(sessionOf(store, state)).toMatchObject({ shippingMethod: 'flat.flat' });

    clock.advance(61 * MINUTE - 1);
    await checkout.setContact(state, contact);
    clock.advance(2);
    expect((await checkout.placeOrder(state)).ok).toBe(true);
    expect(store.orders[0].lines.map((l) => [l.productId, l.quantity])).toEqual([[40, 2], [30, 1]]);
  });

  it('re-quotes and re-chooses the methods after every cart change', async () => {
    const { store, checkout, state } = setup();
    await fillCheckout(checkout, state);
    const added = await checkout.addLine(state, { productId: 40, name: 'iPhone', quantity: 1, minimum: 1, options: {}, optionLabels: [], thumb: null });
    expect(added.ok && added.value.quantity).toBe(3);
    expect(state.draft.lines).toHaveLength(2);
    expect((await checkout.summary(state)).ok).toBe(true); // chosen again when the totals are next shown
    expect(sessionOf(store, state)).toMatchObject({ shippingMethod: 'flat.flat' });
    const canon = state.draft.lines[1];
    expect(await checkout.changeQuantity(state, canon.lineId, 2)).toEqual({ ok: true, value: undefined });
    expect(sessionOf(store, state).lines.find((l) => l.productId === 30)?.quantity).toBe(2);
    expect(await checkout.removeLine(state, 'nope')).toEqual({ ok: false, problem: { code: 'LINE_NOT_FOUND' } });
    expect((await checkout.placeOrder(state)).ok).toBe(true);
    expect(store.orders[0]).toMatchObject({ paymentMethod: 'cod', shippingMethod: 'flat.flat' });
  });

  it('clears methods that are no longer offered after a cart change', async () => {
    const { checkout, state } = setup();
    await fillCheckout(checkout, state);
    await checkout.addLine(state, { productId: 43, name: 'MacBook', quantity: 1, minimum: 1, options: {}, optionLabels: [], thumb: null });
    for (const line of state.draft.lines.filter((l) => l.productId !== 43)) await checkout.removeLine(state, line.lineId);
    expect((await checkout.summary(state)).ok).toBe(true);
    expect(state.draft.shippingMethod).toBeNull();
    expect(state.draft.paymentMethod).toBeNull(); // cash on delivery needs something that ships
    expect(await checkout.needsShipping(state)).toBe(false);
    expect(await checkout.placeOrder(state)).toEqual({ ok: false, problem: { code: 'PAYMENT_METHOD_REQUIRED' } });
    expect(state.draft.status).toBe('open');
  });

  it('returns OpenCart refusals as problems and leaves the draft as it was', async () => {
    const { store, checkout, state } = setup();
    await fillCheckout(checkout, state);
    // What the summary's cart/products taught (cart ids, what ships) is knowledge of the session, not a change.
    const comparable = () => JSON.stringify({ ...state.draft, sync: { ...state.draft.sync, cartIds: {}, ships: {} } });
    const before = comparable();
    const noOption = await checkout.addLine(state, { productId: 30, name: 'Canon', quantity: 1, minimum: 1, options: {}, optionLabels: [], thumb: null });
    expect(noOption).toEqual({ ok: false, problem: expect.objectContaining({ code: 'OPTION_REQUIRED', optionIds: [226] }) });
    const badContact = await checkout.setContact(state, { ...contact, email: 'nope' });
    expect(badContact).toEqual({ ok: false, problem: expect.objectContaining({ code: 'FIELD_INVALID', fields: ['email'] }) });
    expect(sessionOf(store, state).customer).toBeUndefined(); // the failed call deleted it; sent again when needed
    expect((await checkout.applyCoupon(state, '2222')).ok).toBe(true);
    expect((await checkout.applyCoupon(state, 'WRONG')).ok).toBe(false);
    expect(state.draft.coupon).toBe('2222');
    expect((await checkout.summary(state)).ok).toBe(true);
    expect(sessionOf(store, state)).toMatchObject({ coupon: '2222', customer: contact });
    expect(await checkout.chooseShipping(state, 'free.free')).toEqual({ ok: false, problem: { code: 'SHIPPING_METHOD_REQUIRED' } });
    expect((await checkout.applyCoupon(state, null)).ok).toBe(true);
    expect(comparable()).toBe(before);
  });

  it('puts the draft back and drops the session when the store is unreachable mid-operation', async () => {
    const { store, checkout, state } = setup();
    await fillCheckout(checkout, state);
    const before = JSON.stringify(state.draft);
    store.failNextCall = 'cart/add';
    await expect(
      checkout.addLine(state, { productId: 40, name: 'iPhone', quantity: 1, minimum: 1, options: {}, optionLabels: [], thumb: null }),
    ).rejects.toThrow('connection reset');
    expect(JSON.stringify(state.draft)).toBe(before);
    expect(state.session).toBeNull();
    expect((await checkout.placeOrder(state)).ok).toBe(true);
    expect(store.orders[0].lines.map((l) => [l.productId, l.quantity])).toEqual([[40, 2], [30, 1]]);
  });

  it('finds the order by looking when order/add answer was lost, and never sends it again', async () => {
    const { store, checkout, state } = setup();
    await fillCheckout(checkout, state);
    store.orderAddTransportFailure = 'after';
    const placed = await checkout.placeOrder(state);
    expect(placed).toEqual({ ok: true, value: { orderId: store.orders[0].orderId, alreadyPlaced: false } });
    expect(state.draft).toMatchObject({ status: 'placed', orderId: store.orders[0].orderId });
    store.orderAddTransportFailure = null;
    expect(await checkout.placeOrder(roundTrip(state))).toEqual({ ok: true, value: { orderId: store.orders[0].orderId, alreadyPlaced: true } });
    expect(store.calls.filter((route) => route === 'order/add')).toHaveLength(1);
  });

  it('is unconfirmed when the answer was lost, the cart is empty and no order carries the reference', async () => {
    const { store, checkout, state } = setup();
    await fillCheckout(checkout, state);
    store.orderAddTransportFailure = 'after';
    store.orderInfoHidesOrders = true; // as if another shop front had placed a flood of orders since
    expect(await checkout.placeOrder(state)).toEqual({ ok: false, problem: { code: 'ORDER_OUTCOME_UNKNOWN' } });
    expect(state.draft.status).toBe('unconfirmed');
    store.orderAddTransportFailure = null;
    expect(await checkout.placeOrder(roundTrip(state))).toEqual({ ok: false, problem: { code: 'ORDER_OUTCOME_UNKNOWN' } });
    store.orderInfoHidesOrders = false; // a later look finds it
    expect(await checkout.placeOrder(state)).toEqual({ ok: true, value: { orderId: store.orders[0].orderId, alreadyPlaced: false } });
    expect(store.orders).toHaveLength(1);
    expect((await checkout.addLine(state, { productId: 40, name: 'iPhone', quantity: 1, minimum: 1, options: {}, optionLabels: [], thumb: null })))
      .toEqual({ ok: false, problem: { code: 'ORDER_CLOSED' } });
  });

  it('reopens the draft when order/add failed in transport and the cart is still there', async () => {
    const { store, checkout, state } = setup();
    await fillCheckout(checkout, state);
    store.orderAddTransportFailure = 'before';
    await expect(checkout.placeOrder(state)).rejects.toThrow('connection reset');
    expect(state.draft.status).toBe('open');
    expect(store.orders).toHaveLength(0);
    store.orderAddTransportFailure = null;
    expect((await checkout.placeOrder(state)).ok).toBe(true);
    expect(store.orders).toHaveLength(1);
  });

  it('settles a leftover placing draft before placing: a filled cart means nothing was ordered', async () => {
    const { store, checkout, state } = setup();
    await fillCheckout(checkout, state);
    const leftover = roundTrip({ ...state, draft: { ...state.draft, status: 'placing', placementId: 'old' } });
    expect((await checkout.placeOrder(leftover)).ok).toBe(true);
    expect(store.orders).toHaveLength(1);
    // Killed while order/add was on its way: the order is found by its reference, nothing is sent again.
    const afterCrash = roundTrip({ ...leftover, draft: { ...leftover.draft, status: 'placing', orderId: null } });
    const orderId = store.orders[0].orderId;
    expect(await checkout.placeOrder(afterCrash)).toEqual({ ok: true, value: { orderId, alreadyPlaced: true } });
    expect(afterCrash.draft).toMatchObject({ status: 'placed', orderId });
    expect(store.orders).toHaveLength(1);
    expect(store.calls.filter((route) => route === 'order/add')).toHaveLength(1);
  });

  it('settles a leftover placing draft before any other change too', async () => {
    const { store, checkout, state } = setup();
    await fillCheckout(checkout, state);
    const notPlaced = roundTrip({ ...state, draft: { ...state.draft, status: 'placing', placementId: 'old' } });
    expect((await checkout.applyCoupon(notPlaced, '2222')).ok).toBe(true);
    expect(notPlaced.draft).toMatchObject({ status: 'open', placementId: null, coupon: '2222' });
    expect((await checkout.placeOrder(notPlaced)).ok).toBe(true);
    const afterCrash = roundTrip({ ...notPlaced, draft: { ...notPlaced.draft, status: 'placing', orderId: null } });
    expect(await checkout.setContact(afterCrash, contact)).toEqual({ ok: false, problem: { code: 'ORDER_CLOSED' } });
    expect(afterCrash.draft).toMatchObject({ status: 'placed', orderId: store.orders[0].orderId });
    const unfound = roundTrip({ ...notPlaced, draft: { ...notPlaced.draft, status: 'placing', orderId: null, placementId: 'never-sent' } });
    expect(await checkout.setContact(unfound, contact)).toEqual({ ok: false, problem: { code: 'ORDER_OUTCOME_UNKNOWN' } });
    expect(unfound.draft.status).toBe('unconfirmed'); // the cart is empty and no order carries that reference
    expect(store.orders).toHaveLength(1);
  });

  it('asks for what is missing before calling order/add', async () => {
    const { store, checkout, state } = setup();
    expect(await checkout.placeOrder(state)).toEqual({ ok: false, problem: { code: 'NOTHING_TO_ORDER' } });
    await checkout.addLine(state, { productId: 40, name: 'iPhone', quantity: 1, minimum: 1, options: {}, optionLabels: [], thumb: null });
    expect(await checkout.placeOrder(state)).toEqual({ ok: false, problem: { code: 'CUSTOMER_REQUIRED' } });
    await checkout.setContact(state, contact);
    expect(await checkout.placeOrder(state)).toEqual({ ok: false, problem: { code: 'PAYMENT_ADDRESS_REQUIRED' } });
    await checkout.setPaymentAddress(state, london);
    expect(await checkout.placeOrder(state)).toEqual({ ok: false, problem: { code: 'SHIPPING_METHOD_REQUIRED' } });
    expect(store.calls).not.toContain('order/add');
  });

  it('re-quotes shipping after a currency change and starts over cleanly', async () => {
    const { store, checkout, state } = setup();
    await fillCheckout(checkout, state);
    expect((await checkout.setCurrency(state, 'EUR')).ok).toBe(true);
    expect(state.draft.shippingMethod).toEqual({ code: 'flat.flat', title: 'Flat Shipping Rate', text: '4.60€' });
    expect(sessionOf(store, state).shippingMethod).toBe('flat.flat');
    expect(await checkout.setCurrency(state, 'XXX')).toEqual({ ok: false, problem: expect.objectContaining({ code: 'INVALID_CURRENCY' }) });
    await checkout.startOver(state);
    expect(state).toEqual({ draft: emptyDraft(), session: null });
  });

  it('ships to a separate address when asked and re-chooses shipping for it', async () => {
    const { store, checkout, state } = setup();
    await fillCheckout(checkout, state);
    const berlin: Address = { ...london, city: 'Berlin', countryId: 81, zoneId: 1256, postcode: '10115' };
    expect((await checkout.setShippingAddress(state, berlin)).ok).toBe(true);
    expect(sessionOf(store, state).shippingAddress?.city).toBe('Berlin');
    expect((await checkout.summary(state)).ok).toBe(true);
    expect(sessionOf(store, state).shippingMethod).toBe('flat.flat');
    const refused = await checkout.setShippingAddress(state, { ...berlin, city: 'B' });
    expect(refused.ok).toBe(false);
    expect(state.draft.shippingAddress?.city).toBe('Berlin');
    expect((await checkout.summary(state)).ok).toBe(true); // the refused call deleted it; sent again when needed
    expect(sessionOf(store, state).shippingAddress?.city).toBe('Berlin');
  });

  it('puts coupon and voucher back when the session is rebuilt, and drops those OpenCart refuses now', async () => {
    const { store, checkout, state } = setup();
    await fillCheckout(checkout, state);
    expect((await checkout.applyCoupon(state, '2222')).ok).toBe(true);
    expect((await checkout.applyVoucher(state, 'GIFT100')).ok).toBe(true);
    store.expireAllSessions();
    expect((await checkout.cart(state)).ok).toBe(true);
    expect(sessionOf(store, state)).toMatchObject({ coupon: '2222', voucher: 'GIFT100', customer: contact });
    state.draft.coupon = 'EXPIRED1';
    store.expireAllSessions();
    expect((await checkout.cart(state)).ok).toBe(true);
    expect(state.draft.coupon).toBeNull();
  });

  it('writes no e-mail address or phone number to the log', async () => {
    const clock = new ManualClock();
    const store = new FakeOpenCart(clock);
    let output = '';
    const sink = new Writable({ write(chunk: Buffer, _encoding, next) { output += chunk.toString(); next(); } });
    // No time, pid or host in the lines: their digits could match the phone number looked for.
    const logger = pino({ level: 'debug', timestamp: false, base: null }, sink);
    const checkout = createCheckoutService({ sessions: store.factory(), clock, logger });
    const state: CheckoutState = { draft: emptyDraft(), session: null };
    await fillCheckout(checkout, state);
    await checkout.setContact(state, { ...contact, email: 'broken' });
    store.expireAllSessions();
    store.orderAddTransportFailure = 'after';
    store.orderInfoHidesOrders = true;
    await checkout.placeOrder(state);
    expect(output).toContain('order/add outcome unknown');
    expect(output).not.toMatch(/rita@example\.com|7946|broken/);
  });
});
