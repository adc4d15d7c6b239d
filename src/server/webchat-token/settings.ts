/**
 * The production Web Chat token endpoint's settings, read from the validated configuration. No import of
 * config.ts here, so config.ts may call webchatTokenConfigProblems without a cycle.
 */
import { isLoopbackUrl } from '../http/loopback';

export interface WebchatTokenEnv {
  DIRECT_LINE_SECRET?: string;
  /** Comma-separated origins, e.g. "https://shop.example.com, https://www.shop.example.com". */
  WEBCHAT_ALLOWED_ORIGINS?: string;
  /** Direct Line's base URL; a regional one (https://europe.directline.botframework.com) or a test's fake. */
  DIRECT_LINE_URL?: string;
  /** True behind one reverse proxy (App Service): the client is the last address in X-Forwarded-For. */
  TRUST_PROXY?: boolean;
}

export interface WebchatTokenSettings {
  secret: string;
  allowedOrigins: string[];
  directLineUrl: string;
  trustProxy: boolean;
}

export const DEFAULT_DIRECT_LINE_URL = 'https://directline.botframework.com';
const MAX_ORIGINS = 20;
const MAX_ORIGIN_LENGTH = 253 + 'https://:65535'.length;
/** Direct Line secrets are base64url-ish text of ~50 characters; anything with spaces is a paste mistake. */
const SECRET_SHAPE = /^[\w.~+/=-]{20,512}$/;

/** An origin exactly as a browser sends it: scheme, host and port only, lowercase, no path or trailing slash. */
function checkOrigin(origin: string): string | undefined {
  if (origin.length > MAX_ORIGIN_LENGTH) return 'too long';
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return 'not a URL';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'not http(s)';
  if (url.origin !== origin) return `not an origin (write it as ${url.origin})`;
  return undefined;
}

function withoutTrailingSlashes(url: string): string {
  let end = url.length;
  while (end > 0 && url[end - 1] === '/') end -= 1;
  return url.slice(0, end);
}

export function parseAllowedOrigins(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter((origin) => origin !== '');
}

/** https, or plain http on loopback only (a test's fake): the secret travels in this request. */
function directLineUrlProblem(value: string): string | undefined {
  try {
    const url = new URL(value);
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackUrl(value))) {
      return 'DIRECT_LINE_URL: must be an https URL';
    }
    return url.search || url.hash ? 'DIRECT_LINE_URL: no query or fragment' : undefined;
  } catch {
    return 'DIRECT_LINE_URL: not a URL';
  }
}

/** What is wrong with the token endpoint's variables, one line each naming the variable; empty when all is well. */
export function webchatTokenConfigProblems(env: WebchatTokenEnv): string[] {
  const problems: string[] = [];
  const origins = parseAllowedOrigins(env.WEBCHAT_ALLOWED_ORIGINS);
  if (env.DIRECT_LINE_URL !== undefined) {
    const problem = directLineUrlProblem(env.DIRECT_LINE_URL);
    if (problem) problems.push(problem);
  }
  if (env.DIRECT_LINE_SECRET === undefined) return problems;
  if (!SECRET_SHAPE.test(env.DIRECT_LINE_SECRET)) {
    problems.push('DIRECT_LINE_SECRET: expected the Direct Line secret (20-512 characters, no spaces)');
  }
  if (origins.length === 0) {
    problems.push('WEBCHAT_ALLOWED_ORIGINS: required when DIRECT_LINE_SECRET is set (the shop\'s origins)');
  }
  if (origins.length > MAX_ORIGINS) problems.push(`WEBCHAT_ALLOWED_ORIGINS: at most ${MAX_ORIGINS} origins`);
  for (const origin of origins.slice(0, MAX_ORIGINS)) {
    const problem = checkOrigin(origin);
    if (problem) problems.push(`WEBCHAT_ALLOWED_ORIGINS: "${origin.slice(0, 80)}" is ${problem}`);
  }
  return problems;
}

/** Direct Line's base URL, no trailing slash: DIRECT_LINE_URL, else Azure's global one (the token endpoint and the widget use it). */
export function directLineBaseUrl(env: Pick<WebchatTokenEnv, 'DIRECT_LINE_URL'>): string {
  return withoutTrailingSlashes(env.DIRECT_LINE_URL ?? DEFAULT_DIRECT_LINE_URL);
}

/** The settings when DIRECT_LINE_SECRET is set (the endpoint is mounted), undefined otherwise; throws on bad values. */
export function webchatTokenSettings(env: WebchatTokenEnv): WebchatTokenSettings | undefined {
  const problems = webchatTokenConfigProblems(env);
  if (problems.length > 0) throw new Error(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  if (env.DIRECT_LINE_SECRET === undefined) return undefined;
  return {
    secret: env.DIRECT_LINE_SECRET,
    allowedOrigins: parseAllowedOrigins(env.WEBCHAT_ALLOWED_ORIGINS),
    directLineUrl: directLineBaseUrl(env),
    trustProxy: env.TRUST_PROXY ?? false,
  };
}
