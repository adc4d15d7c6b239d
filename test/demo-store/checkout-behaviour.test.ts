import { ManualClock } from '../../src/clock';
import type { DemoStoreHandle } from '../../src/demo-store/handle';
import { startDemoStore } from '../../src/demo-store/index';
import { call, CUSTOMER, login, totalsOf, UK_ADDRESS, US_ADDRESS } from './api-client';

describe('demo store checkout behaviour', () => {
  let store: DemoStoreHandle;
  let token: string;

  beforeEach(async () => {
    store = await startDemoStore({ clock: new ManualClock() });
    token = await login(store);
  });
  afterEach(async () => { await store.close(); });

  const api = (route: string, form: Record<string, string> = {}) => call(store, route, form, token);

  it('taxes by the store address until a shipping address is set, then by that address', async () => {
    await api('api/cart/add', { product_id: '40' });
    expect(totalsOf(await api('api/cart/products'))).toEqual({ 'Sub-Total': '$101.00', 'Eco Tax (-2.00)': '$2.00', 'VAT (20%)': '$20.20', Total: '$123.20' });
    await api('api/shipping/address', US_ADDRESS);
    expect(totalsOf(await api('api/cart/products'))).toEqual({ 'Sub-Total': '$101.00', Total: '$101.00' });
    await api('api/shipping/address', UK_ADDRESS);
    expect(totalsOf(await api('api/cart/products')).Total).toBe('$123.20');
  });

  it('reports only the last failing order/add check', async () => {
    expect((await api('api/order/add')).json).toEqual({ error: 'Warning: Products marked with *** are not available in the desired quantity or not in stock!' });
    await api('api/cart/add', { product_id: '40' });
    expect((await api('api/order/add')).json).toEqual({ error: 'Warning: Shipping method required!' });
    await api('api/cart/add', { product_id: '42', quantity: '1', 'option[208]': 'a', 'option[209]': 'b', 'option[217]': '4', 'option[218]': '5',
      'option[219]': 'd', 'option[220]': 'e', 'option[221]': 'f', 'option[222]': 'g', 'option[223][]': '8' });
    expect((await api('api/order/add')).json).toEqual({ error: 'Warning: Minimum order amount for Apple Cinema 30&quot; is 2!' });
  });

  it('places an order with posted methods once quoted, empties the cart, keeps the order, subtracts stock', async () => {
    store.hooks.setStock(40, 1);
    await api('api/cart/add', { product_id: '40' });
    await api('api/customer', CUSTOMER);
    await api('api/payment/address', US_ADDRESS);
    await api('api/shipping/address', US_ADDRESS);
    await api('api/payment/methods');
    await api('api/shipping/methods');
    const placed = (await api('api/order/add', { payment_method: 'cod', shipping_method: 'flat.flat', comment: 'Ring twice' })).json as { order_id: number };
    expect(typeof placed.order_id).toBe('number');
    const [order] = store.hooks.orders();
    expect(order).toMatchObject({ orderId: placed.order_id, comment: 'Ring twice', info: { total: '106.0000', payment_code: 'cod', shipping_code: 'flat.flat' } });
    expect(order!.totals.map((t) => t.code)).toEqual(['sub_total', 'shipping', 'total']);
    expect(((await api('api/cart/products')).json as { products: unknown[] }).products).toEqual([]);
    await api('api/cart/add', { product_id: '40' });
    const after = (await api('api/cart/products')).json as { error?: { stock: string }; products: { stock: boolean }[] };
    expect(after.products[0]!.stock).toBe(false);
    expect(after.error?.stock).toContain('***');
  });

  it('drops the methods on every cart change and the shipping ones on a currency change', async () => {
    await api('api/cart/add', { product_id: '40' });
    await api('api/shipping/address', US_ADDRESS);
    await api('api/shipping/methods');
    expect((await api('api/shipping/method', { shipping_method: 'flat.flat' })).json).toEqual({ success: 'Success: Shipping method has been set!' });
    await api('api/currency', { currency: 'EUR' });
    expect((await api('api/shipping/method', { shipping_method: 'flat.flat' })).json).toEqual({ error: 'Warning: No Shipping options are available!' });
    const quoted = (await api('api/shipping/methods')).json as { shipping_methods: { flat: { quote: { flat: { text: string } } } } };
    expect(quoted.shipping_methods.flat.quote.flat.text).toBe('3.92€');
    await api('api/cart/add', { product_id: '41' });
    expect((await api('api/shipping/method', { shipping_method: 'flat.flat' })).json).toEqual({ error: 'Warning: No Shipping options are available!' });
  });

  it('loses one of two overlapping writes of the same session, and none when they run one after another', async () => {
    await api('api/cart/add', { product_id: '40' });
    store.hooks.setLatency(50);
    await Promise.all([api('api/payment/address', US_ADDRESS), new Promise((r) => setTimeout(r, 10)).then(() => api('api/shipping/address', UK_ADDRESS))]);
    store.hooks.setLatency(0);
    expect((await api('api/payment/methods')).json).toEqual({ error: 'Warning: Payment address required!' });
    expect((await api('api/shipping/methods')).json).toHaveProperty('shipping_methods');
    await api('api/payment/address', US_ADDRESS);
    await api('api/shipping/address', UK_ADDRESS);
    expect((await api('api/payment/methods')).json).toHaveProperty('payment_methods');
  });

  it('fails the next N API calls at the transport level', async () => {
    store.hooks.failNextRequests(1);
    await expect(api('api/cart/products')).rejects.toThrow();
    expect((await api('api/cart/products')).json).toHaveProperty('products');
  });

  it('answers 404 HTML for unknown api routes and pages the storefront does not render', async () => {
    const unknown = await api('api/nonexistent');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toContain('The page you requested cannot be found!');
    expect((await api('api/cart.add', { product_id: '40' })).status).toBe(404);
  });
});
