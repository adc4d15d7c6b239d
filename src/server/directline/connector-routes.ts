import type { HttpServer as Server, Request, Response } from '../http/app';
import type { JsonBodyOptions } from '../http/json-body';
import type { ConversationStore } from './conversation-store';
import { BOT_ACCOUNT } from './delivery';
import { answerError, answerJson, fromLoopback, readObjectBody } from './http';

export interface ConnectorRoutesDeps {
  store: ConversationStore;
  body: JsonBodyOptions;
}

const ACTIVITIES = '/v3/conversations/:conversationId/activities';

/**
 * The Bot Connector routes the bot sends its replies to (its serviceUrl is this server on loopback): the reply
 * gets the next id and goes to the conversation's streams. Only the bot itself, on this machine, may post.
 * Direct Line cannot update or delete a message, so those are refused; the bot keeps old buttons working instead.
 */
export function mountConnectorRoutes(server: Server, deps: ConnectorRoutesDeps): void {
  const receive = async (req: Request, res: Response) => {
    if (!fromLoopback(req)) return answerError(res, 403, 'Forbidden', 'only the bot on this machine may post replies');
    const conversation = deps.store.get(String(req.params.conversationId));
    if (!conversation) return answerError(res, 404, 'ConversationNotFound', 'no such conversation');
    const body = await readObjectBody(req, res, deps.body);
    if (!body) return;
    if (typeof body.type !== 'string') return answerError(res, 400, 'BadArgument', 'an activity needs a type');
    const from = { ...BOT_ACCOUNT, ...(typeof body.from === 'object' && body.from !== null ? body.from : {}), role: 'bot' };
    const stored = deps.store.append(conversation, { ...body, from });
    answerJson(res, 200, { id: stored.id });
  };
  const refuse = async (req: Request, res: Response) => {
    if (!fromLoopback(req)) return answerError(res, 403, 'Forbidden', 'only the bot on this machine may post replies');
    answerError(res, 405, 'MethodNotAllowed', 'Direct Line cannot update or delete activities');
  };
  server.post(ACTIVITIES, receive);
  server.post(`${ACTIVITIES}/:replyToId`, receive);
  server.put(`${ACTIVITIES}/:activityId`, refuse);
  server.del(`${ACTIVITIES}/:activityId`, refuse);
}
