import dotenv from 'dotenv';
import { ConfigError, loadConfig, type AppConfig } from './config';
import { createLogger, type Logger } from './log';
import { startDemoStore } from './demo-store';
import type { OpenCartEndpoint } from './opencart/api';
import { createOrderBot } from './bot';
import { isAnonymous, startBotApp } from './server';

/** Wiring only: configuration, the store to order from, the bot app, and a graceful shutdown. */
async function main(): Promise<void> {
  dotenv.config({ quiet: true });
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger(config.LOG_LEVEL);
  const closers: (() => Promise<void>)[] = [];

  const opencart = await storeEndpoint(config, logger, closers);
  const app = await startBotApp({ config, logger, opencart, createBot: createOrderBot });
  closers.unshift(app.close);
  logger.info({ endpoint: app.server.messagesUrl, anonymous: isAnonymous(config) }, 'bot listening');

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) {
      logger.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const overdue = setTimeout(() => {
      logger.warn({ graceMs: SHUTDOWN_GRACE_MS }, 'turns still running after the grace period: exiting');
      process.exit(1);
    }, SHUTDOWN_GRACE_MS);
    overdue.unref();
    void closeInOrder(closers, logger).then(() => process.exit(0));
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

/** Turns in flight get this long to finish after SIGTERM (channels give a turn about 15 s). */
const SHUTDOWN_GRACE_MS = 20_000;

/**
 * The server first (it stops accepting and waits for the running turns, whose state is then written), then the
 * storage and the embedded store those turns still needed.
 */
async function closeInOrder(closers: (() => Promise<void>)[], logger: Logger): Promise<void> {
  for (const close of closers) {
    await close().catch((error: unknown) => logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'close failed'));
  }
}

async function storeEndpoint(config: AppConfig, logger: Logger, closers: (() => Promise<void>)[]): Promise<OpenCartEndpoint> {
  if (config.OPENCART_URL && config.OPENCART_API_KEY) {
    return { baseUrl: config.OPENCART_URL, username: config.OPENCART_API_USERNAME, apiKey: config.OPENCART_API_KEY };
  }
  const store = await startDemoStore();
  closers.push(store.close);
  logger.info({ url: store.url }, 'no OPENCART_URL set: started the embedded demo store');
  return { baseUrl: store.url, username: store.username, apiKey: store.apiKey };
}

main().catch((error: unknown) => {
  console.error('start-up failed:', error instanceof Error ? error.message : error);
  process.exit(1);
});
