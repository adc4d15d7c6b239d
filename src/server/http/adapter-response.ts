import type { ServerResponse } from 'node:http';
import type { Logger } from '../../log';

/** The response shape CloudAdapter.process writes to (botbuilder's `Response`), over a plain ServerResponse. */
export interface AdapterResponse {
  socket: unknown;
  end(...args: unknown[]): unknown;
  header(name: string, value: unknown): unknown;
  send(...args: unknown[]): unknown;
  status(code: number): unknown;
}

export function answerJson(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) {
    if (!res.writableEnded) res.end();
    return;
  }
  const text = JSON.stringify(body);
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('content-length', Buffer.byteLength(text));
  res.end(text);
}

/** The SDK's own error texts (token problems, fetch failures naming URLs) are for our log, not for the caller. */
function refusalCode(status: number): string {
  if (status === 401 || status === 403) return 'unauthorized';
  if (status === 503) return 'authentication-unavailable';
  return status >= 500 ? 'internal' : 'bad-request';
}

/**
 * Collects what the adapter sets (status, then an optional body, then end) and writes it once: invoke and
 * expect-replies bodies as JSON, a refusal as our own short code.
 */
export function adapterResponse(res: ServerResponse, logger: Logger): AdapterResponse {
  let status = 200;
  let body: unknown;
  return {
    socket: res.socket,
    header: (name, value) => res.setHeader(name, String(value)),
    status: (code) => {
      status = code;
    },
    send: (value) => {
      body = value;
    },
    end: () => {
      if (status >= 400) {
        logger.warn({ status }, 'the adapter refused an activity');
        answerJson(res, status, { error: refusalCode(status) });
      } else if (body === undefined) {
        if (res.headersSent) return;
        res.statusCode = status;
        res.end();
      } else {
        answerJson(res, status, body);
      }
    },
  };
}
