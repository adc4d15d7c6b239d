import { ManualClock } from '../../src/clock';
import { startDemoStore, type DemoStoreHandle } from '../../src/demo-store';
import { createSessionFactory, type AddressInput, type OpenCartSessionFactory } from '../../src/opencart';

const UK: AddressInput = {
  firstname: 'Jane',
  lastname: 'Smith',
  company: 'Acme Ltd',
  address_1: '10 Downing Street',
  city: 'London',
  postcode: 'SW1A 2AA',
  country_id: 222,
  zone_id: 3553,
};
const JANE = { firstname: 'Jane', lastname: 'Smith', email: 'jane@example.com', telephone: '+44 20 7946 0000' };

let store: DemoStoreHandle;
let factory: OpenCartSessionFactory;

beforeAll(async () => {
  const clock = new ManualClock();
  store = await startDemoStore({ clock });
  factory = createSessionFactory({ baseUrl: store.url, username: store.username, apiKey: store.apiKey }, { clock, maxRetries: 0 });
});

afterAll(() => store.close());

test('full order flow over HTTP: options, customer, UK addresses 222/3553, methods, order/add, order/info', async () => {
  const api = factory(null);
  expect(await api.login()).toMatchObject({ ok: true });

  expect(await api.cartAdd({ productId: 30, quantity: 1 })).toMatchObject({ ok: false, code: 'OPTION_REQUIRED', optionIds: [226] });
  expect(await api.cartAdd({ productId: 30, quantity: 1, options: { '226': '15' } })).toEqual({ ok: true, value: undefined });
  expect(await api.cartAdd({ productId: 40, quantity: 2 })).toEqual({ ok: true, value: undefined });

  const cart = await api.cartProducts();
  if (!cart.ok) throw new Error(cart.code);
  expect(cart.value.lines.map((l) => [l.productId, l.quantity])).toEqual([
    [30, 1],
    [40, 2],
  ]);
  expect(cart.value.lines[0]!.options).toEqual([
    expect.objectContaining({ productOptionId: 226, productOptionValueId: 15, value: 'Red', type: 'select' }),
  ]);

  expect((await api.customer(JANE)).ok).toBe(true);
  expect((await api.paymentAddress(UK)).ok).toBe(true);
  expect((await api.shippingAddress(UK)).ok).toBe(true);

  const shipping = await api.shippingMethods();
  if (!shipping.ok) throw new Error(shipping.code);
  expect(shipping.value.flatMap((m) => m.quotes.map((q) => q.code))).toContain('flat.flat');
  expect((await api.shippingMethod('flat.flat')).ok).toBe(true);

  const payment = await api.paymentMethods();
  if (!payment.ok) throw new Error(payment.code);
  expect(payment.value.map((m) => m.code)).toContain('cod');
  expect((await api.paymentMethod('cod')).ok).toBe(true);

  const placed = await api.orderAdd({ comment: 'via the client' });
  if (!placed.ok) throw new Error(`${placed.code}: ${placed.message}`);
  expect(placed.value.orderId).toBeGreaterThan(0);

  const info = await api.orderInfo(placed.value.orderId);
  expect(info).toMatchObject({
    ok: true,
    value: {
      orderId: placed.value.orderId,
      email: 'jane@example.com',
      paymentCode: 'cod',
      shippingCode: 'flat.flat',
      paymentCountryId: 222,
      shippingCountryId: 222,
      shippingZoneId: 3553,
    },
  });
  const order = store.hooks.orders().find((o) => o.orderId === placed.value.orderId);
  expect(order?.products.map((p) => p.productId)).toEqual([30, 40]);

  // The cart is empty after the order; a second order/add fails with the stock message.
  expect(await api.orderAdd()).toMatchObject({ ok: false, code: 'STOCK' });
  expect(await api.orderInfo(999999)).toMatchObject({ ok: false, code: 'NOT_FOUND' });
});

test('expired session: the client logs in again, the hook rebuilds the cart, the call is retried', async () => {
  let rebuilds = 0;
  const api = factory(null, {
    onRenewed: async (inner) => {
      rebuilds += 1;
      expect((await inner.cartAdd({ productId: 40, quantity: 3 })).ok).toBe(true);
    },
  });
  expect((await api.cartAdd({ productId: 40, quantity: 3 })).ok).toBe(true);
  const firstToken = api.state.token;
  store.hooks.expireAllSessions();

  const cart = await api.cartProducts();
  expect(rebuilds).toBe(1);
  expect(api.state.token).not.toBe(firstToken);
  expect(cart).toMatchObject({ ok: true, value: { lines: [expect.objectContaining({ productId: 40, quantity: 3 })] } });
});
