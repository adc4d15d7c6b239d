import type { IncomingMessage } from 'node:http';
import type { HttpServer as Server, Request, Response } from '../http/app';
import type { JsonBodyOptions } from '../http/json-body';
import type { Conversation, ConversationStore, IssuedToken } from './conversation-store';
import { BOT_ACCOUNT, type BotDelivery } from './delivery';
import { allowCors, answerError, answerJson, answerPreflight, bearerToken, readObjectBody } from './http';

export const DIRECT_LINE_PATH = '/v3/directline';
export const STREAM_PATH = /^\/v3\/directline\/conversations\/([\w-]{1,64})\/stream$/;

export interface ClientRoutesDeps {
  store: ConversationStore;
  delivery: BotDelivery;
  body: JsonBodyOptions;
}

/** What a customer's client may post; the service fills in the rest (ids, from, recipient, channel). */
const POSTABLE_TYPES = new Set(['message', 'event', 'typing']);
const MAX_ID_LENGTH = 64;
const HOST = /^(?:[\w.-]{1,253}|\[[\da-f:.]{2,45}\])(?::\d{1,5})?$/i;

/** Where the client reached us: its Host header (localhost when odd), secure by the forwarded protocol. */
export function clientOrigin(req: IncomingMessage): { secure: boolean; host: string } {
  const host = String(req.headers.host ?? '');
  const forwarded = String(req.headers['x-forwarded-proto'] ?? '').split(',')[0]?.trim();
  return { secure: forwarded === 'https', host: HOST.test(host) ? host : 'localhost' };
}

/** The WebSocket URL as the client reached us: its Host header, ws or wss by the forwarded protocol. */
function streamUrlFor(req: IncomingMessage, conversationId: string, token: string, watermark: string | undefined): string {
  const { secure, host } = clientOrigin(req);
  const query = new URLSearchParams({ t: token });
  if (watermark) query.set('watermark', watermark);
  return `${secure ? 'wss' : 'ws'}://${host}${DIRECT_LINE_PATH}/conversations/${conversationId}/stream?${query}`;
}

function tokenAnswer(issued: IssuedToken): Record<string, unknown> {
  return { conversationId: issued.conversationId, token: issued.token, expires_in: issued.expiresInSeconds };
}

function watermarkOf(req: Request): string | undefined {
  const value = new URL(req.url ?? '/', 'http://stand-in').searchParams.get('watermark');
  return value !== null && value.length <= 12 ? value : undefined;
}

/** The conversation the request's token opens, checked against the id in the path; answers the refusal itself. */
export function authorized(deps: Pick<ClientRoutesDeps, 'store'>, req: Request, res: Response, pathId?: string): Conversation | undefined {
  const token = bearerToken(req);
  const conversation = token ? deps.store.conversationOfToken(token) : undefined;
  if (!conversation || (pathId !== undefined && conversation.id !== pathId)) {
    answerError(res, 403, 'TokenExpired', 'the token is expired, unknown or not for this conversation');
    return undefined;
  }
  return conversation;
}

/** Tells the bot the customer and the bot joined, once, when a client first starts the conversation. */
function startOnce(deps: ClientRoutesDeps, conversation: Conversation): void {
  if (conversation.started) return;
  conversation.started = true;
  const user = { id: conversation.userId, role: 'user' };
  deps.delivery.deliver(conversation.id, {
    type: 'conversationUpdate',
    id: `${conversation.id}|start`,
    channelId: 'directline',
    conversation: { id: conversation.id },
    from: user,
    membersAdded: [{ id: BOT_ACCOUNT.id, name: BOT_ACCOUNT.name }, { id: user.id }],
  });
}

/** The client's side of Direct Line 3.0: conversations, tokens, activities (posting and polling). */
export function mountClientRoutes(server: Server, deps: ClientRoutesDeps): void {
  const { store } = deps;
  server.opts(`${DIRECT_LINE_PATH}/*`, async (req: Request, res: Response) => answerPreflight(req, res));

  // Without a secret locally, anyone may start: a token from tokens/generate opens its own conversation.
  server.post(`${DIRECT_LINE_PATH}/conversations`, async (req: Request, res: Response) => {
    allowCors(req, res);
    const token = bearerToken(req);
    let conversation: Conversation;
    let issued: IssuedToken;
    if (token) {
      const bound = store.conversationOfToken(token);
      if (!bound) return answerError(res, 403, 'TokenExpired', 'the token is expired or unknown');
      conversation = bound;
      issued = store.issueToken(bound);
    } else {
      ({ conversation, token: issued } = store.create());
    }
    startOnce(deps, conversation);
    answerJson(res, 201, { ...tokenAnswer(issued), streamUrl: streamUrlFor(req, conversation.id, issued.token, undefined) });
  });

  server.post(`${DIRECT_LINE_PATH}/tokens/generate`, async (req: Request, res: Response) => {
    allowCors(req, res);
    answerJson(res, 200, tokenAnswer(store.create().token));
  });

  server.post(`${DIRECT_LINE_PATH}/tokens/refresh`, async (req: Request, res: Response) => {
    allowCors(req, res);
    const conversation = authorized(deps, req, res);
    if (conversation) answerJson(res, 200, tokenAnswer(store.issueToken(conversation)));
  });

  server.get(`${DIRECT_LINE_PATH}/conversations/:conversationId`, async (req: Request, res: Response) => {
    allowCors(req, res);
    const conversation = authorized(deps, req, res, req.params.conversationId);
    if (!conversation) return;
    const issued = store.issueToken(conversation);
    answerJson(res, 200, { ...tokenAnswer(issued), streamUrl: streamUrlFor(req, conversation.id, issued.token, watermarkOf(req)) });
  });

  server.get(`${DIRECT_LINE_PATH}/conversations/:conversationId/activities`, async (req: Request, res: Response) => {
    allowCors(req, res);
    const conversation = authorized(deps, req, res, req.params.conversationId);
    if (!conversation) return;
    const { activities, watermark } = store.since(conversation, watermarkOf(req));
    answerJson(res, 200, { activities, watermark: String(watermark) });
  });

  server.post(`${DIRECT_LINE_PATH}/conversations/:conversationId/activities`, async (req: Request, res: Response) => {
    allowCors(req, res);
    const conversation = authorized(deps, req, res, req.params.conversationId);
    if (!conversation) return;
    const body = await readObjectBody(req, res, deps.body);
    if (!body) return;
    if (typeof body.type !== 'string' || !POSTABLE_TYPES.has(body.type)) {
      return answerError(res, 400, 'BadArgument', 'type must be message, event or typing');
    }
    const from = { ...userName(body.from), id: conversation.userId, role: 'user' };
    const stored = store.append(conversation, { ...body, from, recipient: { id: BOT_ACCOUNT.id, name: BOT_ACCOUNT.name } });
    if (!deps.delivery.deliver(conversation.id, stored)) {
      return answerError(res, 429, 'Throttled', 'too many activities waiting for the bot');
    }
    answerJson(res, 200, { id: stored.id });
  });
}

/** The display name the client gave, if it is a short string; the id is always the token's user. */
export function userName(from: unknown): { name?: string } {
  if (typeof from !== 'object' || from === null) return {};
  const name = (from as Record<string, unknown>).name;
  return typeof name === 'string' && name.length <= MAX_ID_LENGTH ? { name } : {};
}
