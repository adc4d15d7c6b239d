import { ManualClock } from '../../src/clock';
import { startDemoStore, type DemoStoreHandle } from '../../src/demo-store';
import { createCheckoutService } from '../../src/domain/checkout';
import type { CheckoutService, CheckoutState } from '../../src/domain/checkout-port';
import { emptyDraft, type Address } from '../../src/domain/draft';
import { createSessionFactory } from '../../src/opencart';

/**
 * A customer signed in on the storefront orders as themselves: api/customer gets their customer_id (corpus 11), which
 * logs the API session in as them; OpenCart then keys cart lines by customer, so lines added as a guest must be sent again.
 */
const rita = { firstname: 'Rita', lastname: 'Rewards', email: 'rita@example.com', telephone: '+44 20 7946 0000' };
const uk: Address = {
  firstname: 'Rita', lastname: 'Rewards', company: '', address1: '10 Downing Street', address2: '', city: 'London',
  postcode: 'SW1A 2AA', countryId: 222, countryName: 'United Kingdom', zoneId: 3553, zoneName: 'Greater London',
};
const iphone = { productId: 40, name: 'iPhone', quantity: 1, minimum: 1, options: {}, optionLabels: [], thumb: null };
const canonRed = { productId: 30, name: 'Canon EOS 5D', quantity: 2, minimum: 1, options: { '226': '15' }, optionLabels: [], thumb: null };

let store: DemoStoreHandle;
let checkout: CheckoutService;
let state: CheckoutState;
const customerCalls: string[] = [];

beforeEach(async () => {
  const clock = new ManualClock();
  store = await startDemoStore({ port: 0, clock });
  const real = createSessionFactory({ baseUrl: store.url, username: store.username, apiKey: store.apiKey }, { clock, timeoutMs: 5_000 });
  customerCalls.length = 0;
  checkout = createCheckoutService({
    clock,
    sessions: (session, hooks) => {
      const api = real(session, hooks);
      const customer = api.customer.bind(api);
      api.customer = (input) => {
        customerCalls.push(String(input.customer_id ?? 'guest'));
        return customer(input);
      };
      return api;
    },
  });
  state = { draft: emptyDraft(), session: null };
});

afterEach(() => store.close());

const nextTurn = () => {
  state = JSON.parse(JSON.stringify(state)) as CheckoutState;
};

async function addLines(): Promise<void> {
  for (const line of [iphone, canonRed]) {
    expect((await checkout.addLine(state, line)).ok).toBe(true);
    nextTurn();
  }
}

async function finishAndPlace(): Promise<number> {
  expect((await checkout.setPaymentAddress(state, uk)).ok).toBe(true);
  expect((await checkout.setShippingAddress(state, 'same')).ok).toBe(true);
  nextTurn();
  expect((await checkout.chooseShipping(state, 'flat.flat')).ok).toBe(true);
  expect((await checkout.choosePayment(state, 'cod')).ok).toBe(true);
  nextTurn();
  const placed = await checkout.placeOrder(state);
  if (!placed.ok) throw new Error(`order refused: ${JSON.stringify(placed.problem)}`);
  return placed.value.orderId;
}

function theOrder(orderId: number) {
  const order = store.hooks.orders().find((o) => o.orderId === orderId)!;
  const products = order.products.map((p) => ({ productId: p.productId, quantity: p.quantity }));
  return { customerId: String(order.info.customer_id), email: order.info.email, products };
}

const BOTH_LINES = [{ productId: 40, quantity: 1 }, { productId: 30, quantity: 2 }];

describe('a signed-in customer orders under their OpenCart account', () => {
  it('contact prefilled from the identity: logged in before the first line, the order is theirs with every line', async () => {
    Object.assign(state.draft, { customerId: 1, contact: rita });
    await addLines();
    const order = theOrder(await finishAndPlace());
    expect(order).toMatchObject({ customerId: '1', email: 'rita@example.com' });
    expect(order.products).toEqual(expect.arrayContaining(BOTH_LINES));
    expect(order.products).toHaveLength(2);
    expect(customerCalls[0]).toBe('1');
  });

  it('the telephone typed later: logging in after the lines sends them again, nothing doubled or lost', async () => {
    state.draft.customerId = 1;
    await addLines();
    expect((await checkout.setContact(state, rita)).ok).toBe(true);
    nextTurn();
    const order = theOrder(await finishAndPlace());
    expect(order.customerId).toBe('1');
    expect(order.products).toEqual(expect.arrayContaining(BOTH_LINES));
    expect(order.products).toHaveLength(2);
  });

  it('a guest sends no customer_id and the order is a guest order', async () => {
    await addLines();
    expect((await checkout.setContact(state, { ...rita, email: 'guest@example.com' })).ok).toBe(true);
    const order = theOrder(await finishAndPlace());
    expect(order.customerId).toBe('0');
    expect(customerCalls.every((call) => call === 'guest')).toBe(true);
  });

  it('reward points: Rita (500 points) is offered what the cart takes (HTC Touch HD: 200), uses them, and the totals count them', async () => {
    Object.assign(state.draft, { customerId: 1, contact: rita });
    const htc = { productId: 28, name: 'HTC Touch HD', quantity: 1, minimum: 1, options: {}, optionLabels: [], thumb: null };
    expect((await checkout.addLine(state, htc)).ok).toBe(true);
    nextTurn();
    expect(await checkout.rewardOffer(state)).toEqual({ ok: true, value: { available: 500, usable: 200 } });
    expect((await checkout.useReward(state, 200)).ok).toBe(true);
    expect(state.draft.reward).toBe(200);
    nextTurn();
    const summary = await checkout.summary(state);
    expect(summary.ok && summary.value.totals.map((line) => line.title).join('|')).toMatch(/Reward Points \(200\)/);
    expect((await checkout.useReward(state, 600)).ok).toBe(false); // more than Rita has: OpenCart refuses
  });

  it('reward points: a guest session is offered none', async () => {
    await addLines();
    expect(await checkout.rewardOffer(state)).toEqual({ ok: true, value: null });
  });
});
