import pino from 'pino';
import { ManualClock } from '../../src/clock';
import { loadConfig } from '../../src/config';
import { startDemoStore, type DemoStoreHandle } from '../../src/demo-store';
import { startBotApp, type BotApp, type BotFactory } from '../../src/server';
import { ChatSession, startLocalConnector, type LocalChannelId, type LocalConnector } from '../../src/server/local-channel';

/**
 * The whole thing on loopback: the demo store, the bot app as `npm start` composes it (express + CloudAdapter,
 * anonymous), and a local Bot Connector receiving the bot's replies. One clock for store and bot, never advanced
 * unless a test says so.
 */
export interface Shop {
  store: DemoStoreHandle;
  app: BotApp;
  connector: LocalConnector;
  clock: ManualClock;
  chat(channel: LocalChannelId, locale: string): ChatSession;
  close(): Promise<void>;
}

export async function startShop(
  createBot: BotFactory,
  options: { checkStore?: boolean; apiKey?: string; env?: Record<string, string> } = {},
): Promise<Shop> {
  const clock = new ManualClock();
  const store = await startDemoStore({ clock });
  // In-process tests keep state in memory: nothing written into the repo (the process tests use a temp STATE_DIR).
  // The store's clock only moves when a test says so: the turn rate limit would never refill.
  const config = loadConfig({ LOG_LEVEL: 'silent', STATE_STORAGE: 'memory', TURN_RATE_LIMIT: '0', ...options.env });
  const app = await startBotApp({
    config,
    logger: pino({ level: process.env.E2E_LOG_LEVEL ?? 'silent' }),
    createBot,
    opencart: { baseUrl: store.url, username: store.username, apiKey: options.apiKey ?? store.apiKey },
    checkStore: options.checkStore ?? false,
    clock,
    port: 0,
    host: '127.0.0.1',
  });
  const connector = await startLocalConnector();
  let conversations = 0;
  return {
    store,
    app,
    connector,
    clock,
    chat: (channel, locale) =>
      new ChatSession({
        botUrl: app.server.messagesUrl,
        connector,
        channel,
        locale,
        conversationKey: `e2e-${++conversations}`,
        now: () => new Date(clock.now()),
      }),
    async close() {
      await app.close();
      await connector.close();
      await store.close();
    },
  };
}
