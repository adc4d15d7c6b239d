import pino, { type Logger } from 'pino';

/** Paths that may hold secrets or personal data; pino replaces them before anything is written. */
export const REDACTED_PATHS = [
  'key', '*.key', 'api_key', '*.api_key', 'apiKey', '*.apiKey', 'api_token', '*.api_token', 'token', '*.token',
  'password', '*.password', 'MicrosoftAppPassword', '*.MicrosoftAppPassword', 'OPENCART_API_KEY', '*.OPENCART_API_KEY',
  'email', '*.email', 'telephone', '*.telephone', 'phone', '*.phone', 'cookie', '*.cookie', 'cookies', '*.cookies',
  'authorization', '*.authorization', 'headers.authorization', 'req.headers.authorization',
];

/** Removes api_token / key values from URLs and form bodies that end up in messages. */
export function scrubSecrets(text: string): string {
  return text
    .replace(/(api_token|token|key|OCSESSID)=[^&\s"';]+/gi, '$1=[redacted]')
    .replace(/("(?:api_token|key|token)"\s*:\s*")[^"]*"/gi, '$1[redacted]"');
}

export function createLogger(level = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({ level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } });
}

export type { Logger };
