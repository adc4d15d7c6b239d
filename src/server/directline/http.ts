import type { IncomingMessage, ServerResponse } from 'node:http';
import { readJsonBody, replyBodyError, type JsonBodyOptions } from '../http/json-body';

/** What Web Chat's Direct Line client sends: X-Requested-With comes from its ajax layer, x-ms-bot-agent from directlinejs. */
export const ALLOWED_HEADERS = 'Authorization, Content-Type, X-Requested-With, x-ms-bot-agent, Accept';
const MAX_AUTHORIZATION_LENGTH = 512;
const BEARER = /^Bearer ([\w-]{16,256})$/;

/** The stand-in runs only without credentials, for a local shop page on any origin; tokens, not cookies, guard it. */
export function allowCors(req: IncomingMessage, res: ServerResponse): void {
  const origin = req.headers.origin;
  res.setHeader('access-control-allow-origin', typeof origin === 'string' && origin.length <= 200 ? origin : '*');
  res.setHeader('vary', 'Origin');
}

/** Answers a CORS preflight. */
export function answerPreflight(req: IncomingMessage, res: ServerResponse): void {
  allowCors(req, res);
  res.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS');
  res.setHeader('access-control-allow-headers', ALLOWED_HEADERS);
  res.setHeader('access-control-max-age', '600');
  res.statusCode = 204;
  res.end();
}

export function answerJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('cache-control', 'no-store');
  res.setHeader('content-length', Buffer.byteLength(text));
  res.end(text);
}

/** Direct Line's error shape. */
export function answerError(res: ServerResponse, status: number, code: string, message: string): void {
  answerJson(res, status, { error: { code, message } });
}

/** The bearer token of the request, or undefined when there is none or it is not one of ours in shape. */
export function bearerToken(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization;
  if (header === undefined || header.length > MAX_AUTHORIZATION_LENGTH) return undefined;
  return BEARER.exec(header)?.[1];
}

/** A JSON object body, or undefined once the refusal was sent. An empty body counts as `{}`. */
export async function readObjectBody(req: IncomingMessage, res: ServerResponse, options: JsonBodyOptions): Promise<Record<string, unknown> | undefined> {
  if (req.headers['content-length'] === '0' || (req.headers['content-length'] === undefined && req.headers['transfer-encoding'] === undefined)) {
    return {};
  }
  const body = await readJsonBody(req, options);
  if (!body.ok) {
    replyBodyError(res, body);
    return undefined;
  }
  if (typeof body.value !== 'object' || body.value === null || Array.isArray(body.value)) {
    answerError(res, 400, 'BadArgument', 'the body must be a JSON object');
    return undefined;
  }
  return body.value as Record<string, unknown>;
}

/** True when the request came from this machine (the bot's own connector client). */
export function fromLoopback(req: IncomingMessage): boolean {
  const address = req.socket.remoteAddress ?? '';
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');
}
