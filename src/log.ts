import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
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

/** What every log line of a turn carries: which conversation (hashed), which channel, which turn of it. */
export interface TurnLogFields {
  conversation: string;
  channel: string;
  turn?: number;
}

// One per process (an AsyncLocalStorage per turn or per client would never be released on Node 20).
const turnFields = new AsyncLocalStorage<TurnLogFields>();

/** Runs one turn so that every line logged meanwhile, by any logger made here, names its conversation. */
export function withTurnLog<T>(fields: TurnLogFields, work: () => Promise<T>): Promise<T> {
  return turnFields.run(fields, work);
}

/** A conversation id as logs show it: a short keyed hash, never the raw id (Teams and Telegram ids name people). */
export function conversationLogId(conversationId: string): string {
  return createHash('sha256').update('opencart-order-bot:').update(conversationId).digest('base64url').slice(0, 12);
}

/** A turn's log fields whose conversation hash is computed only when a line is logged (most turns log none). */
export function turnLogFields(conversationId: string, channel: string): TurnLogFields {
  let hashed: string | undefined;
  return {
    get conversation() {
      return (hashed ??= conversationLogId(conversationId));
    },
    channel,
  };
}

export function createLogger(level = process.env.LOG_LEVEL ?? 'info', destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    mixin: () => turnFields.getStore() ?? {},
  };
  return destination ? pino(options, destination) : pino(options);
}

export type { Logger };
