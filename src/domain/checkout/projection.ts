import type { Logger } from 'pino';
import type { Clock } from '../../clock';
import type { CartLine, CartView, Failure, OpenCartApi, Outcome, PaymentMethod, ShippingMethod } from '../../opencart/api';
import type { CheckoutState } from '../checkout-port';
import type { DraftLine, OrderDraft, SessionSync } from '../draft';
import { shippingTarget, toAddressInput, toCustomerInput } from './mapping';
import { sendReward } from './reward-operations';
import type { SessionContext } from './session';
import { giftVouchersInSession } from './voucher-operations';

/** OpenCart deletes an API cart line 1 h after it was added; a line this old is added again before it is relied on. */
export const LINE_RENEW_AFTER_MS = 55 * 60_000;

const OK: Outcome = { ok: true, value: undefined };

/** Which draft line each OpenCart cart line is: same product and the same option values. */
export function matchLines(lines: DraftLine[], cart: CartView): Map<string, CartLine> {
  const unused = [...cart.lines];
  const matched = new Map<string, CartLine>();
  for (const line of lines) {
    const wanted = Object.values(line.options).flat().map(String).sort().join(',');
    const values = (c: CartLine) => c.options.map((o) => String(o.productOptionValueId ?? o.value)).sort().join(',');
    const at = unused.findIndex((c) => c.productId === line.productId && values(c) === wanted);
    if (at >= 0) matched.set(line.lineId, unused.splice(at, 1)[0]);
  }
  return matched;
}

/** The draft's distinct products, as `productsShip` names them. */
function productsKey(lines: DraftLine[]): string {
  return [...new Set(lines.map((line) => line.productId))].sort((a, b) => a - b).join(',');
}

/**
 * Keeps OpenCart's session a projection of the draft, sending only what the session lacks (the draft's `sync`
 * says what it holds) and reading only what changed. Every method states what OpenCart drops as a side effect
 * (corpus README, "Checkout state"), so the next method that needs it sends it again, once.
 */
export class Projection {
  constructor(
    readonly session: SessionContext,
    private readonly state: CheckoutState,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  get draft(): OrderDraft {
    return this.state.draft;
  }

  get sync(): SessionSync {
    return this.state.draft.sync;
  }

  get api(): OpenCartApi {
    return this.session.api;
  }

  /** cart/add, edit, remove and voucher/add drop both methods' quotes and choices; the totals change. */
  cartChanged(): void {
    Object.assign(this.sync, { shippingQuotes: null, paymentQuotes: null, shippingChosen: false, cart: null, reward: null });
  }

  /** shipping/address and currency drop the shipping quotes and choice. */
  shippingDropped(): void {
    Object.assign(this.sync, { shippingQuotes: null, shippingChosen: false, cart: null });
  }

  /** Sends one cart/add; records when the line reached the session (a merge keeps OpenCart's first time). */
  async addToCart(line: Omit<DraftLine, 'lineId'>, lineId: string): Promise<Outcome> {
    const added = await this.api.cartAdd({ productId: line.productId, quantity: line.quantity, options: line.options });
    if (!added.ok) return added;
    this.sync.addedAt[lineId] ??= this.clock.now();
    this.cartChanged();
    return OK;
  }

  /** OpenCart's cart_id of a draft line, reading the cart when it is not known yet. */
  async cartIdOf(lineId: string): Promise<Outcome<string | null>> {
    if (this.sync.cartIds[lineId] === undefined && this.sync.addedAt[lineId] !== undefined) {
      const read = await this.readCart();
      if (!read.ok) return read;
    }
    return { ok: true, value: this.sync.cartIds[lineId] ?? null };
  }

  forgetLine(lineId: string): void {
    delete this.sync.addedAt[lineId];
    delete this.sync.cartIds[lineId];
  }

  /** Every draft line in the session, none of them about to expire; lines OpenCart refuses now leave the draft. */
  async lines(): Promise<Outcome> {
    const now = this.clock.now();
    const aging = this.draft.lines.filter((l) => now - (this.sync.addedAt[l.lineId] ?? now) >= LINE_RENEW_AFTER_MS);
    for (const line of aging) {
      const cartId = await this.cartIdOf(line.lineId);
      if (!cartId.ok) return cartId;
      // cart/remove answers success for any key, so a line OpenCart already deleted costs nothing more.
      if (cartId.value !== null) await this.api.cartRemove(cartId.value);
      this.forgetLine(line.lineId);
      this.cartChanged();
    }
    if (aging.length > 0) this.logger.info({ lines: aging.length }, 'cart lines near their 1 h expiry; adding them again');
    for (const line of this.draft.lines.filter((l) => this.sync.addedAt[l.lineId] === undefined)) {
      const added = await this.addToCart(line, line.lineId);
      if (!added.ok) this.dropLine(line, added);
    }
    return OK;
  }

  private dropLine(line: DraftLine, failure: Failure): void {
    this.logger.warn({ code: failure.code, productId: line.productId }, 'cart line refused by OpenCart; dropped from the draft');
    this.draft.lines = this.draft.lines.filter((other) => other.lineId !== line.lineId);
  }

  /** A registered customer's login, the currency, then the lines, then coupon and voucher, as the draft has them. */
  async cartContent(): Promise<Outcome> {
    const { draft, sync } = this;
    if (draft.customerId !== null) {
      // A registered customer logs in before the lines, which OpenCart then keeps under their id.
      const login = await this.customer();
      if (!login.ok && login.code !== 'FIELD_INVALID') return login;
    }
    if (draft.currency && draft.currency !== sync.currency) {
      const currency = await this.api.currency(draft.currency);
      if (currency.ok) sync.currency = draft.currency;
      else this.logger.warn({ code: currency.code }, 'currency refused while rebuilding the session');
      this.shippingDropped();
    }
    const lines = await this.lines();
    if (!lines.ok) return lines;
    const vouchers = await giftVouchersInSession(this);
    if (!vouchers.ok) return vouchers;
    if (draft.reward && draft.reward !== sync.reward && !(await sendReward(this, draft.reward))) draft.reward = 0;
    if (draft.coupon !== sync.coupon) draft.coupon = await this.applyCode('coupon', draft.coupon);
    if (draft.voucher !== sync.voucher) draft.voucher = await this.applyCode('voucher', draft.voucher);
    return OK;
  }

  /** Sends a coupon or voucher (null removes it); answers what the session holds now. */
  async applyCode(kind: 'coupon' | 'voucher', code: string | null): Promise<string | null> {
    const result = kind === 'coupon' ? await this.api.coupon(code ?? '') : await this.api.voucher(code ?? '');
    this.sync.cart = null;
    // OpenCart deletes the stored code first; an empty code is refused after that, which is the removal.
    this.sync[kind] = result.ok ? code : null;
    if (!result.ok && code !== null) this.logger.info({ code: result.code, kind }, 'code not accepted');
    return this.sync[kind];
  }

  async customer(): Promise<Outcome> {
    const { contact } = this.draft;
    if (!contact || this.sync.customer) return OK;
    const result = await this.api.customer(toCustomerInput(contact, this.draft.customerId));
    this.sync.customer = result.ok;
    if (result.ok) this.loggedIn(this.draft.customerId);
    return result;
  }

  /** After api/customer: a first login as a registered customer hides the guest's cart lines (corpus 11), sent again. */
  loggedIn(customerId: number | null): void {
    if (customerId === null || this.sync.customerLogin === customerId) return;
    this.sync.customerLogin = customerId;
    for (const line of this.draft.lines) this.forgetLine(line.lineId);
    this.cartChanged();
  }

  async paymentAddress(): Promise<Outcome> {
    const address = this.draft.paymentAddress;
    if (!address || this.sync.paymentAddress) return OK;
    const result = await this.api.paymentAddress(toAddressInput(address));
    this.sync.paymentAddress = result.ok;
    Object.assign(this.sync, { paymentQuotes: null, cart: null });
    return result;
  }

  /** Whether the draft's products ship, as far as known: a product known to ship, all known not to, or the set's answer. */
  private shipsKnown(): boolean | null {
    const { lines } = this.draft;
    const each = lines.map((line) => this.sync.ships[line.productId]);
    if (each.includes(true)) return true;
    if (each.every((ships) => ships === false)) return false;
    const set = this.sync.productsShip;
    return set && set.products === productsKey(lines) ? set.ships : null;
  }

  /**
   * Whether the draft's products ship. When that is not known, the shipping target (by default the payment address)
   * is sent as shipping/address, which the session needs next anyway: OpenCart answers [] only when nothing ships or
   * its cart is empty, and cart/products is read only then, to tell which (lines found missing are added again once).
   */
  async needsShipping(): Promise<Outcome<boolean>> {
    for (let round = 0; ; round++) {
      const known = this.shipsKnown();
      if (known !== null) return { ok: true, value: known };
      const content = await this.cartContent();
      if (!content.ok) return content;
      const target = shippingTarget(this.draft);
      if (this.shipsKnown() === null && target && round === 0) {
        const sent = await this.api.shippingAddress(toAddressInput(target));
        this.shippingDropped();
        if (sent.ok || sent.code !== 'EMPTY_ANSWER') {
          this.sync.shippingAddress = sent.ok;
          this.sync.productsShip = { products: productsKey(this.draft.lines), ships: true };
          continue;
        }
      }
      if (this.shipsKnown() === null) {
        const read = await this.readCart();
        if (!read.ok) return read;
        const held = matchLines(this.draft.lines, read.value);
        const lost = this.draft.lines.filter((line) => !held.has(line.lineId));
        if (lost.length > 0 && round === 0) {
          for (const line of lost) this.forgetLine(line.lineId);
          this.cartChanged();
          continue;
        }
        this.sync.productsShip = { products: productsKey(this.draft.lines), ships: read.value.lines.some((line) => line.shipping) };
      }
    }
  }

  /** The shipping target in the session; OpenCart ignores shipping/address when nothing ships (needs the lines). */
  async shippingAddress(): Promise<Outcome> {
    const target = shippingTarget(this.draft);
    if (!target || this.sync.shippingAddress) return OK;
    const content = await this.cartContent();
    if (!content.ok) return content;
    const ships = await this.needsShipping();
    if (!ships.ok || !ships.value) return ships.ok ? OK : ships;
    if (this.sync.shippingAddress) return OK; // sent while finding out whether anything ships
    const result = await this.whileCartHeld(() => this.api.shippingAddress(toAddressInput(target)));
    this.shippingDropped();
    this.sync.shippingAddress = result.ok;
    return result;
  }

  /**
   * A shipping call that answers [] although the draft ships: OpenCart's cart is empty, because the token died (then
   * a dead token looks exactly like this, corpus 02/12) or the lines expired. cart/products tells which: a dead
   * session renews (and the operation runs again); lines found missing are added again and the call sent once more.
   */
  async whileCartHeld(call: () => Promise<Outcome>): Promise<Outcome> {
    const first = await call();
    if (first.ok || first.code !== 'EMPTY_ANSWER') return first;
    const read = await this.readCart();
    if (!read.ok) return read;
    const held = matchLines(this.draft.lines, read.value);
    for (const line of this.draft.lines) if (!held.has(line.lineId)) this.forgetLine(line.lineId);
    this.cartChanged();
    const lines = await this.lines();
    if (!lines.ok) return lines;
    return call();
  }

  /** The shipping quotes for the cart and address as they are now: quoted once per change of either. */
  async shippingQuotes(): Promise<Outcome<ShippingMethod[]>> {
    const content = await this.cartContent();
    if (!content.ok) return content;
    const address = await this.shippingAddress();
    if (!address.ok) return address;
    if (this.sync.shippingQuotes) return { ok: true, value: this.sync.shippingQuotes };
    const methods = await this.api.shippingMethods();
    if (methods.ok) this.sync.shippingQuotes = methods.value;
    return methods;
  }

  /** The draft's shipping method chosen in the session again, or cleared when it is no longer offered. */
  async shippingChosen(): Promise<Outcome> {
    const chosen = this.draft.shippingMethod;
    if (!chosen || this.sync.shippingChosen) return OK;
    const ships = await this.needsShipping();
    if (!ships.ok) return ships;
    if (!ships.value) {
      this.draft.shippingMethod = null; // nothing ships, so nothing to choose
      return OK;
    }
    const quotes = await this.shippingQuotes();
    if (!quotes.ok) return quotes;
    const quote = quotes.value.flatMap((method) => method.quotes).find((candidate) => candidate.code === chosen.code);
    const applied = quote ? await this.whileCartHeld(() => this.api.shippingMethod(quote.code)) : null;
    this.sync.cart = null;
    if (quote && applied?.ok) {
      this.draft.shippingMethod = { code: quote.code, title: quote.title, text: quote.text };
      this.sync.shippingChosen = true;
    } else {
      this.logger.info({ code: chosen.code }, 'shipping method no longer offered; cleared');
      this.draft.shippingMethod = null;
    }
    return OK;
  }

  /** Payment quotes for the cart, address and shipping as they are now (the payment method goes inline with order/add). */
  async paymentQuotes(): Promise<Outcome<PaymentMethod[]>> {
    const ready = await this.totalsReady();
    if (!ready.ok) return ready;
    if (this.sync.paymentQuotes) return { ok: true, value: this.sync.paymentQuotes };
    const methods = await this.api.paymentMethods();
    if (methods.ok) this.sync.paymentQuotes = methods.value;
    return methods;
  }

  /** Clears the draft's payment method when the current quotes no longer offer it. */
  async paymentStillOffered(): Promise<Outcome> {
    const chosen = this.draft.paymentMethod;
    if (!chosen || !this.draft.paymentAddress) return OK;
    const quotes = await this.paymentQuotes();
    if (!quotes.ok) return quotes;
    if (!quotes.value.some((method) => method.code === chosen.code)) {
      this.logger.info({ code: chosen.code }, 'payment method no longer offered; cleared');
      this.draft.paymentMethod = null;
    }
    return OK;
  }

  /** Everything the totals depend on, in the order OpenCart needs it. */
  async totalsReady(): Promise<Outcome> {
    for (const step of [() => this.cartContent(), () => this.customer(), () => this.paymentAddress()]) {
      const done = await step();
      if (!done.ok && done.code !== 'FIELD_INVALID') return done;
    }
    const address = await this.shippingAddress();
    if (!address.ok && address.code !== 'FIELD_INVALID') return address;
    return this.shippingChosen();
  }

  /** cart/products, recorded: the view, each line's cart_id and what each product ships. */
  async readCart(): Promise<Outcome<CartView>> {
    const read = await this.api.cartProducts();
    if (!read.ok) return read;
    const matched = matchLines(this.draft.lines, read.value);
    this.sync.cartIds = Object.fromEntries([...matched].map(([lineId, line]) => [lineId, line.cartId]));
    for (const line of read.value.lines) this.sync.ships[line.productId] = line.shipping;
    this.sync.cart = read.value;
    return read;
  }

  /**
   * The cart as OpenCart prices it now, read only when something changed since the last read. A draft line found
   * missing (or with another quantity) is added again, once; a line the draft does not have is removed.
   */
  async cart(): Promise<Outcome<CartView>> {
    for (let round = 0; ; round++) {
      const ready = await this.totalsReady();
      if (!ready.ok) return ready;
      const cart = this.sync.cart ? { ok: true as const, value: this.sync.cart } : await this.readCart();
      if (!cart.ok) return cart;
      const matched = matchLines(this.draft.lines, cart.value);
      const missing = this.draft.lines.filter((line) => matched.get(line.lineId)?.quantity !== line.quantity);
      const known = new Set([...matched.values()].filter((line) => !missing.some((m) => matched.get(m.lineId) === line)));
      const extra = cart.value.lines.filter((line) => !known.has(line));
      if ((missing.length === 0 && extra.length === 0) || round > 0) return cart;
      this.logger.info({ missing: missing.length, extra: extra.length }, 'opencart cart out of step with the draft; putting it right');
      for (const line of extra) await this.api.cartRemove(line.cartId);
      for (const line of missing) this.forgetLine(line.lineId);
      this.cartChanged();
    }
  }
}
