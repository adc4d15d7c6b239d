import { ManualClock } from '../../src/clock';
import { startDemoStore, type DemoStoreHandle } from '../../src/demo-store';
import { createCheckoutService } from '../../src/domain/checkout';
import type { CheckoutService, CheckoutState } from '../../src/domain/checkout-port';
import { emptyDraft, type Address } from '../../src/domain/draft';
import { createSessionFactory, type OpenCartSessionFactory } from '../../src/opencart';

/** The checkout over real HTTP: the OpenCart client against the demo store (an OpenCart 3.0.5.1 look-alike). */
const MINUTE = 60_000;
const uk: Address = {
  firstname: 'Rita', lastname: 'Smith', company: '', address1: '10 Downing Street', address2: '', city: 'London',
  postcode: 'SW1A 2AA', countryId: 222, countryName: 'United Kingdom', zoneId: 3553, zoneName: 'Greater London',
};
const contact = { firstname: 'Rita', lastname: 'Smith', email: 'rita@example.com', telephone: '+44 20 7946 0958' };
const iphone = { productId: 40, name: 'iPhone', quantity: 1, minimum: 1, options: {}, optionLabels: [], thumb: null };
const canonRed = { productId: 30, name: 'Canon EOS 5D', quantity: 1, minimum: 1, options: { '226': '15' }, optionLabels: [], thumb: null };

let store: DemoStoreHandle;
let clock: ManualClock;
let checkout: CheckoutService;
let state: CheckoutState;
/** Set to make the connection of the next order/add break before OpenCart reads it. */
let breakNextOrderAdd = false;

beforeEach(async () => {
  clock = new ManualClock();
  store = await startDemoStore({ port: 0, clock });
  const realSessions = createSessionFactory(
    { baseUrl: store.url, username: store.username, apiKey: store.apiKey },
    { clock, timeoutMs: 5_000 },
  );
  breakNextOrderAdd = false;
  const sessions: OpenCartSessionFactory = (session, hooks) => {
    const api = realSessions(session, hooks);
    const orderAdd = api.orderAdd.bind(api);
    api.orderAdd = (input) => {
      if (breakNextOrderAdd) store.hooks.failNextRequests(1);
      breakNextOrderAdd = false;
      return orderAdd(input);
    };
    return api;
  };
  checkout = createCheckoutService({ sessions, clock });
  state = { draft: emptyDraft(), session: null };
});

afterEach(async () => {
  await store.close();
});

/** What conversation state storage does between turns. */
function nextTurn(): void {
  state = JSON.parse(JSON.stringify(state)) as CheckoutState;
}

async function fillCheckout(): Promise<void> {
  expect((await checkout.addLine(state, iphone)).ok).toBe(true);
  nextTurn();
  expect((await checkout.addLine(state, canonRed)).ok).toBe(true);
  nextTurn();
  expect((await checkout.setContact(state, contact)).ok).toBe(true);
  expect((await checkout.setPaymentAddress(state, uk)).ok).toBe(true);
  expect((await checkout.setShippingAddress(state, 'same')).ok).toBe(true);
  nextTurn();
  await chooseMethods();
}

async function chooseMethods(): Promise<void> {
  const shipping = await checkout.shippingOptions(state);
  expect(shipping.ok && shipping.value.flatMap((method) => method.quotes.map((quote) => quote.code))).toContain('flat.flat');
  expect(await checkout.chooseShipping(state, 'flat.flat')).toEqual({ ok: true, value: undefined });
  nextTurn();
  const payment = await checkout.paymentOptions(state);
  expect(payment.ok && payment.value.map((method) => method.code)).toContain('cod');
  expect(await checkout.choosePayment(state, 'cod')).toEqual({ ok: true, value: undefined });
  nextTurn();
}

function expectTheOrder(orderId: number): void {
  const orders = store.hooks.orders();
  expect(orders).toHaveLength(1);
  const [order] = orders;
  expect(order.orderId).toBe(orderId);
  expect(order.info).toMatchObject({
    email: contact.email, telephone: contact.telephone, payment_code: 'cod', shipping_code: 'flat.flat',
    payment_country_id: '222', payment_zone_id: '3553', shipping_country_id: '222', shipping_zone_id: '3553',
    shipping_city: 'London',
  });
  const products = order.products.map((p) => ({ productId: p.productId, quantity: p.quantity, values: p.options.map((o) => o.productOptionValueId) }));
  expect(products).toEqual(
    expect.arrayContaining([{ productId: 40, quantity: 1, values: [] }, { productId: 30, quantity: 1, values: [15] }]),
  );
  expect(products).toHaveLength(2);
}

describe('CheckoutService over HTTP against the demo store', () => {
  it('places a complete order (iPhone + red Canon, UK address, flat rate, cash on delivery)', async () => {
    await fillCheckout();
    const placed = await checkout.placeOrder(state);
    if (!placed.ok) throw new Error(`order refused: ${JSON.stringify(placed.problem)}`);
    expect(placed.value.alreadyPlaced).toBe(false);
    expectTheOrder(placed.value.orderId);
    expect(state.draft).toMatchObject({ status: 'placed', orderId: placed.value.orderId });
    nextTurn();
    expect(await checkout.placeOrder(state)).toEqual({ ok: true, value: { orderId: placed.value.orderId, alreadyPlaced: true } });
    expect(store.hooks.orders()).toHaveLength(1);
  });

  it('completes the order with the same data when the OpenCart session dies mid-checkout', async () => {
    expect((await checkout.addLine(state, iphone)).ok).toBe(true);
    expect((await checkout.addLine(state, canonRed)).ok).toBe(true);
    expect((await checkout.setContact(state, contact)).ok).toBe(true);
    expect((await checkout.setPaymentAddress(state, uk)).ok).toBe(true);
    nextTurn();
    store.hooks.expireAllSessions(); // between asking the address and the shipping method
    await chooseMethods();
    const tokenBefore = state.session?.token;
    store.hooks.expireAllSessions(); // and again right before the order
    const placed = await checkout.placeOrder(state);
    if (!placed.ok) throw new Error(`order refused: ${JSON.stringify(placed.problem)}`);
    expect(state.session?.token).not.toBe(tokenBefore);
    expectTheOrder(placed.value.orderId);
  });

  it('re-adds cart lines OpenCart deleted after an hour before order/add, in the same live session', async () => {
    await fillCheckout();
    const token = state.session?.token;
    for (const step of [20, 20, 21]) {
      clock.advance(step * MINUTE); // touching the session every 20 min keeps token and session data alive
      expect((await checkout.setContact(state, contact)).ok).toBe(true);
      const cart = await checkout.cart(state); // read only when a line is due to expire (1 h after it was added)
      expect(cart.ok && cart.value.lines.length).toBe(2);
      nextTurn();
    }
    expect(state.session?.token).toBe(token);
    const placed = await checkout.placeOrder(state);
    if (!placed.ok) throw new Error(`order refused: ${JSON.stringify(placed.problem)}`);
    expect(state.session?.token).toBe(token);
    expectTheOrder(placed.value.orderId);
  });

  it('survives 61 idle minutes (token and cart lines both gone) without asking anything again', async () => {
    await fillCheckout();
    clock.advance(61 * MINUTE);
    const placed = await checkout.placeOrder(state);
    if (!placed.ok) throw new Error(`order refused: ${JSON.stringify(placed.problem)}`);
    expectTheOrder(placed.value.orderId);
  });

  it('makes exactly one order of two placeOrder calls at once', async () => {
    await fillCheckout();
    const results = await Promise.all([checkout.placeOrder(state), checkout.placeOrder(state)]);
    const orders = store.hooks.orders();
    expect(orders).toHaveLength(1);
    expect(results).toEqual([
      { ok: true, value: { orderId: orders[0].orderId, alreadyPlaced: false } },
      { ok: true, value: { orderId: orders[0].orderId, alreadyPlaced: true } },
    ]);
  });

  it('re-quotes and re-chooses the methods after the cart changed', async () => {
    await fillCheckout();
    const before = await checkout.summary(state);
    const shippingLine = (totals: { title: string }[]) => totals.some((total) => /flat/i.test(total.title));
    expect(before.ok && shippingLine(before.value.totals)).toBe(true);
    expect((await checkout.addLine(state, { ...iphone, quantity: 2 })).ok).toBe(true);
    nextTurn();
    const after = await checkout.summary(state);
    if (!after.ok) throw new Error('no summary');
    expect(after.value.cart.lines.find((line) => line.productId === 40)?.quantity).toBe(3);
    expect(shippingLine(after.value.totals)).toBe(true); // shipping chosen again in OpenCart, not only in the draft
    expect(after.value.draft).toMatchObject({ shippingMethod: { code: 'flat.flat' }, paymentMethod: { code: 'cod' } });
    const placed = await checkout.placeOrder(state);
    expect(placed.ok).toBe(true);
    expect(store.hooks.orders()[0].products.find((p) => p.productId === 40)?.quantity).toBe(3);
  });

  it('never orders twice after a transport failure of order/add', async () => {
    await fillCheckout();
    breakNextOrderAdd = true;
    await expect(checkout.placeOrder(state)).rejects.toThrow();
    expect(store.hooks.orders()).toHaveLength(0);
    expect(state.draft.status).toBe('open');
    const placed = await checkout.placeOrder(state);
    expect(placed.ok).toBe(true);
    expect(store.hooks.orders()).toHaveLength(1);
  });

  it('reopens the draft when OpenCart refuses the order (out of stock)', async () => {
    await fillCheckout();
    store.hooks.setConfig('config_stock_checkout', 0);
    store.hooks.setStock(40, 0);
    const refused = await checkout.placeOrder(state);
    expect(refused).toEqual({ ok: false, problem: expect.objectContaining({ code: 'STOCK' }) });
    expect(state.draft).toMatchObject({ status: 'open', placementId: null, orderId: null });
    expect(store.hooks.orders()).toHaveLength(0);
    store.hooks.setStock(40, 100);
    expect((await checkout.placeOrder(state)).ok).toBe(true);
    expect(store.hooks.orders()).toHaveLength(1);
  });

  it('the shop down during order/add: the draft stays placing, the next press looks first and places once', async () => {
    await fillCheckout();
    expect((await checkout.summary(state)).ok).toBe(true);
    nextTurn();
    store.hooks.failNextRequests(1000);
    await expect(checkout.placeOrder(state)).rejects.toThrow();
    expect(state.draft.status).toBe('placing');
    store.hooks.failNextRequests(0);
    nextTurn();
    const placed = await checkout.placeOrder(state);
    if (!placed.ok) throw new Error(`order refused: ${JSON.stringify(placed.problem)}`);
    expectTheOrder(placed.value.orderId);
  });
});
