import type { CloudAdapter, Storage } from 'botbuilder';
import type { Clock } from '../clock';
import type { Logger } from '../log';
import type { Translator } from '../i18n';
import type { OpenCartSessionFactory } from '../opencart/api';
import { orderWatchPort, proactiveSender, type ConversationPresence, type OrderWatchPort } from './proactive';
import type { WatchSettings } from './settings';
import { apiStatusLookup, OrderWatcher } from './watcher';

export { OrderWatcher, apiStatusLookup, type StatusLookup, type UpdateSender, type WatchRequest } from './watcher';
export { WatchStore, type WatchDoc, type PendingUpdate } from './watch-store';
export { watchSettings, parseStatusIds, DEFAULT_WATCH_SETTINGS, type WatchSettings } from './settings';
export { orderWatchPort, proactiveSender, updateText, conversationKeyOf, type OrderWatchPort, type ConversationPresence } from './proactive';

export interface OrderWatchOptions {
  storage: Storage;
  clock: Clock;
  logger: Logger;
  settings: WatchSettings;
  /** The watcher's own API session is made from it (logged in with the API key). */
  sessions: OpenCartSessionFactory;
  translator: Translator;
  adapter: CloudAdapter;
  appId: string;
  presence?: ConversationPresence;
}

export interface OrderWatch {
  watcher: OrderWatcher;
  port: OrderWatchPort;
}

/** The watcher with its own OpenCart session and the proactive sender; started (timer unref'd) when enabled. */
export function createOrderWatch(options: OrderWatchOptions): OrderWatch {
  const logger = options.logger.child({ component: 'order-watch' });
  const api = options.sessions(null);
  const watcher = new OrderWatcher({
    storage: options.storage,
    clock: options.clock,
    logger,
    settings: options.settings,
    lookup: apiStatusLookup(api, logger),
    send: proactiveSender(options),
  });
  watcher.start();
  return { watcher, port: orderWatchPort(watcher, options.translator, logger) };
}
