import { readFileSync } from 'node:fs';
import path from 'node:path';
import { EXIT_CODES, diagnose, formatDiagnosis, type Diagnosis } from '../../src/tools/doctor';
import type { OpenCartEndpoint } from '../../src/opencart';
import { loadExchanges } from '../opencart/support/corpus';
import { json, startStubServer, type StubReply, type StubRequest, type StubServer } from '../opencart/support/stub-server';

const STOREFRONT = path.join(__dirname, '..', 'fixtures', 'opencart-contract', '3.0.5.1', 'storefront');
const page = (file: string): StubReply => ({ body: readFileSync(path.join(STOREFRONT, file), 'utf8'), contentType: 'text/html; charset=utf-8' });
const recorded = (file: string, route: string): StubReply => {
  const x = loadExchanges(file).find((e) => e.route === route && e.body.includes(route === 'api/shipping/methods' ? 'flat.flat' : 'code'));
  if (!x) throw new Error(`no ${route} in ${file}`);
  return { body: x.body };
};
const NOT_FOUND_PAGE = loadExchanges('28-misc-routing-and-methods.json').find((x) => x.status === 404)!.body;

const API_KEY = 'TOPSECRET'.repeat(14);
const OK = { success: 'Success' };
const LOGIN = { success: 'Success: API session successfully started!', api_token: 'doctortoken0123456789abcd' };

/** A store that answers like the recorded reference store; `api` overrides single routes. */
function fakeStore(api: Record<string, (req: StubRequest) => StubReply> = {}) {
  return (req: StubRequest): StubReply => {
    const override = api[req.route];
    if (override) return override(req);
    switch (req.route) {
      case 'common/home':
        return page('seo-home.html');
      case 'checkout/guest':
        return page('countries-checkout-guest-fragment.html');
      case 'account/account/country':
        return { body: readFileSync(path.join(STOREFRONT, `zones-account-account-country-${req.query.get('country_id')}.json`), 'utf8') };
      case 'api/login':
        return json(LOGIN);
      case 'api/shipping/methods':
        return recorded('14-shipping-methods.json', 'api/shipping/methods');
      case 'api/payment/methods':
        return recorded('15-payment-methods.json', 'api/payment/methods');
      case 'api/cart/products':
        return json({
          products: [{ cart_id: '9', product_id: '43', name: 'MacBook', model: 'Product 16', option: [], quantity: '1', stock: true, shipping: '1', price: '$602.00', total: '$602.00', reward: 600 }],
          vouchers: [],
          totals: [{ title: 'Total', text: '$602.00' }],
        });
      default:
        return req.route.startsWith('api/') ? json(OK) : { status: 404, body: NOT_FOUND_PAGE, contentType: 'text/html' };
    }
  };
}

const servers: StubServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function run(reply: (req: StubRequest) => StubReply): Promise<{ result: Diagnosis; line: string; server: StubServer; endpoint: OpenCartEndpoint }> {
  const server = await startStubServer(reply);
  servers.push(server);
  const endpoint = { baseUrl: server.baseUrl, username: 'Default', apiKey: API_KEY };
  const result = await diagnose(endpoint, { timeoutMs: 2000 });
  const line = formatDiagnosis(result, endpoint);
  expect(line).not.toContain(API_KEY);
  expect(line).not.toContain('\n');
  return { result, line, server, endpoint };
}

test('all well: names the shipping and payment methods for a sample address, then empties the cart', async () => {
  const { result, line, server } = await run(fakeStore());
  expect(result).toMatchObject({ status: 'ok', sample: { productId: 43, countryId: 222, countryName: 'United Kingdom', zoneId: 3513 } });
  if (result.status !== 'ok') return;
  expect(result.sample.shipping?.map((m) => m.code)).toEqual(['flat', 'pickup']);
  expect(result.sample.payment.map((m) => m.code)).toEqual(['bank_transfer', 'cod']);
  expect(line).toMatch(/^OK: .*Flat Shipping Rate \$5\.00 \(flat\.flat\).*Cash On Delivery \(cod\)/);
  expect(EXIT_CODES[result.status]).toBe(0);
  const address = server.requests.find((r) => r.route === 'api/payment/address')!;
  expect(address.form).toEqual(expect.arrayContaining([['country_id', '222'], ['zone_id', '3513'], ['postcode', '10001']]));
  const removal = server.requests.find((r) => r.route === 'api/cart/remove')!;
  expect(removal.form).toEqual([['key', '9']]);
});

test('skips a product with required options and tries the next one', async () => {
  const { result, server } = await run(
    fakeStore({
      'api/cart/add': (req) =>
        req.form[0]?.[1] === '43' ? json({ error: { option: { '226': 'Select required!' } } }) : json(OK),
    }),
  );
  expect(result).toMatchObject({ status: 'ok', sample: { productId: 40 } });
  expect(server.requests.filter((r) => r.route === 'api/cart/add').map((r) => r.form[0]?.[1])).toEqual(['43', '40']);
});

test('no shipping needed: shipping/address answers [] and the line says so', async () => {
  const { result, line } = await run(fakeStore({ 'api/shipping/address': () => json([]) }));
  expect(result).toMatchObject({ status: 'ok', sample: { shipping: null } });
  expect(line).toContain('shipping not needed');
});

test('wrong key: OpenCart answered []', async () => {
  const { result, line } = await run(() => json([]));
  expect(result).toEqual({ status: 'bad-key' });
  expect(line).toMatch(/^WRONG KEY/);
  expect(EXIT_CODES[result.status]).not.toBe(0);
});

test("this machine's IP not allowed: names the IP OpenCart saw", async () => {
  const { result, line } = await run(() =>
    json({ error: { ip: 'Warning: Your IP 203.0.113.7 is not allowed to access this API!', key: 'Warning: Incorrect API Key!' } }),
  );
  expect(result).toEqual({ status: 'ip-not-allowed', ip: '203.0.113.7' });
  expect(line).toContain('203.0.113.7');
});

test('store unreachable', async () => {
  const server = await startStubServer(() => json([]));
  await server.close();
  const endpoint = { baseUrl: server.baseUrl, username: 'Default', apiKey: API_KEY };
  const result = await diagnose(endpoint, { timeoutMs: 2000 });
  expect(result.status).toBe('unreachable');
  expect(formatDiagnosis(result, endpoint)).toMatch(/^UNREACHABLE/);
});

test.each([
  ['an HTML 404 page', { status: 404, body: NOT_FOUND_PAGE, contentType: 'text/html' }],
  ['an HTML 200 page', { body: '<!DOCTYPE html><html><body>Welcome</body></html>', contentType: 'text/html' }],
  ['garbage', { body: 'hello there' }],
  ['JSON of another shape', { body: '{"status":"ok"}' }],
] as const)('not an OpenCart API: %s', async (_name, answer) => {
  const { result, line } = await run(() => answer);
  expect(result.status).toBe('not-opencart');
  expect(line).toMatch(/^NOT AN OPENCART 3\.0 API/);
});

test('login works but the storefront shows no product: the sample check fails, exit code non-zero', async () => {
  const { result, line } = await run(fakeStore({ 'common/home': () => ({ body: '<html></html>' }), 'product/search': () => ({ body: '<html></html>' }) }));
  expect(result).toMatchObject({ status: 'sample-failed', step: 'storefront' });
  expect(line).toMatch(/^PARTLY OK/);
  expect(EXIT_CODES[result.status]).not.toBe(0);
});
