import type { AddressInfo } from 'node:net';
import type { ActivityHandlerBase, CloudAdapter } from 'botbuilder';
import type { Logger } from '../log';
import { HttpServer as Server } from './http/app';
import { DEFAULT_BODY_TIMEOUT_MS, DEFAULT_MAX_BODY_BYTES } from './http/json-body';
import { messagesRoute } from './http/messages-route';

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
  /** An activity's whole body must arrive within this (408 after). */
  bodyTimeoutMs?: number;
  /** Node's limits for any request: all headers, and the whole request, within these (408 after). */
  headersTimeoutMs?: number;
  requestTimeoutMs?: number;
}

/** Headers and bodies that drip are cut off: generous for a channel on a slow link, short for a slowloris. */
export const EDGE_DEFAULTS = {
  maxBodyBytes: DEFAULT_MAX_BODY_BYTES,
  bodyTimeoutMs: DEFAULT_BODY_TIMEOUT_MS,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 15_000,
} as const;

/**
 * Nothing parses bodies globally (restify's bodyParser could end the process on a bad gzip body and wrote
 * multipart files to /tmp before any check); a route that takes JSON reads it with readJsonBody.
 */
export function createServer(options: ServerOptions): Server {
  const { bot, adapter, logger } = options;
  const server = new Server((error) => {
    logger.error({ err: error instanceof Error ? error.name : typeof error }, 'route failed');
  });
  applyNodeTimeouts(server, options);

  const body = {
    maxBytes: options.maxBodyBytes ?? EDGE_DEFAULTS.maxBodyBytes,
    timeoutMs: options.bodyTimeoutMs ?? EDGE_DEFAULTS.bodyTimeoutMs,
  };
  server.post(MESSAGES_PATH, messagesRoute({ bot, adapter, logger, body }));

  server.get(HEALTH_PATH, (_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.setHeader('cache-control', 'no-store');
    res.end(JSON.stringify({ status: 'ok' }));
  });

  for (const addRoutes of options.extraRoutes ?? []) addRoutes(server);
  return server;
}

function applyNodeTimeouts(server: Server, options: ServerOptions): void {
  const headersTimeout = options.headersTimeoutMs ?? EDGE_DEFAULTS.headersTimeoutMs;
  const requestTimeout = Math.max(options.requestTimeoutMs ?? EDGE_DEFAULTS.requestTimeoutMs, headersTimeout);
  // Node checks both only every connectionsCheckingInterval (30 s by default); read at listen time.
  Object.assign(server.server, {
    headersTimeout,
    requestTimeout,
    connectionsCheckingInterval: Math.min(1000, headersTimeout),
  });
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
    server.listen(options.port, options.host, () => resolve());
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

/** Stops accepting; requests in flight finish, and each keep-alive connection is closed as soon as it is idle. */
function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    const sweep = setInterval(() => server.server.closeIdleConnections(), 100);
    server.close(() => {
      clearInterval(sweep);
      resolve();
    });
    server.server.closeIdleConnections();
  });
}
