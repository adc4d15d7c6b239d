import type { AddressInfo } from 'node:net';
import type { HttpServer as Server } from '../http/app';
import { systemClock, type Clock } from '../../clock';
import type { Logger } from '../../log';
import { AttachmentStore } from './attachment-store';
import { mountClientRoutes } from './client-routes';
import { mountConnectorRoutes } from './connector-routes';
import { ConversationStore, DEFAULT_LIMITS, type DirectLineLimits } from './conversation-store';
import { BotDelivery } from './delivery';
import { ActivityStreams } from './stream';
import { mountUploadRoutes } from './upload-routes';

export { DIRECT_LINE_PATH } from './client-routes';
export { ATTACHMENTS_PATH } from './upload-routes';
export { BOT_ACCOUNT } from './delivery';
export { ConversationStore, DEFAULT_LIMITS, type DirectLineLimits, type StoredActivity } from './conversation-store';

export interface DirectLineStandInOptions {
  logger: Logger;
  clock?: Clock;
  limits?: Partial<DirectLineLimits>;
  /** How often idle conversations are swept (they are also refused on use once idle too long). */
  sweepEveryMs?: number;
}

export interface DirectLineStandIn {
  /** For ServerOptions.extraRoutes: the REST routes, the stream and the connector routes on the bot's server. */
  mount(server: Server): void;
  store: ConversationStore;
  /** The files customers uploaded (Web Chat's paperclip), dropped with their conversation. */
  files: AttachmentStore;
  /** Resolves once every activity handed to the bot so far was delivered. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

/** Client activities are small (text, card answers, events); bot replies carry cards. */
const CLIENT_BODY = { maxBytes: 64 * 1024, timeoutMs: 10_000 };
const BOT_BODY = { maxBytes: 512 * 1024, timeoutMs: 10_000 };
/** A file of a few MB on a slow line. */
const UPLOAD_TIMEOUT_MS = 60_000;

/**
 * A Direct Line 3.0 stand-in for running without Azure: Web Chat talks to it as to directline.botframework.com,
 * and it hands the activities to the bot's own /api/messages with itself as the serviceUrl. Mount it only
 * when the bot runs without Bot Framework credentials.
 */
export function createDirectLineStandIn(options: DirectLineStandInOptions): DirectLineStandIn {
  const store = new ConversationStore(options.clock ?? systemClock, { ...DEFAULT_LIMITS, ...options.limits });
  const files = new AttachmentStore(store.limits);
  store.onForget((conversationId) => files.dropConversation(conversationId));
  const streams = new ActivityStreams(store);
  let botUrl: string | undefined;
  let mounted: Server | undefined;
  const delivery = new BotDelivery({ logger: options.logger, botUrl: () => botUrl ?? loopbackUrl(mounted) });
  const sweeper = setInterval(() => store.sweep(), options.sweepEveryMs ?? 60_000);
  sweeper.unref();
  return {
    store,
    files,
    mount(server) {
      mounted = server;
      mountClientRoutes(server, { store, delivery, body: CLIENT_BODY });
      mountUploadRoutes(server, { store, files, delivery, timeoutMs: UPLOAD_TIMEOUT_MS });
      mountConnectorRoutes(server, { store, body: BOT_BODY });
      streams.attach(server.server);
      server.server.once('listening', () => {
        botUrl = loopbackUrl(server);
      });
    },
    idle: () => delivery.idle(),
    async close() {
      clearInterval(sweeper);
      streams.close();
      store.clear();
      files.clear();
    },
  };
}

/** The bot's own address on loopback, whatever interface it listens on. */
function loopbackUrl(server: Server | undefined): string {
  const address = server?.server.address() as AddressInfo | null | undefined;
  if (!address) throw new Error('the Direct Line stand-in is not mounted on a listening server');
  const host = address.family === 'IPv6' && address.address === '::1' ? '[::1]' : '127.0.0.1';
  return `http://${host}:${address.port}`;
}
