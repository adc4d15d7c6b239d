import type { AddressInfo } from 'node:net';
import restify, { type Server } from 'restify';
import type { ActivityHandlerBase, CloudAdapter } from 'botbuilder';
import type { Logger } from '../log';

export const MESSAGES_PATH = '/api/messages';
export const HEALTH_PATH = '/healthz';

/** Anything that can run a turn: the bot's ActivityHandler. */
export type TurnRunner = Pick<ActivityHandlerBase, 'run'>;

export interface ServerOptions {
  bot: TurnRunner;
  adapter: CloudAdapter;
  logger: Logger;
  /** Adds routes before the server starts, e.g. the local Web Chat page and its static files. */
  extraRoutes?: ((server: Server) => void)[];
  /** Largest accepted activity; Teams messages stay under ~80 KB. */
  maxBodyBytes?: number;
}

export function createServer(options: ServerOptions): Server {
  const { bot, adapter, logger } = options;
  const server = restify.createServer({ name: 'opencart-order-bot', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: options.maxBodyBytes ?? 1024 * 1024, mapParams: false }));

  server.post(MESSAGES_PATH, async (req, res) => {
    if (!looksLikeActivity(req.body)) {
      res.send(400, { error: 'expected a Bot Framework activity' });
      return;
    }
    try {
      await adapter.process(req, res, (context) => bot.run(context));
    } catch (error) {
      // Reached only when the adapter itself fails (bad activity, auth); turn errors go to onTurnError.
      logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'activity rejected');
      if (!res.headersSent) res.send(500);
    }
  });

  server.get(HEALTH_PATH, async (_req, res) => {
    res.send(200, { status: 'ok' });
  });

  for (const addRoutes of options.extraRoutes ?? []) addRoutes(server);
  return server;
}

/** The adapter throws (500) on shapes its schema rejects; a malformed request is the caller's fault (400). */
function looksLikeActivity(body: unknown): boolean {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return false;
  const { type, conversation, serviceUrl } = body as Record<string, unknown>;
  return typeof type === 'string' && typeof serviceUrl === 'string' && typeof conversation === 'object' && conversation !== null;
}

export interface RunningServer {
  /** e.g. http://127.0.0.1:3978 */
  url: string;
  messagesUrl: string;
  server: Server;
  close(): Promise<void>;
}

export interface StartServerOptions extends ServerOptions {
  /** 0 picks a free port. */
  port: number;
  /** Default: all interfaces (channels reach the bot from outside); tests pass 127.0.0.1. */
  host?: string;
}

export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const server = createServer(options);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    if (options.host) server.listen(options.port, options.host, () => resolve());
    else server.listen(options.port, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = !options.host || options.host === '0.0.0.0' || options.host === '::' ? 'localhost' : options.host;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
  return {
    url,
    messagesUrl: `${url}${MESSAGES_PATH}`,
    server,
    close: () => closeServer(server),
  };
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.server.closeIdleConnections();
  });
}
