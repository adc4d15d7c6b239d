import type { Catalog, CatalogRequestOptions, Country, CountryRef, ProductDetails, ProductSummary, Resolution, ShopContact, Zone } from '../../src/catalog/types';
import type { CheckoutResult, CheckoutService, CheckoutState, OrderSummary } from '../../src/domain/checkout-port';
import type { DraftLine, GiftVoucher } from '../../src/domain/draft';
import { OpenCartConnectionError } from '../../src/opencart/errors';
import type { CartView, PaymentMethod, ShippingMethod } from '../../src/opencart/api';

/** In-memory stand-ins for the catalog and the checkout, shaped like the demo store's seed. */
const summary = (productId: number, name: string, price: string, special: string | null = null, minimum = 1): ProductSummary => ({
  productId,
  name,
  thumb: `http://shop.test/image/${productId}.jpg`,
  price,
  special,
  priceExTax: null,
  minimum,
});

const details = (s: ProductSummary, extra: Partial<ProductDetails> = {}): ProductDetails => ({
  ...s,
  description: '',
  stockText: 'In Stock',
  inStock: true,
  images: [],
  options: [],
  model: null,
  brand: null,
  ...extra,
});

export const PRODUCTS: ProductDetails[] = [
  details(summary(30, 'Canon EOS 5D', '$122.00', '$98.00'), {
    options: [
      {
        productOptionId: 226,
        name: 'Select',
        type: 'select',
        required: true,
        defaultValue: null,
        values: [
          { productOptionValueId: 15, name: 'Red', priceDelta: '+$4.80' },
          { productOptionValueId: 16, name: 'Blue', priceDelta: null },
        ],
      },
    ],
  }),
  details(summary(43, 'MacBook', '$602.00')),
  details(summary(44, 'MacBook Air', '$1,202.00')),
  details(summary(45, 'MacBook Pro', '$2,000.00')),
  details(summary(46, 'Sony VAIO', '$1,202.00')),
  details(summary(47, 'HP LP3065 with a very long product name that does not fit a button', '$122.00', null, 2), {
    options: [{ productOptionId: 225, name: 'Delivery Date', type: 'date', required: true, defaultValue: '2011-04-22', values: [] }],
  }),
  details(summary(48, 'iPod Classic', '$122.00'), {
    options: [{ productOptionId: 300, name: 'Engraving', type: 'text', required: false, defaultValue: null, values: [] }],
  }),
  details(summary(49, 'Samsung Galaxy Tab', '$241.99'), { inStock: false, stockText: 'Out Of Stock' }),
  details(summary(42, 'Apple Cinema 30"', '$122.00'), {
    options: [{ productOptionId: 222, name: 'File', type: 'file', required: true, defaultValue: null, values: [] }],
  }),
  details(summary(50, 'Gift e-book', '$10.00')),
  details(summary(54, 'Mug *limited* edition_2 [XL]', '$9.00')),
  details(summary(53, 'Photo mug', '$12.00'), {
    options: [
      { productOptionId: 400, name: 'Your photo', type: 'file', required: false, defaultValue: null, values: [] },
      {
        productOptionId: 401,
        name: 'Extras',
        type: 'checkbox',
        required: true,
        defaultValue: null,
        values: [
          { productOptionValueId: 61, name: 'Ribbon', priceDelta: '+$1.00' },
          { productOptionValueId: 62, name: 'Card', priceDelta: null },
          { productOptionValueId: 63, name: 'Wrapping', priceDelta: null },
        ],
      },
      {
        productOptionId: 402,
        name: 'Stickers',
        type: 'checkbox',
        required: false,
        defaultValue: null,
        values: [
          { productOptionValueId: 71, name: 'Stars', priceDelta: null },
          { productOptionValueId: 72, name: 'Hearts', priceDelta: null },
        ],
      },
    ],
  }),
];
/** Nothing to ship for these. */
export const DOWNLOADS = new Set([50]);

export const COUNTRIES: Country[] = [
  { countryId: 81, name: 'Germany', isoCode2: 'DE', isoCode3: 'DEU', postcodeRequired: true, zones: [{ zoneId: 1256, name: 'Berlin', code: 'BER' }, { zoneId: 1251, name: 'Bayern', code: 'BAY' }] },
  { countryId: 222, name: 'United Kingdom', isoCode2: 'GB', isoCode3: 'GBR', postcodeRequired: false, zones: [{ zoneId: 3563, name: 'Greater London', code: 'GLO' }] },
  { countryId: 223, name: 'United States', isoCode2: 'US', isoCode3: 'USA', postcodeRequired: true, zones: [{ zoneId: 3624, name: 'California', code: 'CA' }] },
  { countryId: 176, name: 'Russian Federation', isoCode2: 'RU', isoCode3: 'RUS', postcodeRequired: true, zones: [{ zoneId: 2761, name: 'Kaliningrad Oblast', code: 'KGD' }, { zoneId: 2785, name: 'Moscow', code: 'MOW' }] },
  /** Its ISO code "CA" is also California's zone code. */
  { countryId: 38, name: 'Canada', isoCode2: 'CA', isoCode3: 'CAN', postcodeRequired: true, zones: [{ zoneId: 610, name: 'Ontario', code: 'ON' }] },
  /** No regions at all: OpenCart takes zone_id 0. */
  { countryId: 141, name: 'Monaco', isoCode2: 'MC', isoCode3: 'MCO', postcodeRequired: false, zones: [] },
];

const words = (text: string) => text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
const OPTION_WORDS = new Set(['red', 'blue']);

function resolve<T extends { name: string }>(items: T[], text: string, codes: (t: T) => string[]): Resolution<T> {
  const q = text.trim().toLowerCase();
  const exact = items.filter((i) => i.name.toLowerCase() === q || codes(i).some((c) => c.toLowerCase() === q));
  if (exact.length === 1) return { kind: 'found', value: exact[0] };
  const partial = items.filter((i) => i.name.toLowerCase().includes(q));
  if (partial.length === 1) return { kind: 'found', value: partial[0] };
  return partial.length ? { kind: 'ambiguous', candidates: partial } : { kind: 'none' };
}

export class FakeCatalog implements Catalog {
  down = false;
  /** Every call that reads priced pages, with its options (language, currency). */
  requests: { call: string; opts: CatalogRequestOptions | undefined }[] = [];
  private check(): void {
    if (this.down) throw new OpenCartConnectionError('storefront', 'ECONNREFUSED');
  }
  async findProducts(text: string, opts?: CatalogRequestOptions) {
    this.requests.push({ call: 'findProducts', opts });
    this.check();
    const all = words(text);
    const quantity = all.find((w) => /^\d+$/.test(w));
    const optionWords = all.filter((w) => OPTION_WORDS.has(w));
    const search = all.filter((w) => w !== quantity && !OPTION_WORDS.has(w) && w.length > 1).map((w) => w.replace(/s$/, ''));
    const products = PRODUCTS.filter((p) => search.length && search.some((w) => p.name.toLowerCase().includes(w)));
    return { query: { search: search.join(' '), quantity: quantity ? Number(quantity) : null, optionWords }, products, relaxed: false };
  }
  async search(search: string, opts?: CatalogRequestOptions) {
    return (await this.findProducts(search, opts)).products;
  }
  async topCategories() {
    this.check();
    return [{ path: '20', name: 'Desktops' }, { path: '33', name: 'Cameras' }];
  }
  async category(path: string, opts?: CatalogRequestOptions) {
    this.requests.push({ call: 'category', opts });
    this.check();
    if (path === '20') return { category: { path, name: 'Desktops' }, subcategories: [{ path: '20_27', name: 'Mac' }], products: PRODUCTS.slice(1, 3) };
    if (path === '20_27') return { category: { path, name: 'Mac' }, subcategories: [], products: PRODUCTS.slice(1, 4) };
    if (path === '33') return { category: { path, name: 'Cameras' }, subcategories: [], products: [PRODUCTS[0]] };
    return null;
  }
  async product(productId: number, opts?: CatalogRequestOptions) {
    this.requests.push({ call: 'product', opts });
    this.check();
    return PRODUCTS.find((p) => p.productId === productId) ?? null;
  }
  matchOptionWords(product: ProductDetails, optionWords: string[]) {
    const found: Record<number, number[]> = {};
    for (const o of product.options) {
      const v = o.values.find((x) => optionWords.includes(x.name.toLowerCase()));
      if (v) found[o.productOptionId] = [v.productOptionValueId];
    }
    return found;
  }
  async countries(): Promise<CountryRef[]> {
    return COUNTRIES.map(({ countryId, name }) => ({ countryId, name }));
  }
  async country(countryId: number) {
    return COUNTRIES.find((c) => c.countryId === countryId) ?? null;
  }
  async resolveCountry(text: string): Promise<Resolution<CountryRef>> {
    this.check();
    const found = resolve(COUNTRIES, text === 'Deutschland' ? 'Germany' : text, (c) => [c.isoCode2, c.isoCode3]);
    if (found.kind === 'found') return { kind: 'found', value: { countryId: found.value.countryId, name: found.value.name } };
    return found.kind === 'ambiguous' ? { kind: 'ambiguous', candidates: found.candidates.map(({ countryId, name }) => ({ countryId, name })) } : found;
  }
  async resolveZone(countryId: number, text: string): Promise<Resolution<Zone>> {
    return resolve(COUNTRIES.find((c) => c.countryId === countryId)?.zones ?? [], text, (z) => [z.code]);
  }
  async contact(opts?: CatalogRequestOptions): Promise<ShopContact | null> {
    this.requests.push({ call: 'contact', opts });
    this.check();
    return {
      storeName: 'Your Store', address: ['Address 1'], telephone: '123456789', fax: null, email: null,
      openingTimes: ['Monday - Friday: 09:00 - 18:00'], comment: [], pageUrl: 'http://shop.test/index.php?route=information/contact',
    };
  }
}

const SHIPPING: ShippingMethod[] = [
  { code: 'flat', title: 'Flat Shipping Rate', sortOrder: 1, error: null, quotes: [{ code: 'flat.flat', title: 'Flat Shipping Rate', cost: 5, text: '$5.00' }] },
  { code: 'pickup', title: 'Pickup From Store', sortOrder: 2, error: null, quotes: [{ code: 'pickup.pickup', title: 'Pickup From Store', cost: 0, text: '$0.00' }] },
];
const PAYMENT: PaymentMethod[] = [
  { code: 'cod', title: 'Cash On Delivery', terms: '', sortOrder: 1 },
  { code: 'bank_transfer', title: 'Bank Transfer', terms: '', sortOrder: 2 },
];

const ok = <T>(value: T): CheckoutResult<T> => ({ ok: true, value });

/** The checkout as the dialogs see it, in memory; `down` makes every call throw like a dead store. */
export class FakeCheckout implements CheckoutService {
  down = false;
  stockLimit = 100;
  placedOrders = 0;
  calls: string[] = [];
  /** Every line the dialogs added, as sent. */
  addedLines: Omit<DraftLine, 'lineId'>[] = [];
  /** Every payment address the dialogs set, in order. */
  paymentAddresses: NonNullable<CheckoutState['draft']['paymentAddress']>[] = [];
  private nextLine = 1;
  private nextOrder = 1001;

  private enter(name: string): void {
    this.calls.push(name);
    if (this.down) throw new OpenCartConnectionError(name, 'ECONNREFUSED');
  }
  private cartView(state: CheckoutState): CartView {
    const lines = state.draft.lines.map((l) => {
      const price = Number(PRODUCTS.find((p) => p.productId === l.productId)?.price.replace(/[$,]/g, '') ?? 0);
      return {
        cartId: `c${l.lineId}`, productId: l.productId, name: l.name, model: '', quantity: l.quantity, inStock: true, shipping: !DOWNLOADS.has(l.productId), reward: 0,
        options: Object.entries(l.options).map(([id, v]) => ({ productOptionId: Number(id), productOptionValueId: Number(v) || null, name: '', value: String(v), type: 'select' })),
        price: `$${price.toFixed(2)}`, total: `$${(price * l.quantity).toFixed(2)}`,
      };
    });
    const sum = lines.reduce((n, l) => n + Number(l.total.slice(1)), 0);
    return { lines, vouchers: [], totals: [{ title: 'Sub-Total', text: `$${sum.toFixed(2)}` }, { title: 'Total', text: `$${sum.toFixed(2)}` }], minimumWarnings: [] };
  }
  async addLine(state: CheckoutState, line: Omit<DraftLine, 'lineId'>) {
    this.enter('addLine');
    this.addedLines.push(line);
    if (line.quantity > this.stockLimit) return { ok: false as const, problem: { code: 'STOCK' as const } };
    const added = { ...line, lineId: `L${this.nextLine++}` };
    state.draft.lines.push(added);
    state.session = { token: 'fake', cookies: null, loggedInAt: 0, lastUsedAt: 0 };
    return ok(added);
  }
  async changeQuantity(state: CheckoutState, lineId: string, quantity: number) {
    this.enter('changeQuantity');
    const line = state.draft.lines.find((l) => l.lineId === lineId);
    if (!line) return { ok: false as const, problem: { code: 'LINE_NOT_FOUND' as const } };
    line.quantity = quantity;
    state.draft.shippingMethod = null;
    state.draft.paymentMethod = null;
    return ok(undefined);
  }
  async removeLine(state: CheckoutState, lineId: string) {
    this.enter('removeLine');
    state.draft.lines = state.draft.lines.filter((l) => l.lineId !== lineId);
    return ok(undefined);
  }
  async cart(state: CheckoutState) {
    this.enter('cart');
    return ok(this.cartView(state));
  }
  async needsShipping(state: CheckoutState) {
    return state.draft.lines.some((l) => !DOWNLOADS.has(l.productId));
  }
  async setContact(state: CheckoutState, contact: CheckoutState['draft']['contact'] & object) {
    this.enter('setContact');
    state.draft.contact = contact;
    return ok(undefined);
  }
  async setPaymentAddress(state: CheckoutState, address: NonNullable<CheckoutState['draft']['paymentAddress']>) {
    this.enter('setPaymentAddress');
    this.paymentAddresses.push(address);
    state.draft.paymentAddress = address;
    state.draft.paymentMethod = null;
    return ok(undefined);
  }
  async setShippingAddress(state: CheckoutState, address: NonNullable<CheckoutState['draft']['shippingAddress']> | 'same') {
    this.enter('setShippingAddress');
    state.draft.shippingSameAsPayment = address === 'same';
    state.draft.shippingAddress = address === 'same' ? null : address;
    state.draft.shippingMethod = null;
    return ok(undefined);
  }
  async shippingOptions() {
    this.enter('shippingOptions');
    return ok(SHIPPING);
  }
  async chooseShipping(state: CheckoutState, code: string) {
    this.enter('chooseShipping');
    const quote = SHIPPING.flatMap((m) => m.quotes).find((q) => q.code === code);
    if (!quote) return { ok: false as const, problem: { code: 'SHIPPING_METHOD_REQUIRED' as const } };
    state.draft.shippingMethod = { code, title: quote.title, text: quote.text };
    return ok(undefined);
  }
  async paymentOptions() {
    this.enter('paymentOptions');
    return ok(PAYMENT);
  }
  async choosePayment(state: CheckoutState, code: string) {
    this.enter('choosePayment');
    const method = PAYMENT.find((m) => m.code === code);
    if (!method) return { ok: false as const, problem: { code: 'PAYMENT_METHOD_REQUIRED' as const } };
    state.draft.paymentMethod = { code, title: method.title, text: '' };
    return ok(undefined);
  }
  /** OpenCart's limits of the reference store: config_voucher_min 1, config_voucher_max 1000. */
  async addGiftVoucher(state: CheckoutState, input: Omit<GiftVoucher, 'voucherId' | 'description' | 'price'>): Promise<CheckoutResult<GiftVoucher>> {
    this.enter('addGiftVoucher');
    if (input.amount < 1 || input.amount > 1000) {
      return { ok: false, problem: { code: 'FIELD_INVALID', fields: ['amount'], range: { min: '$1.00', max: '$1,000.00' } } };
    }
    const price = `$${input.amount.toFixed(2)}`;
    const voucher: GiftVoucher = { ...input, voucherId: `v${this.nextLine++}`, description: `${price} Gift Certificate for ${input.toName}`, price };
    state.draft.giftVouchers = [...state.draft.giftVouchers, voucher];
    return ok(voucher);
  }
  async removeGiftVoucher(state: CheckoutState, voucherId: string): Promise<CheckoutResult> {
    this.enter('removeGiftVoucher');
    if (!state.draft.giftVouchers.some((v) => v.voucherId === voucherId)) return { ok: false, problem: { code: 'LINE_NOT_FOUND' } };
    state.draft.giftVouchers = state.draft.giftVouchers.filter((v) => v.voucherId !== voucherId);
    return ok(undefined);
  }
  async applyCoupon(state: CheckoutState, code: string | null) {
    this.enter('applyCoupon');
    if (code !== null && code !== '2222') return { ok: false as const, problem: { code: 'INVALID_CODE' as const } };
    state.draft.coupon = code;
    return ok(undefined);
  }
  async applyVoucher(state: CheckoutState, code: string | null) {
    this.enter('applyVoucher');
    if (code !== null && code !== 'GIFT50') return { ok: false as const, problem: { code: 'INVALID_CODE' as const } };
    state.draft.voucher = code;
    return ok(undefined);
  }
  /** A signed-in customer's balance (reward/available); guests have none. */
  rewardPoints = 500;
  /** What this cart takes at most (reward/maximum). */
  rewardMaximum = 200;
  async rewardOffer(state: CheckoutState) {
    this.enter('rewardOffer');
    if (state.draft.customerId === null || this.rewardPoints <= 0) return ok(null);
    return ok({ available: this.rewardPoints, usable: Math.min(this.rewardPoints, this.rewardMaximum) });
  }
  async useReward(state: CheckoutState, points: number) {
    this.enter('useReward');
    if (points > Math.min(this.rewardPoints, this.rewardMaximum)) return { ok: false as const, problem: { code: 'INVALID_CODE' as const } };
    state.draft.reward = points;
    return ok(undefined);
  }
  async setCurrency(state: CheckoutState, code: string) {
    this.enter('setCurrency');
    if (!['USD', 'EUR', 'GBP'].includes(code)) return { ok: false as const, problem: { code: 'INVALID_CURRENCY' as const } };
    state.draft.currency = code;
    return ok(undefined);
  }
  async summary(state: CheckoutState) {
    this.enter('summary');
    const cart = this.cartView(state);
    const value: OrderSummary = { draft: state.draft, cart, needsShipping: await this.needsShipping(state), totals: cart.totals };
    return ok(value);
  }
  async placeOrder(state: CheckoutState) {
    this.enter('placeOrder');
    if (state.draft.status === 'placed' && state.draft.orderId) return ok({ orderId: state.draft.orderId, alreadyPlaced: true });
    if (!state.draft.lines.length) return { ok: false as const, problem: { code: 'NOTHING_TO_ORDER' as const } };
    if (!state.draft.paymentMethod) return { ok: false as const, problem: { code: 'PAYMENT_METHOD_REQUIRED' as const } };
    this.placedOrders += 1;
    state.draft.status = 'placed';
    state.draft.orderId = this.nextOrder++;
    return ok({ orderId: state.draft.orderId, alreadyPlaced: false });
  }
  async startOver(state: CheckoutState) {
    this.enter('startOver');
    state.draft = { ...state.draft, lines: [], status: 'open', orderId: null };
  }
}
