import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * A strict JSON body reader for routes that take JSON (the bot's /api/messages, Direct Line, token routes).
 * Nothing parses bodies globally: a route that wants one calls readJsonBody and, on failure, replyBodyError.
 * Only `application/json` (charset utf-8 or none), no content encoding, at most maxBytes, within timeoutMs.
 */
export interface JsonBodyOptions {
  /** Largest accepted body in bytes (413 above it). */
  maxBytes: number;
  /** The whole body must arrive within this time from the call (408 after it), however slowly it drips. */
  timeoutMs: number;
}

export type JsonBodyErrorCode =
  | 'unsupported-media-type'
  | 'unsupported-encoding'
  | 'too-large'
  | 'timeout'
  | 'aborted'
  | 'invalid-json';

export interface JsonBodyError {
  ok: false;
  status: 400 | 408 | 413 | 415;
  code: JsonBodyErrorCode;
  /** True when the request was not read to its end: the connection must not be reused. */
  closeConnection: boolean;
}

export type JsonBodyResult = { ok: true; value: unknown } | JsonBodyError;

export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
export const DEFAULT_BODY_TIMEOUT_MS = 10_000;

const STATUS: Record<JsonBodyErrorCode, JsonBodyError['status']> = {
  'unsupported-media-type': 415,
  'unsupported-encoding': 415,
  'too-large': 413,
  timeout: 408,
  aborted: 400,
  'invalid-json': 400,
};

function failure(code: JsonBodyErrorCode, closeConnection: boolean): JsonBodyError {
  return { ok: false, status: STATUS[code], code, closeConnection };
}

/** `application/json`, optionally `; charset=utf-8`; any other type or charset is refused. */
export function isJsonContentType(header: string | undefined): boolean {
  if (!header || header.length > 200) return false;
  const [type, ...params] = header.split(';').map((part) => part.trim().toLowerCase());
  if (type !== 'application/json') return false;
  return params.every((param) => {
    const [name, value = ''] = param.split('=').map((part) => part.trim());
    if (name !== 'charset') return true;
    return value.replace(/^"(.*)"$/, '$1') === 'utf-8';
  });
}

function hasContentEncoding(req: IncomingMessage): boolean {
  const encoding = req.headers['content-encoding'];
  return encoding !== undefined && encoding.trim().toLowerCase() !== 'identity';
}

function declaredLength(req: IncomingMessage): number | undefined {
  const header = req.headers['content-length'];
  return header === undefined ? undefined : Number(header);
}

/** Checks the headers, then reads and parses the body; never throws, never leaves a listener behind. */
export function readJsonBody(req: IncomingMessage, options: JsonBodyOptions): Promise<JsonBodyResult> {
  if (!isJsonContentType(req.headers['content-type'])) {
    return Promise.resolve(failure('unsupported-media-type', !req.complete));
  }
  if (hasContentEncoding(req)) return Promise.resolve(failure('unsupported-encoding', !req.complete));
  const length = declaredLength(req);
  if (length !== undefined && length > options.maxBytes) return Promise.resolve(failure('too-large', true));
  if (req.readableEnded) return Promise.resolve(failure('aborted', false));
  return collect(req, options).then((result) => (result.ok ? parseJson(result.value) : result));
}

/** The raw body within the size and time limits (also for non-JSON bodies such as Direct Line's multipart upload). */
export function collect(req: IncomingMessage, options: JsonBodyOptions): Promise<{ ok: true; value: Buffer } | JsonBodyError> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (result: { ok: true; value: Buffer } | JsonBodyError) => {
      clearTimeout(timer);
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('aborted', onAborted);
      req.off('close', onAborted);
      // An error after we stopped listening must not become an uncaught exception.
      req.on('error', () => undefined);
      if (!result.ok) req.pause();
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > options.maxBytes) finish(failure('too-large', true));
      else chunks.push(chunk);
    };
    const onEnd = () => finish({ ok: true, value: Buffer.concat(chunks, size) });
    const onAborted = () => finish(failure('aborted', true));
    const timer = setTimeout(() => finish(failure('timeout', true)), options.timeoutMs);
    timer.unref();
    req.on('data', onData);
    req.once('end', onEnd);
    req.once('aborted', onAborted);
    req.once('close', onAborted);
    req.once('error', onAborted);
  });
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function parseJson(body: Buffer): JsonBodyResult {
  try {
    return { ok: true, value: JSON.parse(utf8.decode(body)) };
  } catch {
    return failure('invalid-json', false);
  }
}

/**
 * Answers a refused body with its status and a short JSON reason; when the request was not read to its end
 * the connection is closed after the answer, so the unread rest is never taken for the next request.
 */
export function replyBodyError(res: ServerResponse, error: JsonBodyError): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const body = JSON.stringify({ error: error.code });
  res.statusCode = error.status;
  res.setHeader('content-type', 'application/json');
  res.setHeader('content-length', Buffer.byteLength(body));
  if (error.closeConnection) {
    res.setHeader('connection', 'close');
    res.once('finish', () => res.socket?.destroy());
  }
  res.end(body);
}
