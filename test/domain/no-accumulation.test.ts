import asyncHooks from 'node:async_hooks';
import { countAsyncLocalStorages } from '../ops/async-local-storage';
import { ManualClock } from '../../src/clock';
import { startDemoStore, type DemoStoreHandle } from '../../src/demo-store';
import { createCheckoutService } from '../../src/domain/checkout';
import type { CheckoutService, CheckoutState } from '../../src/domain/checkout-port';
import { emptyDraft, type Address } from '../../src/domain/draft';
import { createSessionFactory } from '../../src/opencart';

/**
 * Nothing per operation or per order may outlive its turn: after 200 whole orders the process holds as many
 * AsyncLocalStorage instances, active handles and timers, and listeners as after 10. Counted, not timed.
 */
const london: Address = {
  firstname: 'Rita', lastname: 'Smith', company: '', address1: '10 Downing Street', address2: '', city: 'London',
  postcode: 'SW1A 2AA', countryId: 222, countryName: 'United Kingdom', zoneId: 3553, zoneName: 'Greater London',
};
const contact = { firstname: 'Rita', lastname: 'Smith', email: 'rita@example.com', telephone: '+44 20 7946 0958' };
const iphone = { productId: 40, name: 'iPhone', quantity: 1, minimum: 1, options: {}, optionLabels: [], thumb: null };

function resourceCounts(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const kind of process.getActiveResourcesInfo()) counts[kind] = (counts[kind] ?? 0) + 1;
  return counts;
}

function processListeners(): number {
  return process.eventNames().reduce((sum, name) => sum + process.listenerCount(name), 0);
}

/** What conversation state storage does between turns. */
const nextTurn = (state: CheckoutState): CheckoutState => JSON.parse(JSON.stringify(state)) as CheckoutState;

/** One whole order, each operation in a turn of its own; then a new order in the same conversation. */
async function wholeOrder(checkout: CheckoutService, start: CheckoutState): Promise<CheckoutState> {
  let state = start;
  const turn = async <T>(operation: (s: CheckoutState) => Promise<T>): Promise<T> => {
    const result = await operation(state);
    state = nextTurn(state);
    return result;
  };
  await turn((s) => checkout.addLine(s, iphone));
  await turn((s) => checkout.cart(s));
  await turn((s) => checkout.setContact(s, contact));
  await turn((s) => checkout.setPaymentAddress(s, london));
  await turn((s) => checkout.setShippingAddress(s, 'same'));
  await turn((s) => checkout.shippingOptions(s));
  await turn((s) => checkout.chooseShipping(s, 'flat.flat'));
  await turn((s) => checkout.paymentOptions(s));
  await turn((s) => checkout.choosePayment(s, 'cod'));
  await turn((s) => checkout.summary(s));
  const placed = await turn((s) => checkout.placeOrder(s));
  if (!placed.ok) throw new Error(`order refused: ${placed.problem.code}`);
  return { ...state, draft: emptyDraft() };
}

describe('a long-running checkout leaves nothing behind per operation', () => {
  let store: DemoStoreHandle;
  let counter: ReturnType<typeof countAsyncLocalStorages>;
  beforeAll(async () => {
    counter = countAsyncLocalStorages();
    store = await startDemoStore({ clock: new ManualClock() });
    store.hooks.setStock(40, 1_000_000);
  });
  afterAll(async () => {
    counter.restore();
    await store.close();
  });

  it('the instrument sees an AsyncLocalStorage when one is made', () => {
    const before = counter.made();
    new asyncHooks.AsyncLocalStorage();
    expect(counter.made()).toBe(before + 1);
  });

  it('holds as many AsyncLocalStorages, handles, timers and listeners after 200 orders as after 10', async () => {
    const clock = new ManualClock();
    const sessions = createSessionFactory({ baseUrl: store.url, username: store.username, apiKey: store.apiKey }, { clock });
    const checkout = createCheckoutService({ sessions, clock });
    let state: CheckoutState = { draft: emptyDraft(), session: null };
    const measure = () => ({ storages: counter.made(), resources: resourceCounts(), listeners: processListeners() });

    for (let order = 0; order < 10; order++) state = await wholeOrder(checkout, state);
    const after10 = measure();
    for (let order = 0; order < 190; order++) state = await wholeOrder(checkout, state);
    const after200 = measure();

    expect(store.hooks.orders()).toHaveLength(200);
    expect(after200).toEqual(after10);
  }, 120_000);
});
