import type { HttpServer as Server } from '../http/app';
import { webchatTokenHandler, WEBCHAT_TOKEN_PATH, type WebchatTokenRouteOptions } from './route';

/** Adds POST /api/webchat/token and its preflight to the bot's server (mounted only when DIRECT_LINE_SECRET is set). */
export function webchatTokenRoutes(options: WebchatTokenRouteOptions): (server: Server) => void {
  const handler = webchatTokenHandler(options);
  return (server) => {
    server.post(WEBCHAT_TOKEN_PATH, handler);
    server.opts(WEBCHAT_TOKEN_PATH, handler);
  };
}

export { webchatTokenHandler, WEBCHAT_TOKEN_PATH, type WebchatTokenRouteOptions } from './route';
export { generateDirectLineToken, type GenerateResult, type GeneratedToken } from './direct-line';
export { TokenBucketLimiter, type TokenBucketOptions } from './rate-limit';
export { clientRateKey } from './client-address';
export {
  DEFAULT_DIRECT_LINE_URL,
  directLineBaseUrl,
  parseAllowedOrigins,
  webchatTokenConfigProblems,
  webchatTokenSettings,
  type WebchatTokenEnv,
  type WebchatTokenSettings,
} from './settings';
