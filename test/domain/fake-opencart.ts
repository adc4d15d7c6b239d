import type { Clock } from '../../src/clock';
import type {
  AddressInput, CartLine, CartView, CustomerInput, Failure, FailureCode, OpenCartApi, OpenCartSessionFactory,
  OpenCartSessionState, OptionSelection, OrderAddOptions, OrderInfo, Outcome, PaymentMethod, ShippingMethod,
} from '../../src/opencart/api';
import { orderReferenceAgent } from '../../src/opencart/transport';

/**
 * An in-memory OpenCart 3.0 API with the behaviours the checkout depends on (from the contract corpus): cart changes
 * drop quoted/chosen methods, failed customer/address/coupon calls leave the value unset, * /method needs a code
 * from the last quote, shipping/address is a no-op when nothing ships, 1 h idle token expiry, 1 h cart-line expiry,
 * order/add reports the last failing check and empties the cart. Real-HTTP tests use the demo store instead.
 */
interface FakeLine { cartId: string; productId: number; quantity: number; options: OptionSelection; addedAt: number }
interface FakeSession {
  lastUsed: number; lines: FakeLine[]; customer?: CustomerInput; paymentAddress?: AddressInput;
  shippingAddress?: AddressInput; paymentMethods?: string[]; paymentMethod?: string; shippingMethods?: string[];
  shippingMethod?: string; coupon?: string; voucher?: string; currency: string;
}
export interface FakeOrder { orderId: number; lines: FakeLine[]; paymentMethod: string; shippingMethod?: string; customer: CustomerInput; userAgent: string }

const HOUR = 3_600_000;
const PRODUCTS: Record<number, { name: string; price: number; shipping: boolean; requiredOptions: string[] }> = {
  40: { name: 'iPhone', price: 101, shipping: true, requiredOptions: [] },
  30: { name: 'Canon EOS 5D', price: 80, shipping: true, requiredOptions: ['226'] },
  43: { name: 'MacBook', price: 500, shipping: false, requiredOptions: [] },
};
const fail = (code: FailureCode, extra: Partial<Failure> = {}): Failure => ({ ok: false, code, message: code, ...extra });
const ok = <T>(value: T): Outcome<T> => ({ ok: true, value });

export class FakeOpenCart {
  readonly sessions = new Map<string, FakeSession>();
  readonly orders: FakeOrder[] = [];
  readonly calls: string[] = [];
  /** Calls of one session that overlapped another call of the same session (must stay 0). */
  overlaps = 0;
  /** 'before': order/add fails in transport without effect; 'after': the order is taken but the answer is lost. */
  orderAddTransportFailure: 'before' | 'after' | null = null;
  /** order/info answers NOT_FOUND for every order (the lookup finds nothing). */
  orderInfoHidesOrders = false;
  /** The next call of this route throws as a broken connection would. */
  failNextCall: string | null = null;
  private nextId = 1;
  /** Order ids grow one by one, as OpenCart's auto-increment does. */
  private nextOrderId = 1;
  private busy = new Set<string>();

  constructor(private readonly clock: Clock) {}

  expireAllSessions(): void {
    this.sessions.clear();
  }

  factory(): OpenCartSessionFactory {
    return (state, hooks) => new FakeClient(this, state, hooks?.onRenewed);
  }

  login(): string {
    const token = `t${this.nextId++}`;
    this.sessions.set(token, { lastUsed: this.clock.now(), lines: [], currency: 'USD' });
    return token;
  }

  async handle<T>(token: string | null, route: string, action: (s: FakeSession) => Outcome<T>): Promise<Outcome<T>> {
    this.calls.push(route);
    if (this.failNextCall === route) {
      this.failNextCall = null;
      throw new Error(`connection reset on ${route}`);
    }
    const key = token ?? '';
    if (this.busy.has(key)) this.overlaps += 1;
    this.busy.add(key);
    await new Promise((resolve) => setImmediate(resolve)); // a request takes time; overlaps become visible
    this.busy.delete(key);
    const session = token ? this.sessions.get(token) : undefined;
    const now = this.clock.now();
    if (!session || now - session.lastUsed > HOUR) {
      if (token) this.sessions.delete(token);
      return route === 'shipping/address' ? fail('EMPTY_ANSWER') : fail('PERMISSION');
    }
    session.lastUsed = now;
    session.lines = session.lines.filter((line) => now - line.addedAt <= HOUR && line.quantity > 0);
    return action(session);
  }

  cartChanged(s: FakeSession): void {
    delete s.paymentMethods; delete s.paymentMethod; delete s.shippingMethods; delete s.shippingMethod;
  }

  cartView(s: FakeSession): CartView {
    const lines: CartLine[] = s.lines.map((line) => {
      const product = PRODUCTS[line.productId];
      return {
        cartId: line.cartId, productId: line.productId, name: product.name, model: '', quantity: line.quantity,
        options: Object.entries(line.options).map(([id, value]) => ({
          productOptionId: Number(id), productOptionValueId: Number(value), name: 'Select', value: String(value), type: 'select',
        })),
        inStock: true, shipping: product.shipping, price: `$${product.price}`, total: `$${product.price * line.quantity}`, reward: 0,
      };
    });
    const subTotal = s.lines.reduce((sum, line) => sum + PRODUCTS[line.productId].price * line.quantity, 0);
    const totals = [{ title: 'Sub-Total', text: `$${subTotal}` }];
    if (s.shippingMethod) totals.push({ title: 'Shipping', text: '$5' });
    return { lines, vouchers: [], totals, minimumWarnings: [] };
  }

  needsShipping(s: FakeSession): boolean {
    return s.lines.some((line) => PRODUCTS[line.productId].shipping);
  }

  cartAdd(s: FakeSession, input: { productId: number; quantity: number; options?: OptionSelection }): Outcome {
    const product = PRODUCTS[input.productId];
    if (!product) return fail('PRODUCT_UNAVAILABLE');
    const options = input.options ?? {};
    const missing = product.requiredOptions.filter((id) => !options[id]);
    if (missing.length > 0) return fail('OPTION_REQUIRED', { optionIds: missing.map(Number) });
    const same = s.lines.find((l) => l.productId === input.productId && JSON.stringify(l.options) === JSON.stringify(options));
    if (same) same.quantity += input.quantity;
    else s.lines.push({ cartId: String(this.nextId++), productId: input.productId, quantity: input.quantity, options, addedAt: this.clock.now() });
    this.cartChanged(s);
    return ok(undefined);
  }

  orderAdd(s: FakeSession, input: { payment_method?: string; shipping_method?: string }, userAgent: string): Outcome<{ orderId: number }> {
    const shipping = this.needsShipping(s);
    if (input.payment_method && s.paymentMethods?.includes(input.payment_method)) s.paymentMethod = input.payment_method;
    if (input.shipping_method && s.shippingMethods?.includes(input.shipping_method)) s.shippingMethod = input.shipping_method;
    let error: FailureCode | null = null; // only the last failing check is reported, as in OpenCart
    if (!s.customer) error = 'CUSTOMER_REQUIRED';
    if (!s.paymentAddress) error = 'PAYMENT_ADDRESS_REQUIRED';
    if (!s.paymentMethod) error = 'PAYMENT_METHOD_REQUIRED';
    if (shipping && !s.shippingAddress) error = 'SHIPPING_ADDRESS_REQUIRED';
    if (shipping && !s.shippingMethod) error = 'SHIPPING_METHOD_REQUIRED';
    if (s.lines.length === 0) error = 'STOCK';
    if (error) {
      if (s.lines.length === 0) { delete s.shippingAddress; delete s.shippingMethods; delete s.shippingMethod; }
      return fail(error);
    }
    const order: FakeOrder = {
      orderId: this.nextOrderId++, lines: s.lines, paymentMethod: s.paymentMethod ?? '', customer: s.customer as CustomerInput, userAgent,
      ...(shipping ? { shippingMethod: s.shippingMethod } : {}),
    };
    this.orders.push(order);
    s.lines = [];
    return ok({ orderId: order.orderId });
  }
}

const validAddress = (a: AddressInput): boolean => a.firstname.length > 0 && a.city.length >= 2 && a.country_id > 0 && a.zone_id > 0;

class FakeClient implements OpenCartApi {
  private token: string | null;
  private renewing = false;
  private tail: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly store: FakeOpenCart,
    state: OpenCartSessionState | null,
    private readonly onRenewed?: (api: OpenCartApi) => Promise<void>,
  ) {
    this.token = state?.token ?? null;
  }

  get state(): OpenCartSessionState {
    return { token: this.token, cookies: null, loggedInAt: null, lastUsedAt: null };
  }

  async login(): Promise<Outcome<{ token: string }>> {
    this.token = this.store.login();
    return ok({ token: this.token });
  }

  /** Lazy login; on PERMISSION: log in again, run the hook (its own calls go straight through), retry once. */
  private call<T>(route: string, action: (s: FakeSession) => Outcome<T>): Promise<Outcome<T>> {
    if (this.renewing) return this.store.handle(this.token, route, action);
    const run = async (): Promise<Outcome<T>> => {
      if (this.token === null) await this.login();
      const first = await this.store.handle(this.token, route, action);
      if (first.ok || first.code !== 'PERMISSION') return first;
      await this.login();
      this.renewing = true;
      try { await this.onRenewed?.(this); } finally { this.renewing = false; }
      return this.store.handle(this.token, route, action);
    };
    const result = this.tail.then(run);
    this.tail = result.catch(() => undefined);
    return result;
  }

  currency(code: string): Promise<Outcome> {
    return this.call('currency', (s) => {
      if (!['USD', 'EUR', 'GBP'].includes(code)) return fail('INVALID_CURRENCY');
      s.currency = code; delete s.shippingMethods; delete s.shippingMethod;
      return ok(undefined);
    });
  }
  cartAdd(input: { productId: number; quantity: number; options?: OptionSelection }): Promise<Outcome> {
    return this.call('cart/add', (s) => this.store.cartAdd(s, input));
  }
  cartEdit(cartId: string, quantity: number): Promise<Outcome> {
    return this.call('cart/edit', (s) => {
      s.lines.forEach((line) => { if (line.cartId === cartId) line.quantity = quantity; });
      this.store.cartChanged(s);
      return ok(undefined);
    });
  }
  cartRemove(cartId: string): Promise<Outcome> {
    return this.call('cart/remove', (s) => {
      s.lines = s.lines.filter((line) => line.cartId !== cartId);
      this.store.cartChanged(s);
      return ok(undefined);
    });
  }
  cartProducts(): Promise<Outcome<CartView>> {
    return this.call('cart/products', (s) => ok(this.store.cartView(s)));
  }
  coupon(code: string): Promise<Outcome> {
    return this.call('coupon', (s) => {
      delete s.coupon;
      if (code !== '2222') return fail('INVALID_CODE');
      s.coupon = code;
      return ok(undefined);
    });
  }
  voucher(code: string): Promise<Outcome> {
    return this.call('voucher', (s) => {
      delete s.voucher;
      if (code !== 'GIFT100') return fail('INVALID_CODE');
      s.voucher = code;
      return ok(undefined);
    });
  }
  voucherAdd(): Promise<Outcome> {
    return Promise.resolve(fail('REJECTED'));
  }
  customer(input: CustomerInput): Promise<Outcome> {
    return this.call('customer', (s) => {
      delete s.customer;
      if (!input.email.includes('@')) return fail('FIELD_INVALID', { fields: ['email'] });
      s.customer = input;
      return ok(undefined);
    });
  }
  paymentAddress(input: AddressInput): Promise<Outcome> {
    return this.call('payment/address', (s) => {
      delete s.paymentAddress; delete s.paymentMethods; delete s.paymentMethod;
      if (!validAddress(input)) return fail('FIELD_INVALID', { fields: ['city'] });
      s.paymentAddress = input;
      return ok(undefined);
    });
  }
  paymentMethods(): Promise<Outcome<PaymentMethod[]>> {
    return this.call('payment/methods', (s) => {
      if (!s.paymentAddress) return fail('PAYMENT_ADDRESS_REQUIRED');
      const methods: PaymentMethod[] = [{ code: 'bank_transfer', title: 'Bank Transfer', terms: '', sortOrder: 2 }];
      if (this.store.needsShipping(s)) methods.push({ code: 'cod', title: 'Cash On Delivery', terms: '', sortOrder: 5 });
      s.paymentMethods = methods.map((method) => method.code);
      return ok(methods);
    });
  }
  paymentMethod(code: string): Promise<Outcome> {
    return this.call('payment/method', (s) => {
      if (!s.paymentMethods) return fail('METHODS_NOT_QUOTED');
      if (!s.paymentMethods.includes(code)) return fail('PAYMENT_METHOD_REQUIRED');
      s.paymentMethod = code;
      return ok(undefined);
    });
  }
  shippingAddress(input: AddressInput): Promise<Outcome> {
    return this.call('shipping/address', (s) => {
      if (!this.store.needsShipping(s)) return fail('EMPTY_ANSWER');
      delete s.shippingAddress; delete s.shippingMethods; delete s.shippingMethod;
      if (!validAddress(input)) return fail('FIELD_INVALID', { fields: ['city'] });
      s.shippingAddress = input;
      return ok(undefined);
    });
  }
  shippingMethods(): Promise<Outcome<ShippingMethod[]>> {
    return this.call('shipping/methods', (s) => {
      if (!s.shippingAddress) return fail('SHIPPING_ADDRESS_REQUIRED');
      const money = s.currency === 'EUR' ? '4.60€' : '$5.00';
      const methods: ShippingMethod[] = [
        { code: 'flat', title: 'Flat Rate', sortOrder: 1, error: null, quotes: [{ code: 'flat.flat', title: 'Flat Shipping Rate', cost: 5, text: money }] },
        { code: 'pickup', title: 'Pickup', sortOrder: 3, error: null, quotes: [{ code: 'pickup.pickup', title: 'Pickup From Store', cost: 0, text: '$0.00' }] },
      ];
      s.shippingMethods = methods.flatMap((method) => method.quotes.map((quote) => quote.code));
      return ok(methods);
    });
  }
  shippingMethod(code: string): Promise<Outcome> {
    return this.call('shipping/method', (s) => {
      if (!this.store.needsShipping(s)) return fail('EMPTY_ANSWER');
      if (!s.shippingMethods) return fail('METHODS_NOT_QUOTED');
      if (!s.shippingMethods.includes(code)) return fail('SHIPPING_METHOD_REQUIRED');
      s.shippingMethod = code;
      return ok(undefined);
    });
  }
  reward(): Promise<Outcome> { return Promise.resolve(fail('REJECTED')); }
  rewardMaximum(): Promise<Outcome<{ maximum: number }>> { return Promise.resolve(fail('REJECTED')); }
  rewardAvailable(): Promise<Outcome<{ points: number | null }>> { return Promise.resolve(fail('REJECTED')); }
  async orderAdd(input: { payment_method?: string; shipping_method?: string } = {}, options: OrderAddOptions = {}): Promise<Outcome<{ orderId: number }>> {
    const failure = this.store.orderAddTransportFailure;
    if (failure === 'before') throw new Error('connection reset before order/add was read');
    const userAgent = options.reference === undefined ? 'fake' : orderReferenceAgent(options.reference);
    const result = await this.call('order/add', (s) => this.store.orderAdd(s, input, userAgent));
    if (failure === 'after') throw new Error('connection reset after order/add was executed');
    return result;
  }
  orderEdit(): Promise<Outcome> { return Promise.resolve(fail('REJECTED')); }
  orderDelete(): Promise<Outcome> { return Promise.resolve(fail('REJECTED')); }
  orderInfo(orderId: number): Promise<Outcome<OrderInfo>> {
    return this.call('order/info', () => {
      const order = this.store.orderInfoHidesOrders ? undefined : this.store.orders.find((candidate) => candidate.orderId === orderId);
      if (!order) return fail('NOT_FOUND');
      const { email, telephone, firstname, lastname } = order.customer;
      return ok({
        orderId, firstname, lastname, email, telephone, paymentMethod: order.paymentMethod, paymentCode: order.paymentMethod,
        shippingMethod: order.shippingMethod ?? '', shippingCode: order.shippingMethod ?? '', paymentCountryId: 0, paymentZoneId: 0,
        shippingCountryId: 0, shippingZoneId: 0, total: '0', orderStatusId: 1, currencyCode: 'USD', raw: { user_agent: order.userAgent },
      });
    });
  }
  orderHistory(): Promise<Outcome> { return Promise.resolve(fail('REJECTED')); }
}
