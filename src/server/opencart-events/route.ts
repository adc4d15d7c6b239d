import type { IncomingMessage } from 'node:http';
import { z } from 'zod';
import type { Clock } from '../../clock';
import type { Logger } from '../../log';
import type { HttpServer, Request, Response } from '../http/app';
import { isJsonContentType } from '../http/json-body';
import { ReplayCache, SIGNATURE_HEADER, TIMESTAMP_HEADER, verifyEvent } from './signature';

export const OPENCART_EVENTS_PATH = '/api/opencart/events';
const MAX_BODY_BYTES = 2048;
const BODY_TIMEOUT_MS = 5000;

const eventSchema = z.object({
  order_id: z.coerce.number().int().min(1).max(2_147_483_647),
  order_status_id: z.coerce.number().int().min(0).max(2_147_483_647),
  ts: z.coerce.number().int(),
});

export interface OpenCartEventsDeps {
  secret: string | undefined;
  clock: Clock;
  logger: Logger;
  /** Looks at the order now (order/info), whatever the notification said. */
  orderChanged(orderId: number): void;
}

/** The raw body, at most maxBytes, within the timeout; null otherwise. */
function rawBody(req: IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = (value: Buffer | null) => {
      clearTimeout(timer);
      req.removeAllListeners('data');
      if (value === null) req.pause();
      resolve(value);
    };
    const timer = setTimeout(() => done(null), BODY_TIMEOUT_MS);
    timer.unref();
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) done(null);
      else chunks.push(chunk);
    });
    req.once('end', () => done(Buffer.concat(chunks, size)));
    req.once('error', () => done(null));
    req.once('aborted', () => done(null));
  });
}

function answer(res: Response, status: number, close = false): void {
  const body = JSON.stringify(status === 202 ? { status: 'accepted' } : { error: status === 401 ? 'unauthorized' : 'bad request' });
  res.statusCode = status;
  res.setHeader('content-type', 'application/json');
  res.setHeader('cache-control', 'no-store');
  if (close) res.setHeader('connection', 'close');
  res.end(body);
}

const header = (req: Request, name: string): string | undefined => {
  const value = req.headers[name];
  return typeof value === 'string' && value.length <= 128 ? value : undefined;
};

/**
 * POST /api/opencart/events: the OpenCart extension's signed "an order's history changed". A forged, stale or
 * replayed notification gets 401 with no detail; a valid one makes the bot look at that order at once.
 */
export function openCartEventsRoute(deps: OpenCartEventsDeps): (server: HttpServer) => void {
  const replays = new ReplayCache();
  return (server) => {
    server.post(OPENCART_EVENTS_PATH, async (req: Request, res: Response) => {
      const declared = Number(req.headers['content-length'] ?? 0);
      if (!isJsonContentType(req.headers['content-type']) || declared > MAX_BODY_BYTES) return answer(res, 400, true);
      const body = await rawBody(req);
      if (!body) return answer(res, 400, true);
      const check = verifyEvent(
        { timestamp: header(req, TIMESTAMP_HEADER), signature: header(req, SIGNATURE_HEADER), body },
        deps.secret,
        deps.clock.now(),
        replays,
      );
      if (!check.ok) {
        deps.logger.warn({ code: check.code }, 'opencart event refused');
        return answer(res, 401);
      }
      let event: z.infer<typeof eventSchema>;
      try {
        const parsed = eventSchema.safeParse(JSON.parse(body.toString('utf8')));
        if (!parsed.success || parsed.data.ts !== check.timestampSeconds) return answer(res, 400);
        event = parsed.data;
      } catch {
        return answer(res, 400);
      }
      deps.orderChanged(event.order_id);
      answer(res, 202);
    });
  };
}
