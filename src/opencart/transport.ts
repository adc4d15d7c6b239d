import http from 'node:http';
import https from 'node:https';
import axios, { AxiosError, type AxiosInstance } from 'axios';
import axiosRetry, { isNetworkError } from 'axios-retry';
import { OpenCartConnectionError, OpenCartTimeoutError } from './errors';
import { encodeForm, type FormPairs } from './form';
import { proxySetting } from '../http-proxy';

const FREE_SOCKET_IDLE_MS = 4000;

export interface TransportOptions {
  timeoutMs: number;
  /** Extra attempts after a transport failure, only for requests marked repeatable. */
  maxRetries: number;
  /** Pause before retry n (1-based); small and linear. */
  retryDelayMs?: (retry: number) => number;
}

export interface ApiRequest {
  route: string;
  /** Query parameters besides `route` (api_token, order_id). */
  query: Record<string, string>;
  form: FormPairs;
  /** Safe to send again after a transport failure (OpenCart may have executed the first attempt). */
  repeatable: boolean;
  /** The User-Agent header; order/add stores it in the order (order/info's user_agent). */
  userAgent?: string;
}

/** Sent with every call; order/add appends its placement reference (see orderReferenceAgent). */
export const USER_AGENT = 'opencart-order-bot/1';

/** order/add's User-Agent: OpenCart stores it in the order row, so order/info can later tell this placement's order. */
export function orderReferenceAgent(reference: string): string {
  return `${USER_AGENT} (order ${reference})`;
}

export interface RawAnswer {
  status: number;
  contentType: string;
  body: string;
}

/** HTTP to one store: one axios instance with keep-alive agents, shared by every session of that store. */
export class OpenCartTransport {
  private readonly http: AxiosInstance;

  constructor(
    private readonly baseUrl: string,
    private readonly options: TransportOptions,
  ) {
    // Idle sockets are dropped after 4 s, before the server's keep-alive ends (Node 5 s, nginx 75 s): a reused
    // socket the server already closed would reset a POST that must never be repeated.
    const agentOptions = { keepAlive: true, maxSockets: 64, timeout: FREE_SOCKET_IDLE_MS };
    this.http = axios.create({
      timeout: options.timeoutMs,
      httpAgent: new http.Agent(agentOptions),
      httpsAgent: new https.Agent(agentOptions),
      responseType: 'text',
      transformResponse: [(data: unknown) => data],
      validateStatus: () => true,
      // A redirected POST would come back as a GET without its form; report the status instead.
      maxRedirects: 0,
      proxy: proxySetting(),
    });
    axiosRetry(this.http, {
      retries: 0,
      retryCondition: (error) => isNetworkError(error) || isTimeout(error),
      retryDelay: (retry) => (options.retryDelayMs ?? ((n: number) => 25 * n))(retry),
      shouldResetTimeout: true,
    });
  }

  /** Sends one API call; throws OpenCartTimeoutError / OpenCartConnectionError, never an axios error. */
  async send(request: ApiRequest): Promise<RawAnswer> {
    const url = new URL('index.php', this.baseUrl);
    url.search = new URLSearchParams({ route: request.route, ...request.query }).toString();
    try {
      const response = await this.http.post<string>(url.toString(), encodeForm(request.form), {
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          Accept: 'application/json, text/plain, */*',
          'User-Agent': request.userAgent ?? USER_AGENT,
        },
        'axios-retry': { retries: request.repeatable ? this.options.maxRetries : 0 },
      });
      return {
        status: response.status,
        contentType: String(response.headers['content-type'] ?? ''),
        body: typeof response.data === 'string' ? response.data : String(response.data ?? ''),
      };
    } catch (error) {
      throw toTransportError(request.route, error, this.options.timeoutMs);
    }
  }
}

function isTimeout(error: AxiosError): boolean {
  return error.code === 'ECONNABORTED' || error.code === 'ETIMEDOUT';
}

/** Keeps only the route and the error code: axios errors carry the URL (with the token) and the form. */
function toTransportError(route: string, error: unknown, timeoutMs: number): Error {
  if (error instanceof AxiosError) {
    if (isTimeout(error)) return new OpenCartTimeoutError(route, timeoutMs);
    return new OpenCartConnectionError(route, error.code ?? 'ERR_NETWORK');
  }
  return new OpenCartConnectionError(route, 'ERR_UNKNOWN');
}
