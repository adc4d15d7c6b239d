/**
 * `npm run doctor`: one line on whether the bot can order from the configured OpenCart store.
 * Checks the API login (key, IP allow-list), that the URL is an OpenCart 3.0 API at all, then quotes
 * shipping and payment methods for a sample product and address read from the storefront.
 */
import axios from 'axios';
import * as cheerio from 'cheerio';
import { z } from 'zod';
import type { Logger } from '../log';
import {
  createSessionFactory,
  OpenCartConnectionError,
  OpenCartError,
  OpenCartTimeoutError,
  type Failure,
  type OpenCartApi,
  type OpenCartEndpoint,
  type PaymentMethod,
  type ShippingMethod,
} from '../opencart';

export interface SampleQuote {
  productId: number;
  countryId: number;
  countryName: string;
  zoneId: number;
  zoneName: string;
  /** null when nothing in the sample cart ships. */
  shipping: ShippingMethod[] | null;
  payment: PaymentMethod[];
}

export type Diagnosis =
  | { status: 'ok'; sample: SampleQuote }
  | { status: 'bad-key' }
  | { status: 'ip-not-allowed'; ip: string | null }
  | { status: 'unreachable'; detail: string }
  | { status: 'not-opencart'; detail: string }
  | { status: 'sample-failed'; step: string; detail: string };

export interface DiagnoseOptions {
  timeoutMs?: number;
  logger?: Logger;
}

/** Thrown inside the sample check to stop at the first failing step. */
class SampleStepError extends Error {
  constructor(
    readonly step: string,
    readonly detail: string,
  ) {
    super(`${step}: ${detail}`);
  }
}

const zonesAnswer = z.looseObject({
  country_id: z.union([z.string(), z.number()]),
  name: z.string(),
  postcode_required: z.union([z.string(), z.number()]).optional(),
  zone: z.array(z.looseObject({ zone_id: z.union([z.string(), z.number()]), name: z.string() })),
});

function failureText(failure: Failure): string {
  return `${failure.code} (${failure.message})`;
}

function expectOk<T>(step: string, outcome: { ok: true; value: T } | Failure): T {
  if (!outcome.ok) throw new SampleStepError(step, failureText(outcome));
  return outcome.value;
}

/** Reads storefront pages with a plain GET; the API client is not involved. */
function storefront(baseUrl: string, timeoutMs: number) {
  const http = axios.create({ baseURL: baseUrl, timeout: timeoutMs, responseType: 'text', transformResponse: [(d: unknown) => d] });
  return async (route: string, params: Record<string, string> = {}): Promise<string> => {
    try {
      const res = await http.get<string>('index.php', { params: { route, ...params } });
      return typeof res.data === 'string' ? res.data : '';
    } catch {
      throw new SampleStepError(`storefront ${route}`, 'page could not be read');
    }
  };
}

/** Product ids from `cart.add('<id>', '<minimum>')` buttons, in page order. */
export function productIdsFromListing(html: string): { productId: number; minimum: number }[] {
  const $ = cheerio.load(html);
  const found = new Map<number, number>();
  $('[onclick*="cart.add("]').each((_i, el) => {
    const m = /cart\.add\('(\d+)'(?:\s*,\s*'(\d+)')?/.exec($(el).attr('onclick') ?? '');
    if (m?.[1] && !found.has(Number(m[1]))) found.set(Number(m[1]), Number(m[2] ?? '1') || 1);
  });
  return [...found].map(([productId, minimum]) => ({ productId, minimum }));
}

/** The `checkout/guest` fragment's country list; the store's default country is the selected one. */
export function countriesFromGuestForm(html: string): { countryId: number; name: string; selected: boolean }[] {
  const $ = cheerio.load(html);
  return $('select[name="country_id"] option')
    .toArray()
    .map((el) => ({ countryId: Number($(el).attr('value')), name: $(el).text().trim(), selected: $(el).is('[selected]') }))
    .filter((c) => Number.isInteger(c.countryId) && c.countryId > 0);
}

/** How many products of the home page (or a search) the sample check tries at most. */
const MAX_SAMPLE_PRODUCTS = 8;

async function sampleQuote(api: OpenCartApi, baseUrl: string, timeoutMs: number): Promise<SampleQuote> {
  const get = storefront(baseUrl, timeoutMs);
  let products = productIdsFromListing(await get('common/home'));
  for (const word of ['a', 'e', 'o']) {
    if (products.length > 0) break;
    products = productIdsFromListing(await get('product/search', { search: word }));
  }
  if (products.length === 0) throw new SampleStepError('storefront', 'no product with an add-to-cart button on the home page or in a search');

  const countries = countriesFromGuestForm(await get('checkout/guest'));
  const country = countries.find((c) => c.selected) ?? countries[0];
  if (!country) throw new SampleStepError('storefront checkout/guest', 'no country list');
  const zonesJson = zonesAnswer.safeParse(parseJson(await get('account/account/country', { country_id: String(country.countryId) })));
  if (!zonesJson.success) throw new SampleStepError('storefront zones', `no zone list for country ${country.countryId}`);
  const zone = zonesJson.data.zone[0];
  if (!zone) throw new SampleStepError('storefront zones', `country ${country.countryId} has no zones`);

  expectOk('api/customer', await api.customer({ firstname: 'Doctor', lastname: 'Check', email: 'doctor-check@example.com', telephone: '0000000' }));
  const address = {
    firstname: 'Doctor',
    lastname: 'Check',
    address_1: '1 Sample Street',
    city: 'Sample City',
    postcode: '10001',
    country_id: country.countryId,
    zone_id: Number(zone.zone_id),
  };
  const place = { countryId: country.countryId, countryName: country.name, zoneId: Number(zone.zone_id), zoneName: zone.name };

  // A product with required options cannot be added blindly, and one that does not ship quotes no shipping
  // (and no cash on delivery): try the next one, and settle for a non-shipping product only when none ships.
  let withoutShipping: SampleQuote | null = null;
  let lastRefusal = '';
  for (const candidate of products.slice(0, MAX_SAMPLE_PRODUCTS)) {
    const outcome = await api.cartAdd({ productId: candidate.productId, quantity: candidate.minimum });
    if (!outcome.ok) {
      lastRefusal = failureText(outcome);
      continue;
    }
    try {
      expectOk('api/payment/address', await api.paymentAddress(address));
      const shippingAddress = await api.shippingAddress(address);
      if (!shippingAddress.ok && shippingAddress.code !== 'EMPTY_ANSWER') expectOk('api/shipping/address', shippingAddress);
      const shipping = shippingAddress.ok ? expectOk('api/shipping/methods', await api.shippingMethods()) : null;
      const payment = expectOk('api/payment/methods', await api.paymentMethods());
      const quote: SampleQuote = { productId: candidate.productId, ...place, shipping, payment };
      if (shipping !== null) return quote;
      withoutShipping ??= quote;
    } finally {
      await removeLines(api, candidate.productId);
    }
  }
  if (withoutShipping) return withoutShipping;
  throw new SampleStepError('api/cart/add', lastRefusal || 'no product could be added');
}

/** Leaves the session's cart as it was found: empty. */
async function removeLines(api: OpenCartApi, productId: number): Promise<void> {
  const cart = await api.cartProducts();
  if (!cart.ok) return;
  for (const line of cart.value.lines.filter((l) => l.productId === productId)) await api.cartRemove(line.cartId);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

function describeThrown(error: unknown): Diagnosis {
  if (error instanceof OpenCartTimeoutError || error instanceof OpenCartConnectionError) {
    return { status: 'unreachable', detail: error.message };
  }
  if (error instanceof OpenCartError) return { status: 'not-opencart', detail: error.message };
  return { status: 'not-opencart', detail: 'unexpected error' };
}

/** Runs every check against one store; never throws. */
export async function diagnose(endpoint: OpenCartEndpoint, opts: DiagnoseOptions = {}): Promise<Diagnosis> {
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const api = createSessionFactory(endpoint, { timeoutMs, maxRetries: 0, ...(opts.logger ? { logger: opts.logger } : {}) })(null);
  try {
    const login = await api.login();
    if (!login.ok) {
      if (login.code === 'BAD_KEY') return { status: 'bad-key' };
      if (login.code === 'IP_NOT_ALLOWED') return { status: 'ip-not-allowed', ip: login.ip ?? null };
      return { status: 'not-opencart', detail: `api/login answered ${failureText(login)}` };
    }
  } catch (error) {
    return describeThrown(error);
  }
  try {
    return { status: 'ok', sample: await sampleQuote(api, endpoint.baseUrl, timeoutMs) };
  } catch (error) {
    if (error instanceof SampleStepError) return { status: 'sample-failed', step: error.step, detail: error.detail };
    if (error instanceof OpenCartError) return { status: 'sample-failed', step: error.route, detail: error.message };
    throw error;
  }
}

function listShipping(methods: ShippingMethod[] | null): string {
  if (methods === null) return 'not needed (the sample product does not ship)';
  const quotes = methods.flatMap((m) => m.quotes.map((q) => `${q.title} ${q.text} (${q.code})`));
  return quotes.length > 0 ? quotes.join(', ') : 'none offered';
}

/** The one line the operator reads; `where` names the store (its URL by default). Never contains the API key. */
export function formatDiagnosis(result: Diagnosis, endpoint: OpenCartEndpoint, where = endpoint.baseUrl): string {
  switch (result.status) {
    case 'ok': {
      const s = result.sample;
      const payment = s.payment.map((p) => `${p.title} (${p.code})`).join(', ') || 'none offered';
      return `OK: OpenCart API at ${where} works for user "${endpoint.username}". Sample product ${s.productId} to ${s.zoneName}, ${s.countryName}: shipping ${listShipping(s.shipping)}; payment ${payment}.`;
    }
    case 'bad-key':
      return `WRONG KEY: OpenCart at ${where} answered [] to the login of API user "${endpoint.username}": check OPENCART_API_USERNAME / OPENCART_API_KEY and that the API user is enabled.`;
    case 'ip-not-allowed':
      return `IP NOT ALLOWED: OpenCart at ${where} accepted the key but refused this machine's IP ${result.ip ?? '(unknown)'}: add it under System > Users > API > ${endpoint.username} > IP Addresses.`;
    case 'unreachable':
      return `UNREACHABLE: no answer from ${where}: ${result.detail}.`;
    case 'not-opencart':
      return `NOT AN OPENCART 3.0 API: ${where} did not answer like OpenCart's api/login (${result.detail}).`;
    case 'sample-failed':
      return `PARTLY OK: the API login at ${where} works, but the sample order check failed at ${result.step}: ${result.detail}.`;
  }
}

export const EXIT_CODES: Record<Diagnosis['status'], number> = {
  ok: 0,
  'sample-failed': 1,
  'bad-key': 2,
  'ip-not-allowed': 3,
  unreachable: 4,
  'not-opencart': 5,
};

/** Exit code when the bot's own setup (credentials, widget, state storage) is wrong. */
export const SETUP_EXIT_CODE = 6;

/** Loads the configuration (or starts the demo store when OPENCART_URL is unset) and prints one line. */
async function main(): Promise<number> {
  await import('dotenv/config');
  const { loadConfig } = await import('../config');
  const config = loadConfig();
  const { setupProblem } = await import('./setup-check');
  const problem = await setupProblem(config);
  if (problem) {
    process.stdout.write(`SETUP: ${problem}.\n`);
    return SETUP_EXIT_CODE;
  }
  let endpoint: OpenCartEndpoint;
  let stop = async (): Promise<void> => undefined;
  let where: string | undefined;
  if (config.OPENCART_URL && config.OPENCART_API_KEY) {
    endpoint = { baseUrl: config.OPENCART_URL, username: config.OPENCART_API_USERNAME, apiKey: config.OPENCART_API_KEY };
  } else {
    const { startDemoStore } = await import('../demo-store');
    const store = await startDemoStore();
    endpoint = { baseUrl: store.url, username: store.username, apiKey: store.apiKey };
    stop = () => store.close();
    where = `${store.url} (the embedded demo store: OPENCART_URL is unset)`;
  }
  try {
    const result = await diagnose(endpoint);
    // Belt and braces: whatever a message quoted, the key is never printed.
    const line = formatDiagnosis(result, endpoint, where).split(endpoint.apiKey).join('[redacted]');
    process.stdout.write(`${line}\n`);
    return EXIT_CODES[result.status];
  } finally {
    await stop();
  }
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      const message = error instanceof Error ? `${error.name}: ${error.message}` : 'unknown error';
      process.stderr.write(`doctor failed: ${message.replace(/\s*\n\s*/g, '; ')}\n`);
      process.exit(10);
    },
  );
}
