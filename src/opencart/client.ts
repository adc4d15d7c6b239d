import { turnLogger, type Logger } from '../log';
import type { Clock } from '../clock';
import type {
  AddressInput,
  CartView,
  CustomerInput,
  GiftVoucherInput,
  OpenCartApi,
  OpenCartEndpoint,
  OpenCartSessionState,
  OptionSelection,
  OrderAddInput,
  OrderAddOptions,
  OrderHistoryInput,
  OrderInfo,
  Outcome,
  PaymentMethod,
  SessionHooks,
  ShippingMethod,
} from './api';
import * as form from './form';
import { interpretAnswer } from './interpret';
import { SessionQueue } from './queue';
import { ROUTES, type RouteSpec } from './routes';
import { orderReferenceAgent, type OpenCartTransport } from './transport';

export interface ClientDeps {
  endpoint: OpenCartEndpoint;
  transport: OpenCartTransport;
  clock: Clock;
  logger: Logger;
}

/**
 * One conversation's OpenCart API session: queued calls, lazy login, re-login + rebuild on PERMISSION. Cheap to make:
 * no cookie jar (OpenCart 3.0's API reads only the api_token in the query; its OCSESSID cookie has no API rights, and
 * sending no cookie is fine, see the corpus README), nothing process-wide per instance.
 */
export class OpenCartClient implements OpenCartApi {
  private token: string | null;
  private loggedInAt: number | null;
  private lastUsedAt: number | null;
  private renewing = false;
  private readonly queue = new SessionQueue();
  private readonly log: Logger;

  constructor(
    private readonly deps: ClientDeps,
    state: OpenCartSessionState | null,
    private readonly hooks: SessionHooks = {},
  ) {
    this.token = state?.token ?? null;
    this.loggedInAt = state?.loggedInAt ?? null;
    this.lastUsedAt = state?.lastUsedAt ?? null;
    this.log = turnLogger(deps.logger, hooks.logFields);
  }

  get state(): OpenCartSessionState {
    return { token: this.token, cookies: null, loggedInAt: this.loggedInAt, lastUsedAt: this.lastUsedAt };
  }

  login(): Promise<Outcome<{ token: string }>> {
    return this.queue.run(() => this.loginNow());
  }

  currency(code: string): Promise<Outcome> {
    return this.call(ROUTES.currency, [['currency', code]]);
  }

  cartAdd(input: { productId: number; quantity: number; options?: OptionSelection }): Promise<Outcome> {
    return this.call(ROUTES.cartAdd, form.cartAddForm(input));
  }

  cartEdit(cartId: string, quantity: number): Promise<Outcome> {
    return this.call(ROUTES.cartEdit, [['key', cartId], ['quantity', String(quantity)]]);
  }

  cartRemove(cartId: string): Promise<Outcome> {
    return this.call(ROUTES.cartRemove, [['key', cartId]]);
  }

  cartProducts(): Promise<Outcome<CartView>> {
    return this.call(ROUTES.cartProducts, []);
  }

  coupon(code: string): Promise<Outcome> {
    return this.call(ROUTES.coupon, [['coupon', code]]);
  }

  voucher(code: string): Promise<Outcome> {
    return this.call(ROUTES.voucher, [['voucher', code]]);
  }

  voucherAdd(input: GiftVoucherInput): Promise<Outcome> {
    return this.call(ROUTES.voucherAdd, form.voucherAddForm(input));
  }

  customer(input: CustomerInput): Promise<Outcome> {
    return this.call(ROUTES.customer, form.customerForm(input));
  }

  paymentAddress(input: AddressInput): Promise<Outcome> {
    return this.call(ROUTES.paymentAddress, form.addressForm(input));
  }

  paymentMethods(): Promise<Outcome<PaymentMethod[]>> {
    return this.call(ROUTES.paymentMethods, []);
  }

  paymentMethod(code: string): Promise<Outcome> {
    return this.call(ROUTES.paymentMethod, [['payment_method', code]]);
  }

  shippingAddress(input: AddressInput): Promise<Outcome> {
    return this.call(ROUTES.shippingAddress, form.addressForm(input));
  }

  shippingMethods(): Promise<Outcome<ShippingMethod[]>> {
    return this.call(ROUTES.shippingMethods, []);
  }

  shippingMethod(code: string): Promise<Outcome> {
    return this.call(ROUTES.shippingMethod, [['shipping_method', code]]);
  }

  reward(points: number): Promise<Outcome> {
    return this.call(ROUTES.reward, [['reward', String(points)]]);
  }

  rewardMaximum(): Promise<Outcome<{ maximum: number }>> {
    return this.call(ROUTES.rewardMaximum, []);
  }

  rewardAvailable(): Promise<Outcome<{ points: number | null }>> {
    return this.call(ROUTES.rewardAvailable, []);
  }

  orderAdd(input?: OrderAddInput, options: OrderAddOptions = {}): Promise<Outcome<{ orderId: number }>> {
    const userAgent = options.reference === undefined ? undefined : orderReferenceAgent(options.reference);
    return this.call(ROUTES.orderAdd, form.orderForm(input), {}, userAgent);
  }

  orderEdit(orderId: number, input?: OrderAddInput): Promise<Outcome> {
    return this.call(ROUTES.orderEdit, form.orderForm(input), { order_id: String(orderId) });
  }

  orderDelete(orderId: number): Promise<Outcome> {
    return this.call(ROUTES.orderDelete, [], { order_id: String(orderId) });
  }

  orderInfo(orderId: number): Promise<Outcome<OrderInfo>> {
    return this.call(ROUTES.orderInfo, [], { order_id: String(orderId) });
  }

  orderHistory(orderId: number, input: OrderHistoryInput): Promise<Outcome> {
    return this.call(ROUTES.orderHistory, form.orderHistoryForm(input), { order_id: String(orderId) });
  }

  /** Queue slot, lazy login, and on PERMISSION: log in again, let the hook rebuild, retry once. */
  private call<T>(
    spec: RouteSpec<T>,
    pairs: form.FormPairs,
    query: Record<string, string> = {},
    userAgent?: string,
  ): Promise<Outcome<T>> {
    return this.queue.run(async () => {
      if (this.token === null) {
        const login = await this.loginNow();
        if (!login.ok) return login;
      }
      const first = await this.send(spec, pairs, query, userAgent);
      // Inside the hook a PERMISSION is handed back as it is: renewing again could loop forever.
      if (first.ok || first.code !== 'PERMISSION' || this.renewing) return first;
      this.log.info({ route: spec.route }, 'OpenCart session expired; logging in again');
      const login = await this.loginNow();
      if (!login.ok) return login;
      await this.renew();
      return this.send(spec, pairs, query, userAgent);
    });
  }

  private async renew(): Promise<void> {
    if (!this.hooks.onRenewed) return;
    this.renewing = true;
    const { onRenewed } = this.hooks;
    try {
      // The hook may call this client (it runs inside the failed call's slot): its calls queue on a nested line.
      await this.queue.nested(() => onRenewed(this));
    } finally {
      this.renewing = false;
    }
  }

  private async loginNow(): Promise<Outcome<{ token: string }>> {
    this.token = null;
    const { endpoint } = this.deps;
    const outcome = await this.send(ROUTES.login, [
      ['username', endpoint.username],
      ['key', endpoint.apiKey],
    ]);
    if (outcome.ok) {
      this.token = outcome.value.token;
      this.loggedInAt = this.deps.clock.now();
    }
    return outcome;
  }

  private async send<T>(
    spec: RouteSpec<T>,
    pairs: form.FormPairs,
    query: Record<string, string> = {},
    userAgent?: string,
  ): Promise<Outcome<T>> {
    const { transport, endpoint, clock } = this.deps;
    const { log } = this;
    const withToken = spec === ROUTES.login || this.token === null ? query : { api_token: this.token, ...query };
    const started = clock.now();
    const answer = await transport.send({
      route: spec.route,
      query: withToken,
      form: pairs,
      repeatable: spec.repeatable,
      ...(userAgent === undefined ? {} : { userAgent }),
    });
    this.lastUsedAt = clock.now();
    const { outcome, phpWarnings } = interpretAnswer(spec, answer, [endpoint.apiKey, this.token]);
    if (phpWarnings) log.warn({ route: spec.route }, 'OpenCart printed PHP warnings before its JSON (config_error_display is on)');
    const ms = this.lastUsedAt - started;
    if (outcome.ok) log.debug({ route: spec.route, ms }, 'OpenCart call succeeded');
    else log.info({ route: spec.route, ms, code: outcome.code, detail: outcome.message }, 'OpenCart refused a call');
    return outcome;
  }
}
