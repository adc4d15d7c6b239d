import http from 'node:http';
import https from 'node:https';
import axios, { type AxiosInstance } from 'axios';
import type { Logger } from '../log';

/** The storefront answered something other than 200 or 404. */
export class StorefrontHttpError extends Error {
  constructor(
    readonly url: string,
    readonly status: number,
  ) {
    super(`Storefront answered HTTP ${status} for ${url}`);
    this.name = 'StorefrontHttpError';
  }
}

/** The storefront did not answer (timeout, refused connection, reset). */
export class StorefrontTransportError extends Error {
  constructor(
    readonly url: string,
    readonly reason: string,
  ) {
    super(`Storefront request failed for ${url}: ${reason}`);
    this.name = 'StorefrontTransportError';
  }
}

export interface StorefrontFetcher {
  /** The body of a storefront page, or null on HTTP 404. `language` is OpenCart's code ("de-de"). */
  get(params: Record<string, string>, language?: string): Promise<string | null>;
}

export interface FetcherOptions {
  baseUrl: string;
  timeoutMs?: number;
  logger?: Logger;
}

/** GETs `index.php?route=...` pages with keep-alive and a timeout; no cookie jar, so no session is ever shared. */
export function createStorefrontFetcher(opts: FetcherOptions): StorefrontFetcher {
  const client: AxiosInstance = axios.create({
    baseURL: opts.baseUrl.endsWith('/') ? opts.baseUrl : `${opts.baseUrl}/`,
    timeout: opts.timeoutMs ?? 10_000,
    httpAgent: new http.Agent({ keepAlive: true, maxSockets: 16 }),
    httpsAgent: new https.Agent({ keepAlive: true, maxSockets: 16 }),
    responseType: 'text',
    transformResponse: [(data: unknown) => data], // keep the raw body: PHP warnings may precede JSON
    validateStatus: () => true,
    maxRedirects: 3,
  });
  return {
    async get(params, language) {
      const url = `index.php?${new URLSearchParams(params).toString()}`;
      // OpenCart 3 takes the language from the session, else the `language` cookie, else Accept-Language.
      const headers: Record<string, string> = language ? { Cookie: `language=${language}`, 'Accept-Language': language } : {};
      const started = Date.now();
      try {
        const response = await client.get<string>(url, { headers });
        opts.logger?.debug({ url, status: response.status, ms: Date.now() - started }, 'storefront fetch');
        if (response.status === 404) return null;
        if (response.status !== 200) throw new StorefrontHttpError(url, response.status);
        return typeof response.data === 'string' ? response.data : String(response.data);
      } catch (error) {
        if (error instanceof StorefrontHttpError) throw error;
        const reason = error instanceof Error ? error.message : String(error);
        throw new StorefrontTransportError(url, reason);
      }
    },
  };
}
