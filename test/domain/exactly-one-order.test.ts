import { ManualClock } from '../../src/clock';
import { startDemoStore, type DemoStoreHandle } from '../../src/demo-store';
import { createCheckoutService } from '../../src/domain/checkout';
import type { CheckoutService, CheckoutState } from '../../src/domain/checkout-port';
import { emptyDraft, type Address } from '../../src/domain/draft';
import { createSessionFactory } from '../../src/opencart';

/**
 * order/add's answer lost after the store took the order (and the cart check after it failing too), or the process
 * dying while it was on its way: the outcome is settled by looking, and the store never gets a second order.
 */
const uk: Address = {
  firstname: 'Rita', lastname: 'Smith', company: '', address1: '10 Downing Street', address2: '', city: 'London',
  postcode: 'SW1A 2AA', countryId: 222, countryName: 'United Kingdom', zoneId: 3553, zoneName: 'Greater London',
};
const contact = { firstname: 'Rita', lastname: 'Smith', email: 'rita@example.com', telephone: '+44 20 7946 0958' };
const iphone = { productId: 40, name: 'iPhone', quantity: 1, minimum: 1, options: {}, optionLabels: [], thumb: null };
/** More failures than the client's retries of one repeatable call (1 + 2). */
const CART_CHECK_FAILS = 3;

let store: DemoStoreHandle;
let clock: ManualClock;

beforeAll(async () => {
  clock = new ManualClock();
  store = await startDemoStore({ clock });
  store.hooks.setStock(40, 100_000);
});
afterAll(() => store.close());

function newService(): CheckoutService {
  const sessions = createSessionFactory(
    { baseUrl: store.url, username: store.username, apiKey: store.apiKey },
    { clock, retryDelayMs: () => 1 },
  );
  return createCheckoutService({ sessions, clock });
}

const nextTurn = (state: CheckoutState): CheckoutState => JSON.parse(JSON.stringify(state)) as CheckoutState;

async function readyToPlace(checkout: CheckoutService): Promise<CheckoutState> {
  const state: CheckoutState = { draft: emptyDraft(), session: null };
  for (const step of [
    () => checkout.addLine(state, iphone),
    () => checkout.setContact(state, contact),
    () => checkout.setPaymentAddress(state, uk),
    () => checkout.setShippingAddress(state, 'same'),
    () => checkout.chooseShipping(state, 'flat.flat'),
    () => checkout.choosePayment(state, 'cod'),
    () => checkout.summary(state),
  ]) {
    const result = await step();
    if (!result.ok) throw new Error(`checkout step refused: ${result.problem.code}`);
  }
  return nextTurn(state);
}

const orderAdds = () => store.hooks.callCounts()['api/order/add'] ?? 0;

describe('exactly one order when order/add is answered by nobody', () => {
  beforeEach(() => store.hooks.resetCallCounts());

  it.each([1, 2, 3, 4, 5])('trial %i: answer lost, cart check failing: the order is found, and pressing again orders nothing', async () => {
    const checkout = newService();
    const state = await readyToPlace(checkout);
    const ordersBefore = store.hooks.orders().length;
    store.hooks.dropAnswersOf('api/order/add', 1, CART_CHECK_FAILS);

    const placed = await checkout.placeOrder(state);

    const orders = store.hooks.orders();
    expect(orders).toHaveLength(ordersBefore + 1);
    const orderId = orders[orders.length - 1].orderId;
    expect(placed).toEqual({ ok: true, value: { orderId, alreadyPlaced: false } });
    expect(state.draft).toMatchObject({ status: 'placed', orderId });
    const again = await checkout.placeOrder(nextTurn(state));
    expect(again).toEqual({ ok: true, value: { orderId, alreadyPlaced: true } });
    expect(store.hooks.orders()).toHaveLength(ordersBefore + 1);
    expect(orderAdds()).toBe(1);
  });

  it('the process died during order/add: the saved placing draft is settled by a fresh service by looking', async () => {
    const checkout = newService();
    const state = await readyToPlace(checkout);
    const ordersBefore = store.hooks.orders().length;
    let saved: CheckoutState | null = null;
    store.hooks.dropAnswersOf('api/order/add', 1, 1_000); // the store goes quiet: this process learns nothing
    await checkout.placeOrder(state, { beforeSend: async () => void (saved = nextTurn(state)) }).catch(() => undefined);
    store.hooks.failNextRequests(0);
    if (!saved) throw new Error('beforeSend was not called');
    const restored: CheckoutState = saved;
    expect(restored.draft.status).toBe('placing');

    const fresh = newService(); // the next process: knows no order ids, only what was saved
    const cart = await fresh.cart(restored);
    expect(cart.ok).toBe(true);
    const orders = store.hooks.orders();
    expect(orders).toHaveLength(ordersBefore + 1);
    expect(restored.draft).toMatchObject({ status: 'placed', orderId: orders[orders.length - 1].orderId });
    expect(await fresh.placeOrder(restored)).toEqual({ ok: true, value: { orderId: orders[orders.length - 1].orderId, alreadyPlaced: true } });
    expect(orderAdds()).toBe(1);
  });

  it('a beforeSend that fails sends nothing and leaves the draft open', async () => {
    const checkout = newService();
    const state = await readyToPlace(checkout);
    await expect(checkout.placeOrder(state, { beforeSend: () => Promise.reject(new Error('disk full')) })).rejects.toThrow('disk full');
    expect(state.draft).toMatchObject({ status: 'open', placementId: null });
    expect(orderAdds()).toBe(0);
    const placed = await checkout.placeOrder(state);
    if (!placed.ok) throw new Error(`order refused: ${placed.problem.code}`);
    expect(orderAdds()).toBe(1);
  });
});
