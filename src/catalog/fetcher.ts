import http from 'node:http';
import https from 'node:https';
import axios, { type AxiosInstance } from 'axios';
import type { Logger } from '../log';
import { proxySetting } from '../http-proxy';

/** Parameters that are ids or switches; any other value (the search text above all) is customer text. */
const SAFE_PARAMS = new Set(['route', 'limit', 'product_id', 'country_id', 'path', 'description', 'page', 'sort', 'order']);

/**
 * The request as logs and error messages may show it: ids kept, customer text replaced by its length
 * (`search=[27 chars]`), so a name or phone typed into the search never reaches a log.
 */
export function describeRequest(params: Record<string, string>): string {
  const shown = Object.entries(params).map(([name, value]) => (SAFE_PARAMS.has(name) ? `${name}=${value}` : `${name}=[${value.length} chars]`));
  return `index.php?${shown.join('&')}`;
}

/** The storefront answered something other than 200 or 404. `url` is describeRequest's: no customer text. */
export class StorefrontHttpError extends Error {
  constructor(
    readonly url: string,
    readonly status: number,
    readonly route = '',
  ) {
    super(`Storefront answered HTTP ${status} for ${url}`);
    this.name = 'StorefrontHttpError';
  }
}

/** The storefront did not answer (timeout, refused connection, reset). `url` is describeRequest's: no customer text. */
export class StorefrontTransportError extends Error {
  constructor(
    readonly url: string,
    readonly reason: string,
    readonly route = '',
  ) {
    super(`Storefront request failed for ${url}: ${reason}`);
    this.name = 'StorefrontTransportError';
  }
}

/** Which language and currency a page is asked in; both are store codes ("de-de", "EUR") checked by the catalog. */
export interface PagePreferences {
  language?: string;
  currency?: string;
}

export interface StorefrontFetcher {
  /** The body of a storefront page, or null on HTTP 404. */
  get(params: Record<string, string>, prefs?: PagePreferences): Promise<string | null>;
}

/**
 * OpenCart 3 reads the language and the currency from the session, else from the `language` / `currency` cookies
 * (else Accept-Language / config_currency). This fetcher never holds a session, so the cookies decide.
 */
export function preferenceHeaders(prefs: PagePreferences = {}): Record<string, string> {
  const cookies: string[] = [];
  if (prefs.language) cookies.push(`language=${encodeURIComponent(prefs.language)}`);
  if (prefs.currency) cookies.push(`currency=${encodeURIComponent(prefs.currency)}`);
  const headers: Record<string, string> = {};
  if (cookies.length > 0) headers.Cookie = cookies.join('; ');
  if (prefs.language) headers['Accept-Language'] = prefs.language;
  return headers;
}

export interface FetcherOptions {
  baseUrl: string;
  timeoutMs?: number;
  logger?: Logger;
}

/**
 * An axios client for the storefront: keep-alive, a timeout, the raw body as text (PHP warnings may precede
 * JSON), every status answered (the caller reads it), no cookie jar, so no session is ever shared.
 */
export function storefrontClient(baseUrl: string, settings: { timeoutMs: number; maxSockets: number; maxRedirects: number; maxContentLength?: number }): AxiosInstance {
  return axios.create({
    baseURL: baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`,
    timeout: settings.timeoutMs,
    httpAgent: new http.Agent({ keepAlive: true, maxSockets: settings.maxSockets }),
    httpsAgent: new https.Agent({ keepAlive: true, maxSockets: settings.maxSockets }),
    responseType: 'text',
    transformResponse: [(data: unknown) => data],
    validateStatus: () => true,
    maxRedirects: settings.maxRedirects,
    proxy: proxySetting(),
    ...(settings.maxContentLength === undefined ? {} : { maxContentLength: settings.maxContentLength }),
  });
}

/** GETs `index.php?route=...` pages with keep-alive and a timeout; no cookie jar, so no session is ever shared. */
export function createStorefrontFetcher(opts: FetcherOptions): StorefrontFetcher {
  const client = storefrontClient(opts.baseUrl, { timeoutMs: opts.timeoutMs ?? 10_000, maxSockets: 16, maxRedirects: 3 });
  return {
    async get(params, prefs) {
      const url = `index.php?${new URLSearchParams(params).toString()}`;
      const shown = describeRequest(params);
      const route = params.route ?? '';
      const headers = preferenceHeaders(prefs);
      const started = Date.now();
      try {
        const response = await client.get<string>(url, { headers });
        opts.logger?.debug({ request: shown, status: response.status, ms: Date.now() - started }, 'storefront fetch');
        if (response.status === 404) return null;
        if (response.status !== 200) throw new StorefrontHttpError(shown, response.status, route);
        return typeof response.data === 'string' ? response.data : String(response.data);
      } catch (error) {
        if (error instanceof StorefrontHttpError) throw error;
        // axios' own message names no URL; its code says what happened ("timeout of 10000ms exceeded", ECONNRESET).
        const code = (error as { code?: unknown }).code;
        const reason = typeof code === 'string' ? code : error instanceof Error ? error.name : 'unknown';
        throw new StorefrontTransportError(shown, reason, route);
      }
    },
  };
}
