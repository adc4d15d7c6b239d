import { startDemoStore, type DemoStoreHandle } from '../../src/demo-store';
import { ChatSession, startLocalConnector, type LocalConnector } from '../../src/server/local-channel';
import { startBotProcess, startRecordingProxy, type BotProcess, type RecordingProxy } from './bot-process';
import { CANON_TO_BERLIN, play, restock, type Step } from './steps';

/** What the customer types, each value distinctive enough that any line holding it is a leak. */
const CUSTOMER = {
  search: 'canon eos',
  searchNothing: 'quasar zebrafink xylograph',
  firstName: 'Quirinus',
  lastName: 'Zwetschgenbaum',
  email: 'quirinus.zwetschgen@example.org',
  phone: '+49 30 7654321',
  city: 'Kleinbrunnenfeld',
  street: 'Wolkenkuckucksweg 17',
  postcode: '14199',
};

/** CANON_TO_BERLIN with the customer's own answers, and a search that finds nothing first. */
function distinctiveOrder(): Step[] {
  const replace: Record<string, string> = {
    Jane: CUSTOMER.firstName,
    Doe: CUSTOMER.lastName,
    'jane@example.com': CUSTOMER.email,
    '+49 30 1234567': CUSTOMER.phone,
    'Hauptstr. 1': CUSTOMER.street,
    '10115': CUSTOMER.postcode,
  };
  const steps = CANON_TO_BERLIN.map((step) => ('say' in step && replace[step.say] ? { say: replace[step.say] } : step));
  // The city is the second 'Berlin' (the first is the region).
  const city = steps.findIndex((step, i) => i > 0 && 'say' in step && step.say === 'Berlin' && 'say' in steps[i - 1] && (steps[i - 1] as { say: string }).say === 'Berlin');
  steps[city] = { say: CUSTOMER.city };
  return [{ say: CUSTOMER.searchNothing }, ...steps];
}

/** Each secret as it may be written: as typed, URL-encoded, JSON-escaped, digits only. */
function spellings(value: string): string[] {
  const digits = value.replace(/\D/g, '');
  return [value, encodeURIComponent(value), value.replace(/ /g, '+'), ...(digits.length >= 7 ? [digits, digits.slice(2)] : [])];
}

/**
 * The bot as `npm start` runs it, logging at trace to its stdout, orders from a demo store behind a proxy that
 * notes every API token and session cookie the store hands out. None of them, nor the key or anything the
 * customer typed about themselves (name, email, phone, street, city, postcode, search text), may show up in any
 * line the process wrote.
 */
describe('secrets and personal data in the logs', () => {
  let store: DemoStoreHandle | undefined;
  let proxy: RecordingProxy | undefined;
  let connector: LocalConnector | undefined;
  let bot: BotProcess | undefined;
  afterEach(async () => {
    bot?.kill();
    await connector?.close();
    await proxy?.close();
    await store?.close();
  });

  it('a complete order logged at trace shows no API key, token, cookie, name, email, phone, street, city, postcode or search text', async () => {
    store = await startDemoStore();
    restock(store);
    proxy = await startRecordingProxy(store.url);
    bot = await startBotProcess({ LOG_LEVEL: 'trace', OPENCART_URL: proxy.url, OPENCART_API_KEY: store.apiKey });
    connector = await startLocalConnector();
    const chat = new ChatSession({ botUrl: `${bot.url}/api/messages`, connector, channel: 'webchat', locale: 'en', conversationKey: 'logs' });
    await chat.start();

    const transcript = await play(chat, distinctiveOrder());

    const order = store.hooks.orders().at(-1);
    expect(order?.info).toMatchObject({
      firstname: CUSTOMER.firstName,
      lastname: CUSTOMER.lastName,
      email: CUSTOMER.email,
      payment_city: CUSTOMER.city,
      payment_address_1: CUSTOMER.street,
      payment_postcode: CUSTOMER.postcode,
    });
    expect(transcript.at(-1)).toContain(`Your order number is ${order?.orderId}.`);
    expect(await bot.stop('SIGTERM')).toEqual({ code: 0, signal: null });

    const lines = bot.output.filter((line) => line.trim() !== '');
    // The log was on: OpenCart calls and storefront reads were logged, so the check below looked at real lines.
    expect(lines.some((line) => line.includes('OpenCart call succeeded'))).toBe(true);
    expect(lines.filter((line) => line.includes('"level":20')).length).toBeGreaterThan(0);
    // The start-up check and the conversation each logged in; the store set a session cookie for each.
    expect(proxy.apiTokens.size).toBeGreaterThanOrEqual(2);
    expect(proxy.sessionCookies.size).toBeGreaterThanOrEqual(2);
    const secrets = [store.apiKey, ...proxy.apiTokens, ...proxy.sessionCookies, ...Object.values(CUSTOMER).flatMap(spellings)];
    const leaks = secrets.flatMap((secret) => lines.filter((line) => line.includes(secret)).map((line) => `${secret}: ${line.slice(0, 400)}`));
    expect(leaks).toEqual([]);
  });
});
