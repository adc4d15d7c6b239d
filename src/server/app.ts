import { type ConversationState, type UserState, type Storage } from 'botbuilder';
import { systemClock, type Clock } from '../clock';
import type { AppConfig } from '../config';
import type { Logger } from '../log';
import type { Catalog } from '../catalog/types';
import { createStorefrontCatalog, createStorefrontUploader, type StorefrontUploader } from '../catalog';
import type { CheckoutService } from '../domain/checkout-port';
import { createCheckoutService } from '../domain/checkout';
import { createAftersalesService, type AftersalesService } from '../domain/aftersales/service';
import { createTranslator, type SupportedLocale, type Translator } from '../i18n';
import { createSessionFactory } from '../opencart';
import type { OpenCartEndpoint } from '../opencart/api';
import { createCloudAdapter } from './adapter';
import { startServer, type RunningServer, type TurnRunner } from './server';
import { createStorage, type StateStorage } from './storage';
import type { ConversationLock } from '../storage';
import { checkStoreAccess, type StoreAccess } from './store-check';
import { translatedTurnErrorText } from './turn-error';
import { readinessRoute } from './ops/readiness-route';
import { createReadiness, storageCheck, storeCheck } from './ops/readiness';
import { createWebChatSite } from '../webchat/site';
import { ConversationRateLimit } from '../bot/rate-limit';
import { TurnGate } from '../bot/turn-gate';
import { webchatTokenRoutes, webchatTokenSettings } from './webchat-token';
import { createOrderWatch, watchSettings, type OrderWatch, type OrderWatchPort } from '../order-watch';
import { openCartEventsRoute } from './opencart-events';
import { LeanConversationState, LeanUserState } from '../storage/lean-state';

/** What the bot is built from; matches createOrderBot's options. */
export interface BotDeps {
  conversationState: ConversationState;
  userState: UserState;
  catalog: Catalog;
  checkout: CheckoutService;
  translator: Translator;
  logger: Logger;
  defaultLocale: SupportedLocale;
  clock: Clock;
  /** Set when several instances share the state storage (STATE_STORAGE=blob). */
  turnLock?: ConversationLock;
  rateLimit?: ConversationRateLimit;
  turnGate?: TurnGate;
  uploader?: StorefrontUploader;
  /** SHOP_SHARED_SECRET, for the signed-in customer the widget passes on. */
  shopSecret?: string;
  /** Watches the orders placed in the chat and tells the customer of status changes (ORDER_WATCH). */
  orderWatch?: OrderWatchPort;
  aftersales?: AftersalesService;
}

export type BotFactory = (deps: BotDeps) => TurnRunner;

export interface BotAppOptions {
  config: AppConfig;
  logger: Logger;
  createBot: BotFactory;
  /** The OpenCart store: the configured one, or the embedded demo store. */
  opencart: OpenCartEndpoint;
  clock?: Clock;
  /** Default: what STATE_STORAGE names (durable files under STATE_DIR unless configured otherwise). */
  storage?: Storage;
  /** Overrides config.PORT (tests pass 0). */
  port?: number;
  host?: string;
  /** Log in once at start so a wrong key or IP shows at once; tests may skip it. */
  checkStore?: boolean;
}

export interface BotApp {
  server: RunningServer;
  storeAccess: StoreAccess | 'not-checked';
  /** The order watcher (tests drive it with runDue after moving the clock). */
  orderWatch: OrderWatch;
  close(): Promise<void>;
}

/** The per-conversation limit on message turns, or none when TURN_RATE_LIMIT is 0. */
function turnRateLimit(config: AppConfig, clock: Clock): ConversationRateLimit | undefined {
  if (config.TURN_RATE_LIMIT === 0) return undefined;
  return new ConversationRateLimit({ clock, turnsPerMinute: config.TURN_RATE_LIMIT, burst: config.TURN_RATE_BURST });
}

/** Composes the running bot once: used by `npm start` and by the end-to-end tests, so both run the same thing. */
export async function startBotApp(options: BotAppOptions): Promise<BotApp> {
  const { config, logger } = options;
  const clock = options.clock ?? systemClock;
  // Production Web Chat: POST /api/webchat/token, only when DIRECT_LINE_SECRET is set; a bad value stops here.
  const tokenSettings = webchatTokenSettings(config);
  let ownStorage: StateStorage | undefined;
  const storage = options.storage ?? (ownStorage = createStorage(config, { logger, clock }));
  const translator = createTranslator({ defaultLocale: config.DEFAULT_LOCALE });
  const sessions = createSessionFactory(options.opencart, { logger, clock });
  const catalog = createStorefrontCatalog({ baseUrl: options.opencart.baseUrl, logger, clock });
  const checkout = createCheckoutService({ sessions, clock, logger });
  const adapter = createCloudAdapter({ credentials: config, logger, errorText: translatedTurnErrorText(translator) });
  // Without OPENCART_URL the store is the embedded demo store: its storefront is shown at the bot's `/`.
  const site = createWebChatSite({ config, logger, clock, demoStorefrontUrl: config.OPENCART_URL ? undefined : options.opencart.baseUrl });
  const orderWatch = createOrderWatch({
    storage,
    clock,
    logger,
    settings: watchSettings(config),
    sessions,
    translator,
    adapter,
    appId: config.MicrosoftAppId ?? '',
    presence: site.conversationOpen,
  });
  const bot = options.createBot({
    conversationState: new LeanConversationState(storage),
    userState: new LeanUserState(storage),
    catalog,
    checkout,
    translator,
    logger,
    defaultLocale: config.DEFAULT_LOCALE,
    clock,
    turnLock: ownStorage?.turnLock,
    rateLimit: turnRateLimit(config, clock),
    turnGate: new TurnGate(config.MAX_CONCURRENT_TURNS, config.MAX_WAITING_TURNS),
    uploader: createStorefrontUploader({ baseUrl: options.opencart.baseUrl, logger }),
    shopSecret: config.SHOP_SHARED_SECRET,
    orderWatch: orderWatch.port,
    aftersales: createAftersalesService({
      sessions,
      clock,
      logger,
      cancelRequestStatusId: config.CANCEL_REQUEST_STATUS_ID ?? null,
      initialStatusId: config.ORDER_INITIAL_STATUS_ID,
    }),
  });
  const storeAccess = options.checkStore === false ? 'not-checked' : await checkStoreAccess(sessions, logger);
  const tokenRoutes = tokenSettings ? [webchatTokenRoutes({ settings: tokenSettings, logger, clock })] : [];
  const readiness = createReadiness({ storage: storageCheck(storage), store: storeCheck(sessions) }, { clock });
  const events = openCartEventsRoute({
    secret: config.SHOP_SHARED_SECRET,
    clock,
    logger,
    orderChanged: (orderId) => void orderWatch.watcher.checkNow(orderId),
  });
  const extraRoutes = [readinessRoute(readiness), ...site.routes, ...tokenRoutes, events];
  const server = await startServer({
    bot,
    adapter,
    logger,
    port: options.port ?? config.PORT,
    host: options.host ?? config.HOST,
    extraRoutes,
  });
  const close = async () => {
    await site.close();
    await server.close();
    await orderWatch.watcher.stop();
    await ownStorage?.close();
  };
  return { server, storeAccess, orderWatch, close };
}
