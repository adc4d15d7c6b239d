import { ManualClock } from '../../src/clock';
import { startDemoStore, type DemoStoreHandle } from '../../src/demo-store';
import { createCheckoutService } from '../../src/domain/checkout';
import { amountRange } from '../../src/domain/checkout/voucher-operations';
import type { CheckoutService, CheckoutState } from '../../src/domain/checkout-port';
import { emptyDraft, type Address } from '../../src/domain/draft';
import { createSessionFactory } from '../../src/opencart';

/** Gift vouchers bought through the checkout, over HTTP against the demo store (corpus 18-voucher.json). */
const uk: Address = {
  firstname: 'Rita', lastname: 'Smith', company: '', address1: '10 Downing Street', address2: '', city: 'London',
  postcode: 'SW1A 2AA', countryId: 222, countryName: 'United Kingdom', zoneId: 3553, zoneName: 'Greater London',
};
const contact = { firstname: 'Rita', lastname: 'Smith', email: 'rita@example.com', telephone: '+44 20 7946 0958' };
const iphone = { productId: 40, name: 'iPhone', quantity: 1, minimum: 1, options: {}, optionLabels: [], thumb: null };
const forBob = { fromName: 'Rita Smith', fromEmail: 'rita@example.com', toName: 'Bob', toEmail: 'bob@example.com', message: 'Happy birthday', amount: 25 };

let store: DemoStoreHandle;
let checkout: CheckoutService;
let state: CheckoutState;

beforeEach(async () => {
  const clock = new ManualClock();
  store = await startDemoStore({ port: 0, clock });
  const sessions = createSessionFactory({ baseUrl: store.url, username: store.username, apiKey: store.apiKey }, { clock, timeoutMs: 5_000 });
  checkout = createCheckoutService({ sessions, clock });
  state = { draft: emptyDraft(), session: null };
});
afterEach(() => store.close());

function nextTurn(): void {
  state = JSON.parse(JSON.stringify(state)) as CheckoutState;
}

async function toPayment(payment = 'cod'): Promise<void> {
  expect((await checkout.setContact(state, contact)).ok).toBe(true);
  expect((await checkout.setPaymentAddress(state, uk)).ok).toBe(true);
  expect((await checkout.setShippingAddress(state, 'same')).ok).toBe(true);
  nextTurn();
  if (await checkout.needsShipping(state)) expect((await checkout.chooseShipping(state, 'flat.flat')).ok).toBe(true);
  expect((await checkout.choosePayment(state, payment)).ok).toBe(true);
  nextTurn();
}

describe('gift vouchers through the checkout', () => {
  it('adds one (OpenCart\'s description and price kept), pays it with the iPhone, and the order holds it', async () => {
    expect((await checkout.addLine(state, iphone)).ok).toBe(true);
    const added = await checkout.addGiftVoucher(state, forBob);
    expect(added).toMatchObject({ ok: true, value: { toName: 'Bob', description: '$25.00 Gift Certificate for Bob', price: '$25.00' } });
    nextTurn();
    await toPayment();
    const summary = await checkout.summary(state);
    expect(summary.ok && summary.value.cart.vouchers).toEqual([expect.objectContaining({ description: '$25.00 Gift Certificate for Bob' })]);
    expect(summary.ok && summary.value.totals.find((t) => t.title === 'Sub-Total')?.text).toBe('$126.00');
    const placed = await checkout.placeOrder(state);
    expect(placed.ok).toBe(true);
    const [order] = store.hooks.orders();
    expect(order.vouchers).toEqual([
      { description: '$25.00 Gift Certificate for Bob', fromName: 'Rita Smith', fromEmail: 'rita@example.com', toName: 'Bob', toEmail: 'bob@example.com', message: 'Happy birthday', amount: 25 },
    ]);
    expect(order.totals.find((t) => t.code === 'sub_total')?.value).toBe(126);
  });

  it('a gift voucher alone is an order too (nothing ships, so no cash on delivery)', async () => {
    expect((await checkout.addGiftVoucher(state, forBob)).ok).toBe(true);
    nextTurn();
    await toPayment('bank_transfer');
    expect(await checkout.needsShipping(state)).toBe(false);
    expect((await checkout.placeOrder(state)).ok).toBe(true);
    expect(store.hooks.orders()[0]).toMatchObject({ products: [], vouchers: [expect.objectContaining({ toName: 'Bob', amount: 25 })] });
  });

  it('OpenCart\'s amount limits come back as the amount field with the shop\'s figures; emails as their fields', async () => {
    for (const amount of [0.5, 5000]) {
      const refused = await checkout.addGiftVoucher(state, { ...forBob, amount });
      expect(refused).toEqual({ ok: false, problem: expect.objectContaining({ code: 'FIELD_INVALID', fields: ['amount'], range: { min: '$1.00', max: '$1,000.00' } }) });
    }
    const badMail = await checkout.addGiftVoucher(state, { ...forBob, toEmail: 'bob' });
    expect(badMail).toEqual({ ok: false, problem: expect.objectContaining({ code: 'FIELD_INVALID', fields: ['to_email'] }) });
    expect(state.draft.giftVouchers).toEqual([]);
  });

  it('is removed like a line (cart/remove with its code), and the other one stays', async () => {
    await checkout.addLine(state, iphone);
    const first = await checkout.addGiftVoucher(state, forBob);
    const second = await checkout.addGiftVoucher(state, { ...forBob, toName: 'Ann', amount: 10 });
    if (!first.ok || !second.ok) throw new Error('not added');
    nextTurn();
    expect(await checkout.removeGiftVoucher(state, first.value.voucherId)).toEqual({ ok: true, value: undefined });
    const cart = await checkout.cart(state);
    expect(cart.ok && cart.value.vouchers.map((v) => v.description)).toEqual(['$10.00 Gift Certificate for Ann']);
    expect(state.draft.giftVouchers.map((v) => v.toName)).toEqual(['Ann']);
    expect((await checkout.removeGiftVoucher(state, 'nope')).ok).toBe(false);
  });

  it('a session OpenCart forgot is rebuilt with the gift vouchers, once each', async () => {
    await checkout.addLine(state, iphone);
    await checkout.addGiftVoucher(state, forBob);
    nextTurn();
    store.hooks.expireAllSessions();
    store.hooks.resetCallCounts();
    await toPayment();
    expect((await checkout.placeOrder(state)).ok).toBe(true);
    expect(store.hooks.callCounts()['api/voucher/add']).toBe(1);
    expect(store.hooks.orders()[0].vouchers).toEqual([expect.objectContaining({ description: '$25.00 Gift Certificate for Bob' })]);
  });

  it('reads the limits out of the refusal in other formats, and nothing from text without two figures', () => {
    expect(amountRange('Amount must be between $1.00 and $1,000.00!')).toEqual({ min: '$1.00', max: '$1,000.00' });
    expect(amountRange('Der Betrag muss zwischen 0,78€ und 784,60€ liegen!')).toEqual({ min: '0,78€', max: '784,60€' });
    expect(amountRange('E-Mail Address does not appear to be valid!')).toBeNull();
  });

  it('the amount is read in the session currency (EUR here): OpenCart prices and orders it converted', async () => {
    expect((await checkout.setCurrency(state, 'EUR')).ok).toBe(true);
    nextTurn();
    const added = await checkout.addGiftVoucher(state, { ...forBob, amount: 40 });
    expect(added).toMatchObject({ ok: true, value: { price: '40.00€' } });
  });
});
