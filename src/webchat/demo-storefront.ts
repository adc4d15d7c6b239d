import type { IncomingMessage } from 'node:http';
import type { HttpServer as Server, Request, Response } from '../server/http/app';
import type { Logger } from '../log';

const HOST = /^(?:[\w.-]{1,253}|\[[\da-f:.]{2,45}\])(?::\d{1,5})?$/i;
const MAX_URL_LENGTH = 2048;
const TIMEOUT_MS = 15_000;
/** Pages only: the demo store's API (its key is public) and uploads stay on loopback. */
const HIDDEN_ROUTE = /^(?:api\/|tool\/upload)/;
const PASSED_HEADERS = ['content-type', 'cache-control', 'pragma', 'expires'];

/** The bot's base URL as the browser reached it (the Host header; https when a proxy says so). */
export function publicBaseUrl(req: IncomingMessage): string {
  const host = String(req.headers.host ?? '');
  const forwarded = String(req.headers['x-forwarded-proto'] ?? '').split(',')[0]?.trim();
  return `${forwarded === 'https' ? 'https' : 'http'}://${HOST.test(host) ? host : 'localhost'}/`;
}

function rewrite(text: string, from: string, to: string): string {
  return text.replaceAll(from, to).replaceAll(from.replaceAll('/', '\\/'), to.replaceAll('/', '\\/'));
}

/**
 * The embedded demo store's storefront pages (home, search, category, product) at the bot's own `/`, so
 * `npm start` shows a shop with the chat widget on every page. Links in the pages point back at the bot.
 */
export function mountDemoStorefront(server: Server, storeUrl: string, logger: Logger): void {
  const handler = async (req: Request, res: Response) => {
    const url = req.url ?? '/';
    // Only the path and query are taken from the request, so nothing in it can name another host.
    const asked = new URL(url, 'http://storefront');
    const target = new URL(storeUrl);
    target.pathname = asked.pathname;
    target.search = asked.search;
    if (url.length > MAX_URL_LENGTH || HIDDEN_ROUTE.test(asked.searchParams.get('route') ?? '')) {
      res.statusCode = 404;
      res.end();
      return;
    }
    const headers: Record<string, string> = {};
    for (const name of ['accept-language', 'cookie']) {
      const value = req.headers[name];
      if (typeof value === 'string' && value.length <= 4096) headers[name] = value;
    }
    let answer: globalThis.Response;
    try {
      answer = await fetch(target, { headers, redirect: 'manual', signal: AbortSignal.timeout(TIMEOUT_MS) });
    } catch (error) {
      logger.warn({ err: error instanceof Error ? error.name : 'unknown' }, 'demo storefront unreachable');
      res.statusCode = 502;
      res.end();
      return;
    }
    const base = publicBaseUrl(req);
    const type = answer.headers.get('content-type') ?? '';
    const isText = /^(?:text\/html|application\/json)/.test(type);
    const body = isText ? Buffer.from(rewrite(await answer.text(), storeUrl, base)) : Buffer.from(await answer.arrayBuffer());
    res.statusCode = answer.status;
    for (const name of PASSED_HEADERS) {
      const value = answer.headers.get(name);
      if (value) res.setHeader(name, value);
    }
    const cookies = answer.headers.getSetCookie();
    if (cookies.length > 0) res.setHeader('set-cookie', cookies);
    const location = answer.headers.get('location');
    if (location) res.setHeader('location', rewrite(location, storeUrl, base));
    res.setHeader('content-length', body.length);
    res.end(req.method === 'HEAD' ? undefined : body);
  };
  server.get('/*', handler);
  server.head('/*', handler);
}
