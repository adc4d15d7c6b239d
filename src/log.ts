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

/** Where a turn logger keeps its turn's fields; its children (made by Object.create in pino) inherit them. */
const TURN_FIELDS = Symbol('turnLogFields');
type TurnTagged = Logger & { [TURN_FIELDS]?: TurnLogFields };

/**
 * `base` with the turn's fields on every line it, or any child of it, writes. The fields are read as each line is
 * written, so a turn number set after the logger was made shows. Costs a pino child (about 0.1 µs).
 *
 * Passed explicitly, not found through an AsyncLocalStorage: on Node 20 and 22 any AsyncLocalStorage that has run
 * makes every promise of the process pay for a hook, about a quarter of the bot's CPU (BENCHMARKS.md, 2026-12-03).
 */
export function turnLogger(base: Logger, fields: TurnLogFields | undefined): Logger {
  if (!fields) return base;
  const child = base.child({}) as TurnTagged;
  child[TURN_FIELDS] = fields;
  return child;
}

/** A turn's context as far as logging needs it: botbuilder's TurnContext has it (no botbuilder import here). */
export interface TurnScoped {
  readonly turnState: Map<unknown, unknown>;
}

const LOG_FIELDS_KEY = Symbol.for('orderBot.logFields');

/** Set once per turn by the bot: what every line logged for the turn names. */
export function setTurnLogFields(ctx: TurnScoped, fields: TurnLogFields): void {
  ctx.turnState.set(LOG_FIELDS_KEY, fields);
}

export function turnLogFieldsOf(ctx: TurnScoped): TurnLogFields | undefined {
  return ctx.turnState.get(LOG_FIELDS_KEY) as TurnLogFields | undefined;
}

/** `base` naming the turn of `ctx` on every line. */
export function turnLog(ctx: TurnScoped, base: Logger): Logger {
  return turnLogger(base, turnLogFieldsOf(ctx));
}

// The conversation's checkout state, handed by the turn to the domain, tied to the turn's fields while the turn runs.
const boundFields = new WeakMap<object, TurnLogFields>();

/**
 * Ties an object the turn hands to code that has no other way to the turn (the checkout state passed to the checkout
 * and after-sales services) to the turn's log fields, until `unbindTurnLog`. Turns of one conversation never overlap,
 * so an object is bound to one turn at a time.
 */
export function bindTurnLog(owner: object, fields: TurnLogFields): void {
  boundFields.set(owner, fields);
}

export function unbindTurnLog(owner: object): void {
  boundFields.delete(owner);
}

/** The log fields of the turn `owner` is bound to, if any. */
export function boundTurnLogFields(owner: object): TurnLogFields | undefined {
  return boundFields.get(owner);
}

/** `base` naming the turn `owner` is bound to (see bindTurnLog), or `base` itself outside a turn. */
export function loggerFor(owner: object, base: Logger): Logger {
  return turnLogger(base, boundFields.get(owner));
}

/** The turn fields of a line: a fresh object, since pino merges the line's own fields into what the mixin returns. */
function turnFieldsOf(logger: TurnTagged): Record<string, unknown> {
  const fields = logger[TURN_FIELDS];
  if (!fields) return {};
  return { conversation: fields.conversation, channel: fields.channel, ...(fields.turn === undefined ? {} : { turn: fields.turn }) };
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
    mixin: (_line, _level, logger) => turnFieldsOf(logger as TurnTagged),
  };
  return destination ? pino(options, destination) : pino(options);
}

export type { Logger };
