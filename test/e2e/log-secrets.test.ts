import { startDemoStore, type DemoStoreHandle } from '../../src/demo-store';
import { ChatSession, startLocalConnector, type LocalConnector } from '../../src/server/local-channel';
import { startBotProcess, startRecordingProxy, type BotProcess, type RecordingProxy } from './bot-process';
import { CANON_TO_BERLIN, play, restock } from './steps';

/**
 * The bot as `npm start` runs it, logging at trace to its stdout, orders from a demo store behind a proxy that
 * notes every API token and session cookie the store hands out. None of them, nor the key or the customer's
 * contact details, may show up in any line the process wrote.
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

  it('a complete order logged at trace shows no API key, token, cookie, email or phone', async () => {
    store = await startDemoStore();
    restock(store);
    proxy = await startRecordingProxy(store.url);
    bot = await startBotProcess({ LOG_LEVEL: 'trace', OPENCART_URL: proxy.url, OPENCART_API_KEY: store.apiKey });
    connector = await startLocalConnector();
    const chat = new ChatSession({ botUrl: `${bot.url}/api/messages`, connector, channel: 'webchat', locale: 'en', conversationKey: 'logs' });
    await chat.start();

    const transcript = await play(chat, CANON_TO_BERLIN);

    const order = store.hooks.orders().at(-1);
    expect(order?.info.email).toBe('jane@example.com');
    expect(transcript.at(-1)).toContain(`Your order number is ${order?.orderId}.`);
    expect(await bot.stop('SIGTERM')).toEqual({ code: 0, signal: null });

    const lines = bot.output.filter((line) => line.trim() !== '');
    // The log was on: OpenCart calls were logged, so the check below looked at real lines.
    expect(lines.some((line) => line.includes('OpenCart call succeeded'))).toBe(true);
    // The start-up check and the conversation each logged in; the store set a session cookie for each.
    expect(proxy.apiTokens.size).toBeGreaterThanOrEqual(2);
    expect(proxy.sessionCookies.size).toBeGreaterThanOrEqual(2);
    const secrets = [store.apiKey, ...proxy.apiTokens, ...proxy.sessionCookies, 'jane@example.com', '+49 30 1234567', '49301234567', '301234567'];
    for (const secret of secrets) {
      expect(lines.filter((line) => line.includes(secret))).toEqual([]);
    }
  });
});
