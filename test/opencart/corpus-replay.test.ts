import { ManualClock } from '../../src/clock';
import {
  createSessionFactory,
  OpenCartHttpError,
  type FailureCode,
  type OpenCartSessionFactory,
  type Outcome,
} from '../../src/opencart';
import { SCENARIO_FILES, loadExchanges, type RecordedExchange } from './support/corpus';
import { invokeRecorded } from './support/invoke';
import { startStubServer, type StubServer } from './support/stub-server';

/** What each recorded string error must become, by route and OpenCart's text. */
const STRING_ERRORS: Record<string, FailureCode> = {
  'api/currency|Warning: Currency code is invalid!': 'INVALID_CURRENCY',
  'api/order/add|Warning: Shipping method required!': 'SHIPPING_METHOD_REQUIRED',
  'api/order/add|Warning: Payment method required!': 'PAYMENT_METHOD_REQUIRED',
  'api/order/add|Warning: Customer details needs to be set!': 'CUSTOMER_REQUIRED',
  'api/order/add|Warning: Products marked with *** are not available in the desired quantity or not in stock!': 'STOCK',
  'api/order/add|Warning: Minimum order amount for Apple Cinema 30&quot; is 2!': 'MINIMUM',
  'api/order/edit|Warning: Shipping method required!': 'SHIPPING_METHOD_REQUIRED',
  'api/order/edit|Warning: Order could not be found!': 'NOT_FOUND',
  'api/order/info|Warning: Order could not be found!': 'NOT_FOUND',
  'api/order/history|Warning: Order could not be found!': 'NOT_FOUND',
  'api/order/delete|Warning: Order could not be found!': 'NOT_FOUND',
  'api/payment/methods|Warning: Payment address required!': 'PAYMENT_ADDRESS_REQUIRED',
  'api/payment/method|Warning: No Payment options are available!': 'METHODS_NOT_QUOTED',
  'api/payment/method|Warning: Payment method required!': 'PAYMENT_METHOD_REQUIRED',
  'api/shipping/methods|Warning: Shipping address required!': 'SHIPPING_ADDRESS_REQUIRED',
  'api/shipping/method|Warning: No Shipping options are available!': 'METHODS_NOT_QUOTED',
  'api/shipping/method|Warning: Shipping method required!': 'SHIPPING_METHOD_REQUIRED',
  "api/coupon|Warning: Coupon is either invalid, expired or reached it's usage limit!": 'INVALID_CODE',
  'api/voucher|Warning: Gift Voucher is either invalid or the balance has been used up!': 'INVALID_CODE',
  "api/reward|Warning: You don't have 100 reward points!": 'INVALID_CODE',
  'api/reward|Warning: The maximum number of points that can be applied is 200!': 'INVALID_CODE',
  'api/reward|Warning: Please enter the amount of reward points to use!': 'INVALID_CODE',
};
const PERMISSION_TEXT = 'Warning: You do not have permission to access the API!';
const FIELD_ROUTES = ['api/customer', 'api/payment/address', 'api/shipping/address', 'api/voucher/add'];

type Expectation =
  | { kind: 'throws'; error: new (...args: never[]) => Error }
  | { kind: 'failure'; code: FailureCode; extra?: Record<string, unknown> }
  | { kind: 'success'; json: Record<string, unknown> };

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Reads what the recording says the client must answer, independently of the client's own mapping. */
function expectationFor(x: RecordedExchange): Expectation {
  if (x.status !== 200) return { kind: 'throws', error: OpenCartHttpError };
  if (x.body === 'Error: Invalid session ID!') return { kind: 'failure', code: 'PERMISSION' };
  const start = x.body.search(/[[{]/);
  const value: unknown = x.json !== undefined ? x.json : JSON.parse(x.body.slice(start));
  if (Array.isArray(value)) return { kind: 'failure', code: x.route === 'api/login' ? 'BAD_KEY' : 'EMPTY_ANSWER' };
  if (!isRecord(value)) throw new Error(`unexpected recording in ${x.file}#${x.index}`);
  const error = value.error;
  if (typeof error === 'string') {
    if (error === PERMISSION_TEXT) return { kind: 'failure', code: 'PERMISSION' };
    const code = STRING_ERRORS[`${x.route}|${error}`];
    if (!code) throw new Error(`no expectation for ${x.route} "${error}" (${x.file}#${x.index})`);
    return { kind: 'failure', code };
  }
  if (isRecord(error)) {
    if (error.warning === PERMISSION_TEXT) return { kind: 'failure', code: 'PERMISSION' };
    if (x.route === 'api/login') return { kind: 'failure', code: 'IP_NOT_ALLOWED', extra: { ip: '127.0.0.2' } };
    if (x.route === 'api/cart/add' && isRecord(error.option)) {
      return { kind: 'failure', code: 'OPTION_REQUIRED', extra: { optionIds: Object.keys(error.option).map(Number) } };
    }
    if (x.route === 'api/cart/add' && error.store) return { kind: 'failure', code: 'PRODUCT_UNAVAILABLE' };
    if (FIELD_ROUTES.includes(x.route)) {
      const fields = Object.keys(error).filter((k) => k !== 'warning');
      if (error.warning !== undefined) fields.unshift('customer_id');
      return { kind: 'failure', code: 'FIELD_INVALID', extra: { fields } };
    }
    if (x.route !== 'api/cart/products') throw new Error(`no expectation for ${x.route} error object`);
  }
  return { kind: 'success', json: value };
}

function keysOf(map: unknown): string[] {
  return isRecord(map) ? Object.keys(map) : [];
}

/** Spot checks that the typed value carries what the recording holds. */
function checkValue(route: string, json: Record<string, unknown>, value: unknown): void {
  const text = JSON.stringify(value ?? null);
  expect(text).not.toMatch(/&(quot|amp|#0?39);/);
  switch (route) {
    case 'api/login':
      expect(value).toEqual({ token: json.api_token });
      break;
    case 'api/cart/products': {
      const products = json.products as Record<string, unknown>[];
      const cart = value as { lines: { quantity: number; productId: number }[]; totals: unknown[]; stockWarning?: string; minimumWarnings: string[] };
      expect(cart.lines.map((l) => l.quantity)).toEqual(products.map((p) => Number(p.quantity)));
      expect(cart.lines.map((l) => l.productId)).toEqual(products.map((p) => Number(p.product_id)));
      expect(cart.totals).toHaveLength((json.totals as unknown[]).length);
      const error = isRecord(json.error) ? json.error : {};
      expect(cart.stockWarning !== undefined).toBe(error.stock !== undefined);
      expect(cart.minimumWarnings).toHaveLength(Array.isArray(error.minimum) ? error.minimum.length : 0);
      break;
    }
    case 'api/payment/methods':
      expect((value as { code: string }[]).map((m) => m.code)).toEqual(keysOf(json.payment_methods));
      break;
    case 'api/shipping/methods':
      expect((value as { code: string }[]).map((m) => m.code)).toEqual(keysOf(json.shipping_methods));
      break;
    case 'api/order/add':
      expect(value).toEqual({ orderId: Number(json.order_id) });
      break;
    case 'api/order/info': {
      const order = json.order as Record<string, unknown>;
      expect(value).toMatchObject({ orderId: Number(order.order_id), currencyCode: order.currency_code, raw: order });
      break;
    }
    case 'api/reward/maximum':
      expect(value).toEqual({ maximum: Number(json.maximum) });
      break;
    case 'api/reward/available':
      expect(value).toEqual({ points: json.points === null ? null : Number(json.points) });
      break;
    default:
      expect(value).toBeUndefined();
  }
}

let current: RecordedExchange | null = null;
let server: StubServer;
let factory: OpenCartSessionFactory;
const RENEWED_LOGIN = JSON.stringify({ success: 'Success: API session successfully started!', api_token: 'renewedtoken0123456789abcd' });

beforeAll(async () => {
  server = await startStubServer((req) => {
    const x = current;
    if (!x || (req.route === 'api/login' && x.route !== 'api/login')) return { body: RENEWED_LOGIN };
    return { status: x.status, contentType: x.contentType, body: x.body };
  });
  factory = createSessionFactory(
    { baseUrl: server.baseUrl, username: 'Default', apiKey: 'k'.repeat(128) },
    { clock: new ManualClock(), maxRetries: 0 },
  );
});

afterAll(() => server.close());

const cases = SCENARIO_FILES.flatMap((file) =>
  loadExchanges(file)
    .filter((x) => x.route.startsWith('api/'))
    .map((x) => [`${file} #${x.index} ${x.method} ${x.route}: ${x.observed.slice(0, 60)}`, x] as const),
);

test('the corpus holds all 29 scenario files', () => {
  expect(SCENARIO_FILES).toHaveLength(29);
  expect(cases.length).toBeGreaterThan(400);
});

// 29-tool-upload.json is mostly the storefront's tool/upload (not an API route: test/catalog/upload.test.ts
// and test/demo-store/tool-upload.test.ts replay it); its api/ exchanges (upload codes as option values) are replayed here.
test('the api/ exchanges of 29-tool-upload.json are replayed like the others', () => {
  const upload = cases.filter(([, x]) => x.file === '29-tool-upload.json');
  expect(upload.length).toBeGreaterThan(0);
  expect(upload.map(([, x]) => x.route)).toContain('api/cart/add');
  expect(upload.map(([, x]) => x.route)).toContain('api/order/add');
});

test.each(cases)('%s', async (_name, x) => {
  current = x;
  const before = server.requests.length;
  const api = factory({ token: 'recordedtoken0123456789abc', cookies: null, loggedInAt: 0, lastUsedAt: 0 });
  const expected = expectationFor(x);
  const call = invokeRecorded(api, x.route, x.form, x.query);

  if (expected.kind === 'throws') {
    await expect(call).rejects.toBeInstanceOf(expected.error);
    return;
  }
  const outcome: Outcome<unknown> = await call;
  if (expected.kind === 'failure') {
    expect(outcome).toMatchObject({ ok: false, code: expected.code, ...(expected.extra ?? {}) });
    if (!outcome.ok) expect(outcome.message).not.toMatch(/&(quot|amp);/);
  } else {
    expect(outcome.ok).toBe(true);
    if (outcome.ok) checkValue(x.route, expected.json, outcome.value);
  }
  // Every API call carried a token in the query string; logins carried the key in the form only.
  for (const req of server.requests.slice(before)) {
    if (req.route === 'api/login') {
      expect(req.query.has('api_token')).toBe(false);
      expect(req.form.map(([k]) => k)).toEqual(['username', 'key']);
    } else {
      expect(req.query.get('api_token')).toMatch(/^(recorded|renewed)token/);
    }
  }
});
