import pino from 'pino';
import { ManualClock } from '../../src/clock';
import { REDACTED_PATHS } from '../../src/log';
import {
  createSessionFactory,
  OpenCartConnectionError,
  OpenCartHttpError,
  OpenCartProtocolError,
  OpenCartTimeoutError,
  type OpenCartApi,
  type SessionFactoryOptions,
} from '../../src/opencart';
import { json, startStubServer, type StubAnswer, type StubReply, type StubRequest, type StubServer } from './support/stub-server';

const API_KEY = 'SECRETKEY'.repeat(14);
const PERMISSION = { error: 'Warning: You do not have permission to access the API!' };
const PERMISSION_OBJECT = { error: { warning: 'Warning: You do not have permission to access the API!' } };
const OK = { success: 'Success: You have modified your shopping cart!' };
const EMPTY_CART = { products: [], vouchers: [], totals: [{ title: 'Total', text: '$0.00' }] };

const servers: StubServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function store(reply: (req: StubRequest) => StubReply, opts: SessionFactoryOptions = {}) {
  const server = await startStubServer(reply);
  servers.push(server);
  const clock = new ManualClock();
  const factory = createSessionFactory(
    { baseUrl: server.baseUrl, username: 'Default', apiKey: API_KEY },
    { clock, maxRetries: 2, retryDelayMs: () => 1, ...opts },
  );
  return { server, factory, clock };
}

function loginAnswer(token: string): StubAnswer {
  return json({ success: 'Success: API session successfully started!', api_token: token });
}

const routes = (server: StubServer) => server.requests.map((r) => r.route);

describe('session queue', () => {
  test('two calls issued at once never overlap on the server', async () => {
    const { server, factory } = await store((req) =>
      req.route === 'api/login' ? loginAnswer('tok1') : { ...json(req.route === 'api/cart/add' ? OK : EMPTY_CART), delayMs: 30 },
    );
    const api = factory(null);
    const [added, cart] = await Promise.all([api.cartAdd({ productId: 40, quantity: 1 }), api.cartProducts()]);
    expect(added.ok && cart.ok).toBe(true);
    expect(routes(server)).toEqual(['api/login', 'api/cart/add', 'api/cart/products']);
    const [, add, products] = server.requests;
    expect(add!.endedAt).toBeLessThanOrEqual(products!.startedAt);
  });

  test('a failed call does not block the next one', async () => {
    const { factory } = await store((req) => (req.route === 'api/cart/add' ? 'reset' : req.route === 'api/login' ? loginAnswer('t') : json(EMPTY_CART)));
    const api = factory(null);
    const results = await Promise.allSettled([api.cartAdd({ productId: 1, quantity: 1 }), api.cartProducts()]);
    expect(results[0].status).toBe('rejected');
    expect(results[1]).toMatchObject({ status: 'fulfilled', value: { ok: true } });
  });
});

describe('login and renewal', () => {
  test('logs in lazily, once, and keeps token and times in state (no cookie: the token is all OpenCart 3.0 reads)', async () => {
    const { server, factory, clock } = await store((req) =>
      req.route === 'api/login'
        ? { ...loginAnswer('tok1'), setCookie: ['OCSESSID=abc123; path=/', 'currency=USD; path=/'] }
        : json(EMPTY_CART),
    );
    const api = factory(null);
    expect(api.state.token).toBeNull();
    await api.cartProducts();
    clock.advance(5000);
    await api.cartProducts();
    expect(routes(server)).toEqual(['api/login', 'api/cart/products', 'api/cart/products']);
    expect(api.state).toMatchObject({ token: 'tok1', loggedInAt: clock.now() - 5000, lastUsedAt: clock.now() });

    expect(api.state.cookies).toBeNull();

    // The state survives JSON and rebuilds a client that sends the token, no cookie and no new login.
    const restored = factory(JSON.parse(JSON.stringify(api.state)));
    await restored.cartProducts();
    const last = server.requests.at(-1)!;
    expect(last.query.get('api_token')).toBe('tok1');
    expect(last.cookie ?? '').toBe('');
    expect(routes(server)).toHaveLength(4);
  });

  test('wrong key: lazy login answers BAD_KEY and nothing else is sent', async () => {
    const { server, factory } = await store(() => json([]));
    const outcome = await factory(null).cartProducts();
    expect(outcome).toMatchObject({ ok: false, code: 'BAD_KEY' });
    expect(routes(server)).toEqual(['api/login']);
  });

  test('on PERMISSION: logs in again, awaits onRenewed (whose calls run in the same slot), retries once', async () => {
    let logins = 0;
    const { server, factory } = await store((req) => {
      if (req.route === 'api/login') return loginAnswer(`tok${++logins}`);
      if (req.query.get('api_token') === 'tok1') return json(req.route === 'api/cart/products' ? PERMISSION_OBJECT : PERMISSION);
      return json(req.route === 'api/cart/products' ? EMPTY_CART : OK);
    });
    const renewed: OpenCartApi[] = [];
    const api = factory(null, {
      onRenewed: async (inner) => {
        renewed.push(inner);
        expect((await inner.cartAdd({ productId: 40, quantity: 2 })).ok).toBe(true);
        expect((await inner.customer({ firstname: 'A', lastname: 'B', email: 'a@example.com', telephone: '123' })).ok).toBe(true);
      },
    });
    // A call queued behind the renewing one waits for the whole renewal.
    const [outcome, after] = await Promise.all([api.cartProducts(), api.cartProducts()]);
    expect(outcome.ok && after.ok).toBe(true);
    expect(renewed).toEqual([api]);
    expect(routes(server)).toEqual([
      'api/login',
      'api/cart/products',
      'api/login',
      'api/cart/add',
      'api/customer',
      'api/cart/products',
      'api/cart/products',
    ]);
    expect(api.state.token).toBe('tok2');
  });

  test('a PERMISSION inside onRenewed is handed to the hook, not renewed again', async () => {
    const { server, factory } = await store((req) => (req.route === 'api/login' ? loginAnswer('tok') : json(PERMISSION)));
    let hookCalls = 0;
    const api = factory({ token: 'dead', cookies: null, loggedInAt: 0, lastUsedAt: 0 }, {
      onRenewed: async (inner) => {
        hookCalls += 1;
        expect(await inner.currency('EUR')).toMatchObject({ ok: false, code: 'PERMISSION' });
      },
    });
    expect(await api.coupon('2222')).toMatchObject({ ok: false, code: 'PERMISSION' });
    expect(hookCalls).toBe(1);
    expect(routes(server)).toEqual(['api/coupon', 'api/login', 'api/currency', 'api/coupon']);
  });

  test('IP not allowed: login answers IP_NOT_ALLOWED with the address OpenCart saw', async () => {
    const { factory } = await store(() =>
      json({ error: { ip: 'Warning: Your IP 10.1.2.3 is not allowed to access this API!', key: 'Warning: Incorrect API Key!' } }),
    );
    expect(await factory(null).login()).toMatchObject({ ok: false, code: 'IP_NOT_ALLOWED', ip: '10.1.2.3' });
  });
});

describe('retries and timeouts', () => {
  test.each(['cartAdd', 'orderAdd', 'voucherAdd', 'orderEdit', 'orderDelete', 'orderHistory'] as const)(
    '%s is never repeated after a connection reset',
    async (method) => {
      const { server, factory } = await store((req) => (req.route === 'api/login' ? loginAnswer('t') : 'reset'));
      const api = factory(null);
      const calls: Record<typeof method, () => Promise<unknown>> = {
        cartAdd: () => api.cartAdd({ productId: 40, quantity: 1 }),
        orderAdd: () => api.orderAdd(),
        voucherAdd: () =>
          api.voucherAdd({ from_name: 'a', from_email: 'a@x.io', to_name: 'b', to_email: 'b@x.io', voucher_theme_id: 7, message: '', amount: 10 }),
        orderEdit: () => api.orderEdit(5),
        orderDelete: () => api.orderDelete(5),
        orderHistory: () => api.orderHistory(5, { order_status_id: 2 }),
      };
      await expect(calls[method]()).rejects.toBeInstanceOf(OpenCartConnectionError);
      expect(routes(server).filter((r) => r !== 'api/login')).toHaveLength(1);
    },
  );

  test('safe calls are retried a bounded number of times', async () => {
    const { server, factory } = await store((req) => (req.route === 'api/login' ? loginAnswer('t') : 'reset'));
    await expect(factory(null).cartProducts()).rejects.toBeInstanceOf(OpenCartConnectionError);
    expect(routes(server).filter((r) => r === 'api/cart/products')).toHaveLength(3);
  });

  test('a safe call succeeds when a retry gets through', async () => {
    let resets = 1;
    const { server, factory } = await store((req) =>
      req.route === 'api/login' ? loginAnswer('t') : resets-- > 0 ? 'reset' : json(EMPTY_CART),
    );
    expect(await factory(null).cartProducts()).toMatchObject({ ok: true });
    expect(routes(server)).toEqual(['api/login', 'api/cart/products', 'api/cart/products']);
  });

  test('a silent store gives OpenCartTimeoutError; order/add is not sent twice', async () => {
    const { server, factory } = await store((req) => (req.route === 'api/login' ? loginAnswer('t') : 'hang'), { timeoutMs: 80 });
    const api = factory(null);
    const error = await api.orderAdd().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenCartTimeoutError);
    expect((error as OpenCartTimeoutError).timeoutMs).toBe(80);
    expect(routes(server).filter((r) => r === 'api/order/add')).toHaveLength(1);
  });

  test('a store down gives OpenCartConnectionError', async () => {
    const { server, factory } = await store(() => json([]), { maxRetries: 0 });
    await server.close();
    await expect(factory(null).login()).rejects.toBeInstanceOf(OpenCartConnectionError);
  });
});

describe('what goes on the wire', () => {
  test('forms are url-encoded ordered pairs with checkbox arrays and every field a route reads', async () => {
    const { server, factory } = await store((req) => (req.route === 'api/login' ? loginAnswer('t') : json(OK)));
    const api = factory(null);
    await api.cartAdd({ productId: 42, quantity: 2, options: { '218': '5', '223': ['8', '10'], '208': 'Hi & bye' } });
    await api.paymentAddress({ firstname: 'J', lastname: 'D', address_1: '1 Main', city: 'LA', country_id: 223, zone_id: 3624 });
    await api.orderHistory(7, { order_status_id: 2, notify: true });
    const [, add, address, history] = server.requests;
    expect(add!.form).toEqual([
      ['product_id', '42'],
      ['quantity', '2'],
      ['option[208]', 'Hi & bye'],
      ['option[218]', '5'],
      ['option[223][]', '8'],
      ['option[223][]', '10'],
    ]);
    expect(address!.form.map(([k]) => k)).toEqual(['firstname', 'lastname', 'company', 'address_1', 'address_2', 'city', 'postcode', 'country_id', 'zone_id']);
    expect(history!.query.get('order_id')).toBe('7');
    expect(history!.form).toEqual([['order_status_id', '2'], ['comment', ''], ['notify', '1'], ['override', '0']]);
  });
});

describe('secrets stay out of errors and logs', () => {
  test('no key, token, cookie or e-mail in thrown messages or logged lines', async () => {
    const token = 'a1b2c3d4e5f6a1b2c3d4e5f6ab';
    const lines: string[] = [];
    const logger = pino({ level: 'trace', redact: { paths: REDACTED_PATHS, censor: '[redacted]' } }, { write: (s: string) => void lines.push(s) });
    let step = 0;
    const { factory } = await store(
      (req) => {
        if (req.route === 'api/login') return { ...loginAnswer(token), setCookie: ['OCSESSID=cookievalue99; path=/'] };
        step += 1;
        if (step === 1) return json(PERMISSION);
        if (step === 2) return { body: `<html>${API_KEY} ${token} john@example.com</html>`, contentType: 'text/html' };
        if (step === 3) return { status: 500, body: `Fatal: key=${API_KEY}&api_token=${token}` };
        if (step === 4) return { body: `<b>Warning</b>: x in <b>/a.php</b> on line <b>1</b>{"order":{"order_id":"1","email":"john@example.com","api_token":"${token}"}}` };
        return json(OK);
      },
      { logger },
    );
    const api = factory(null);
    const errors: unknown[] = [];
    for (const call of [() => api.cartProducts(), () => api.cartProducts(), () => api.orderInfo(1), () => api.currency('EUR')]) {
      await call().catch((e: unknown) => errors.push(e));
    }
    expect(errors[0]).toBeInstanceOf(OpenCartProtocolError);
    expect(errors[1]).toBeInstanceOf(OpenCartHttpError);
    expect(errors[2]).toBeInstanceOf(OpenCartProtocolError);
    const everything = [...errors.map((e) => `${String(e)} ${JSON.stringify(e)}`), ...lines].join('\n');
    expect(lines.length).toBeGreaterThan(3);
    for (const secret of [API_KEY, token, 'cookievalue99', 'john@example.com']) expect(everything).not.toContain(secret);
    expect(JSON.stringify(errors[0])).toContain('[redacted]');
  });
});
