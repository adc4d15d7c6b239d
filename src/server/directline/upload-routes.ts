import type { HttpServer as Server, Request, Response } from '../http/app';
import { collect, replyBodyError } from '../http/json-body';
import type { AttachmentStore, StoredFile } from './attachment-store';
import { authorized, clientOrigin, DIRECT_LINE_PATH, userName } from './client-routes';
import type { ConversationStore } from './conversation-store';
import { BOT_ACCOUNT, type BotDelivery } from './delivery';
import { allowCors, answerError, answerJson } from './http';
import { boundaryOf, parseMultipart, type Part } from './multipart';

export interface UploadRoutesDeps {
  store: ConversationStore;
  files: AttachmentStore;
  delivery: BotDelivery;
  /** The whole upload must arrive within this time. */
  timeoutMs: number;
}

export const ATTACHMENTS_PATH = `${DIRECT_LINE_PATH}/attachments`;
/** Files per upload (Web Chat sends one part per file) and the activity part's size. */
const MAX_FILES_PER_UPLOAD = 10;
const MAX_ACTIVITY_BYTES = 64 * 1024;
/** Room in the body for the part headers and the activity besides the files themselves. */
const BODY_OVERHEAD_BYTES = MAX_ACTIVITY_BYTES + (MAX_FILES_PER_UPLOAD + 1) * 2048;
const FILE_ID = /^[\w-]{32}$/;
const MEDIA_TYPE = /^[\w.+-]{1,60}\/[\w.+-]{1,100}$/;
/** Shown in the browser (Web Chat's thumbnails); anything else is only downloaded. SVG can script, so it is not. */
const INLINE_TYPE = /^image\/(?:png|jpeg|gif|webp|bmp)$/;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The activity part (JSON object) of an upload; `{}` when there is none, undefined when it is not readable. */
function activityOf(parts: Part[]): Record<string, unknown> | undefined {
  const part = parts.find((p) => p.name === 'activity' && p.filename === undefined) ?? parts.find((p) => p.name === 'activity');
  if (!part) return {};
  if (part.data.length > MAX_ACTIVITY_BYTES) return undefined;
  try {
    const value: unknown = JSON.parse(utf8.decode(part.data));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function attachmentsFor(files: StoredFile[], base: string): Record<string, unknown>[] {
  return files.map((file) => ({ contentType: file.contentType, name: file.name, contentUrl: `${base}${ATTACHMENTS_PATH}/${file.id}` }));
}

/**
 * Direct Line 3.0's upload (what Web Chat's paperclip sends): multipart/form-data with one part per file and an
 * optional `activity` part; the files are kept in memory and the message goes to the bot with attachments whose
 * contentUrl is the stand-in itself. The bot gets loopback URLs; the client's echo gets them as it reached us.
 */
export function mountUploadRoutes(server: Server, deps: UploadRoutesDeps): void {
  const { store, files } = deps;
  const maxBody = Math.min(files.limits.maxFileBytes * MAX_FILES_PER_UPLOAD, files.limits.maxUploadBytesPerConversation) + BODY_OVERHEAD_BYTES;

  server.post(`${DIRECT_LINE_PATH}/conversations/:conversationId/upload`, async (req: Request, res: Response) => {
    allowCors(req, res);
    const conversation = authorized(deps, req, res, req.params.conversationId);
    if (!conversation) return;
    const boundary = boundaryOf(req.headers['content-type']);
    if (!boundary) return answerError(res, 400, 'BadArgument', 'the upload must be multipart/form-data with a boundary');
    const length = req.headers['content-length'];
    if (length !== undefined && Number(length) > maxBody) {
      return replyBodyError(res, { ok: false, status: 413, code: 'too-large', closeConnection: true });
    }
    const body = await collect(req, { maxBytes: maxBody, timeoutMs: deps.timeoutMs });
    if (!body.ok) return replyBodyError(res, body);
    const parsed = parseMultipart(body.value, boundary, { maxParts: MAX_FILES_PER_UPLOAD + 1, maxHeaderBytes: 2048 });
    if (!parsed.ok) return answerError(res, 400, 'BadArgument', `the upload is not readable multipart: ${parsed.reason}`);
    const activity = activityOf(parsed.parts);
    if (!activity) return answerError(res, 400, 'BadArgument', 'the activity part must be a JSON object');
    if (activity.type !== undefined && activity.type !== 'message') return answerError(res, 400, 'BadArgument', 'an upload is a message');
    const uploads = parsed.parts
      .filter((part) => part.name !== 'activity')
      .map((part) => ({
        name: part.filename || 'file',
        contentType: part.contentType && MEDIA_TYPE.test(part.contentType) ? part.contentType : 'application/octet-stream',
        bytes: part.data,
      }));
    if (uploads.length === 0) return answerError(res, 400, 'BadArgument', 'an upload needs at least one file');
    const kept = files.put(conversation.id, uploads);
    if (!kept.ok) return answerError(res, 413, 'MessageSizeTooBig', `a file may have at most ${files.limits.maxFileBytes} bytes`);

    const { secure, host } = clientOrigin(req);
    const from = { ...userName(activity.from), id: conversation.userId, role: 'user' };
    const stored = store.append(conversation, {
      ...activity,
      type: 'message',
      from,
      recipient: { id: BOT_ACCOUNT.id, name: BOT_ACCOUNT.name },
      attachments: attachmentsFor(kept.files, `${secure ? 'https' : 'http'}://${host}`),
    });
    const forBot = { ...stored, attachments: attachmentsFor(kept.files, deps.delivery.botUrl()) };
    if (!deps.delivery.deliver(conversation.id, forBot)) {
      return answerError(res, 429, 'Throttled', 'too many activities waiting for the bot');
    }
    answerJson(res, 200, { id: stored.id });
  });

  // No token: the id is random (192 bits) and handed only to the conversation's client and the bot.
  server.get(`${ATTACHMENTS_PATH}/:fileId`, async (req: Request, res: Response) => {
    allowCors(req, res);
    const id = String(req.params.fileId);
    const file = FILE_ID.test(id) ? files.get(id) : undefined;
    // A conversation idle too long is forgotten here, and its files with it.
    if (!file || !store.get(file.conversationId) || !files.get(id)) {
      return answerError(res, 404, 'NotFound', 'no such attachment');
    }
    const disposition = INLINE_TYPE.test(file.contentType) ? 'inline' : 'attachment';
    res.statusCode = 200;
    res.setHeader('content-type', file.contentType);
    res.setHeader('content-length', file.bytes.length);
    res.setHeader('content-disposition', `${disposition}; filename*=UTF-8''${encodeURIComponent(file.name)}`);
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('content-security-policy', "sandbox; default-src 'none'");
    res.setHeader('cache-control', 'private, no-store');
    res.end(file.bytes);
  });
}
