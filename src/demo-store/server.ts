import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { purgeExpiredLines } from './cart';
import { renderBody } from './api/context';
import { apiRoutes } from './api/routes';
import { buildContext, newSessionId, normalizeIp, saveSession, startSession } from './api/startup';
import { notFoundPage } from './not-found-page';
import { parsePhpForm, type PhpArray } from './php';
import type { StoreState } from './state';
import { handleStorefront } from './storefront/index';
import { handleUpload } from './storefront/upload';

/** Knobs the test hooks turn at run time. */
export interface ServerControls {
  latencyMs: number;
  failNext: number;
  /** API calls answered (or dropped after being handled) per route, since the last reset. */
  callCounts: Map<string, number>;
  /** Per route: how many of its next calls are handled in full and then get no answer (the connection is destroyed). */
  dropAnswers: Map<string, number>;
  /** After a dropped answer, this many following API calls fail too (failNext is set to it). */
  failAfterDrop: number;
}

const NO_CACHE = {
  expires: 'Thu, 19 Nov 1981 08:52:00 GMT',
  'cache-control': 'no-store, no-cache, must-revalidate, post-check=0, pre-check=0',
  pragma: 'no-cache',
};

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/**
 * Status, headers and body, without chaining on writeHead's return value: restify (loaded by the bot in the same
 * process) replaces ServerResponse.prototype.writeHead process-wide with a version that returns undefined.
 */
function send(res: ServerResponse, status: number, headers: OutgoingHttpHeaders, body: string): void {
  res.statusCode = status;
  for (const [name, value] of Object.entries(headers)) if (value !== undefined) res.setHeader(name, value);
  res.end(body);
}

function cookiesOf(req: IncomingMessage): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) out.set(part.slice(0, eq).trim(), decodeURIComponent(part.slice(eq + 1).trim()));
  }
  return out;
}

function formOf(req: IncomingMessage, body: Buffer): PhpArray {
  const type = String(req.headers['content-type'] ?? '');
  if (req.method !== 'POST' || !type.includes('application/x-www-form-urlencoded')) return new Map();
  return parsePhpForm(new URLSearchParams(body.toString('utf8')).entries());
}

function preferenceCookies(now: number, currency: string): string[] {
  const expires = new Date(now + 30 * 24 * 3600 * 1000).toUTCString().replace(/ GMT$/, ' GMT');
  const tail = `expires=${expires}; Max-Age=2592000; path=/`;
  return [`language=en-gb; ${tail}`, `currency=${currency}; ${tail}`];
}

async function handleApi(state: StoreState, controls: ServerControls, req: IncomingMessage, res: ServerResponse, url: URL, route: string, body: Buffer): Promise<void> {
  const handler = apiRoutes[route];
  if (!handler) {
    send(res, 404, { 'content-type': 'text/html; charset=utf-8' }, notFoundPage(state.baseUrl));
    return;
  }
  const ip = normalizeIp(req.socket.remoteAddress);
  const now = state.clock.now();
  const started = startSession(state, url.searchParams.get('api_token'), cookiesOf(req).get('OCSESSID'), ip, now);
  if (started === 'invalid-cookie') {
    send(res, 200, { 'content-type': 'text/html; charset=UTF-8' }, 'Error: Invalid session ID!');
    return;
  }
  const ctx = buildContext({
    state, started, now, ip, method: req.method ?? 'GET', post: formOf(req, body), query: url.searchParams,
    userAgent: String(req.headers['user-agent'] ?? ''), acceptLanguage: String(req.headers['accept-language'] ?? ''),
  });
  // The session was read above; a delay here lets overlapping requests of one session lose updates like PHP does.
  if (controls.latencyMs > 0) await sleep(controls.latencyMs);
  purgeExpiredLines(ctx);
  const json = handler(ctx);
  saveSession(state, ctx.sessionId, ctx.session, state.clock.now());
  const drops = controls.dropAnswers.get(route) ?? 0;
  if (drops > 0) {
    // The store has done the work (an order/add took the order); the answer is lost on the way.
    controls.dropAnswers.set(route, drops - 1);
    controls.failNext = controls.failAfterDrop;
    req.socket.destroy();
    return;
  }
  const cookies = started.setCookie ? [`OCSESSID=${started.setCookie}; path=/`] : [];
  send(res, 200, {
    'content-type': 'application/json', ...NO_CACHE,
    'set-cookie': [...cookies, ...preferenceCookies(now, ctx.currency.code)],
  }, renderBody(ctx, json));
}

/** The request handler: api/ routes here, everything else to the storefront renderer (404 when it has no page). */
export function createRequestHandler(state: StoreState, controls: ServerControls) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    try {
      const body = await readBody(req);
      const url = new URL(req.url ?? '/', state.baseUrl);
      const route = url.searchParams.get('route');
      if (route?.startsWith('api/')) {
        controls.callCounts.set(route, (controls.callCounts.get(route) ?? 0) + 1);
        if (controls.failNext > 0) {
          controls.failNext--;
          req.socket.destroy();
          return;
        }
        await handleApi(state, controls, req, res, url, route, body);
        return;
      }
      if (route === 'tool/upload') {
        const answer = handleUpload(state, body, String(req.headers['content-type'] ?? ''), state.clock.now());
        const cookie = cookiesOf(req).get('OCSESSID') ?? newSessionId();
        const cookies = [`OCSESSID=${cookie}; path=/`, ...preferenceCookies(state.clock.now(), state.catalog.settings.currency)];
        const headers = answer.status === 413 ? {} : { ...NO_CACHE, 'set-cookie': cookies };
        send(res, answer.status, { 'content-type': answer.contentType, ...headers }, answer.body);
        return;
      }
      const page = handleStorefront(
        { method: req.method ?? 'GET', route, path: url.pathname, query: url.searchParams,
          body: new URLSearchParams(body.toString('utf8')), headers: req.headers },
        state.catalog, state.baseUrl, { stockDisplay: state.config.config_stock_display !== 0 },
      );
      if (!page) {
        send(res, 404, { 'content-type': 'text/html; charset=utf-8' }, notFoundPage(state.baseUrl));
        return;
      }
      send(res, page.status, { 'content-type': page.contentType, ...(page.headers ?? {}) }, page.body);
    } catch {
      if (res.headersSent) {
        res.end();
        return;
      }
      send(res, 500, { 'content-type': 'text/plain' }, 'Internal error');
    }
  };
}
