import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Clock } from '../../clock';
import type { Logger } from '../../log';
import { clientRateKey } from './client-address';
import { generateDirectLineToken } from './direct-line';
import { TokenBucketLimiter } from './rate-limit';
import type { WebchatTokenSettings } from './settings';

export const WEBCHAT_TOKEN_PATH = '/api/webchat/token';

export interface WebchatTokenRouteOptions {
  settings: WebchatTokenSettings;
  logger: Logger;
  clock: Clock;
  /** Default: 10 tokens at once per client, one more every 6 s, 10,000 clients remembered. */
  limiter?: TokenBucketLimiter;
  /** How long Direct Line may take to answer (default 10 s). */
  timeoutMs?: number;
}

type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/** Web Chat's Direct Line client sends X-Requested-With; the widget posts JSON. */
const ALLOWED_REQUEST_HEADERS = 'content-type, x-requested-with';

function reply(res: ServerResponse, status: number, body: object | undefined, headers: Record<string, string>): void {
  const text = body === undefined ? '' : JSON.stringify(body);
  res.statusCode = status;
  res.setHeader('vary', 'Origin');
  res.setHeader('cache-control', 'no-store');
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  if (body !== undefined) res.setHeader('content-type', 'application/json');
  res.setHeader('content-length', Buffer.byteLength(text));
  res.end(text);
}

function allowedOrigin(req: IncomingMessage, allowed: ReadonlySet<string>): string | undefined {
  const origin = req.headers.origin;
  return typeof origin === 'string' && allowed.has(origin) ? origin : undefined;
}

/**
 * POST /api/webchat/token (and its CORS preflight): for one of the shop's origins only, within the client's
 * rate, a short-lived Direct Line token for a fresh user id `dl_<uuid>`. The secret stays here.
 */
export function webchatTokenHandler(options: WebchatTokenRouteOptions): Handler {
  const { settings, logger } = options;
  const allowed = new Set(settings.allowedOrigins);
  const limiter =
    options.limiter ?? new TokenBucketLimiter({ capacity: 10, refillMs: 6000, maxClients: 10_000, clock: options.clock });
  return async (req, res) => {
    const origin = allowedOrigin(req, allowed);
    if (!origin) {
      logger.info({ method: req.method }, 'web chat token: origin not allowed');
      reply(res, 403, { error: 'origin-not-allowed' }, {});
      return;
    }
    const cors = { 'access-control-allow-origin': origin };
    if (req.method === 'OPTIONS') {
      reply(res, 204, undefined, {
        ...cors,
        'access-control-allow-methods': 'POST',
        'access-control-allow-headers': ALLOWED_REQUEST_HEADERS,
        'access-control-max-age': '600',
      });
      return;
    }
    const taken = limiter.take(clientRateKey(req, settings.trustProxy));
    if (!taken.ok) {
      reply(res, 429, { error: 'rate-limited' }, { ...cors, 'retry-after': String(taken.retryAfterSeconds) });
      return;
    }
    const userId = `dl_${randomUUID()}`;
    const generated = await generateDirectLineToken({
      baseUrl: settings.directLineUrl,
      secret: settings.secret,
      userId,
      trustedOrigins: settings.allowedOrigins,
      timeoutMs: options.timeoutMs ?? 10_000,
    });
    if (!generated.ok) {
      logger.warn({ reason: generated.reason, status: generated.status }, 'web chat token: Direct Line failed');
      reply(res, 502, { error: 'direct-line-unavailable' }, cors);
      return;
    }
    const { token, conversationId, expires_in } = generated.value;
    reply(res, 200, { token, conversationId, expires_in, userId }, cors);
  };
}
