import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ActivityHandlerBase, CloudAdapter } from 'botbuilder';
import type { Logger } from '../../log';
import { adapterIsAnonymous, isAuthenticationFailure } from '../adapter';
import { checkIncomingActivity } from './activity-schema';
import { adapterResponse, answerJson } from './adapter-response';
import { readJsonBody, replyBodyError, type JsonBodyOptions } from './json-body';
import { isLoopbackUrl } from './loopback';

export interface MessagesRouteOptions {
  bot: Pick<ActivityHandlerBase, 'run'>;
  adapter: CloudAdapter;
  logger: Logger;
  body: JsonBodyOptions;
}

/** "Bearer" and a compact JWT (three base64url parts), the only thing a channel sends; bounded in length. */
const BEARER_JWT = /^Bearer [\w-]+\.[\w-]+\.[\w-]*$/;
const MAX_AUTHORIZATION_LENGTH = 16 * 1024;

function looksLikeBearerJwt(header: string | undefined): boolean {
  return header !== undefined && header.length <= MAX_AUTHORIZATION_LENGTH && BEARER_JWT.test(header);
}

function refuse(res: ServerResponse, status: number, error: string): void {
  answerJson(res, status, { error });
}

/**
 * POST /api/messages: body, shape, then who may ask, each refused before any turn runs: a bad body with its
 * own status (400/408/413/415), a malformed activity 400, a non-loopback service URL when anonymous 403, and
 * a missing, non-JWT or forged token 401. Only then does the adapter run the turn. Plain node:http types, so
 * the route mounts on express or a bare Node server alike.
 */
export function messagesRoute(options: MessagesRouteOptions): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const { bot, adapter, logger } = options;
  const anonymous = adapterIsAnonymous(adapter);
  return async (req, res) => {
    const body = await readJsonBody(req, options.body);
    if (!body.ok) {
      logger.info({ status: body.status, reason: body.code }, 'activity body refused');
      replyBodyError(res, body);
      return;
    }
    const checked = checkIncomingActivity(body.value);
    if (!checked.ok) {
      logger.info({ problems: checked.problems }, 'malformed activity refused');
      refuse(res, 400, 'malformed-activity');
      return;
    }
    if (anonymous && !isLoopbackUrl(checked.activity.serviceUrl)) {
      logger.warn('anonymous mode: activity with a non-loopback serviceUrl refused');
      refuse(res, 403, 'service-url-not-allowed');
      return;
    }
    if (!anonymous && !looksLikeBearerJwt(req.headers.authorization)) {
      refuse(res, 401, 'unauthorized');
      return;
    }
    try {
      const request = { method: 'POST', headers: req.headers, body: checked.activity };
      await adapter.process(request, adapterResponse(res, logger), (context) => bot.run(context));
    } catch (error) {
      // Turn errors go to onTurnError; what reaches here is the adapter's own refusal.
      const unauthorized = isAuthenticationFailure(error);
      logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'activity rejected');
      if (!res.headersSent) refuse(res, unauthorized ? 401 : 500, unauthorized ? 'unauthorized' : 'internal');
    }
  };
}
