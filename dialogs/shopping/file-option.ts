import http from 'node:http';
import { turnLog } from '../../src/log';
import https from 'node:https';
import type { Activity, Attachment, TurnContext } from 'botbuilder';
import type { PromptRecognizerResult, PromptValidator } from 'botbuilder-dialogs';
import { choiceCard } from '../../src/cards';
import type { ProductOption } from '../../src/catalog/types';
import type { UploadRefusal } from '../../src/catalog/upload';
import { normalizeWords } from '../commands/commands';
import { InputPrompt, type CustomerInput } from '../prompts/input-prompt';
import { refusalActivity } from '../prompts/validation';
import { cardActivity, showTyping, translate, type DialogDeps } from '../turn';

/**
 * A file option taken in the chat: the customer attaches the file (Web Chat's paperclip, a file in Teams, a
 * document or photo in Telegram), the bot downloads it from the channel and uploads it to the storefront's
 * tool/upload; OpenCart's code is the option's value in cart/add.
 */

/**
 * The largest file taken: PHP's upload_max_filesize on the recorded store (2M, Debian's default), beyond which
 * OpenCart sees no file at all ("Upload required!"). Checked before (Content-Length) and while downloading.
 */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;
export const DOWNLOAD_TIMEOUT_MS = 30_000;
const MAX_REDIRECTS = 3;
/** Attachments looked at per message (the edge allows 100). */
const MAX_ATTACHMENTS = 10;

const TEAMS_FILE = 'application/vnd.microsoft.teams.file.download.info';

/** Extensions of the types OpenCart takes by default, and the type each is sent as. */
const TYPE_OF_EXTENSION: Record<string, string> = {
  txt: 'text/plain', png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', jpe: 'image/jpeg', gif: 'image/gif', bmp: 'image/bmp',
  tif: 'image/tiff', tiff: 'image/tiff', svg: 'image/svg+xml', webp: 'image/webp', zip: 'application/zip', rar: 'application/x-rar-compressed',
  mp3: 'audio/mpeg', mov: 'video/quicktime', qt: 'video/quicktime', pdf: 'application/pdf',
};

export interface AttachedFile {
  url: string;
  name: string;
  /** As the channel declared it; null for a Teams file (its type comes from the extension). */
  contentType: string | null;
  /** Served by the Bot Connector itself (Teams inline images): fetched with the bot's connector token. */
  withToken: boolean;
}

export interface UploadedFile {
  code: string;
  name: string;
}

/** What the file question took: an attached file (uploaded once the validator took it), or typed text and buttons. */
export interface FileAnswer extends CustomerInput {
  file: AttachedFile | null;
  uploaded?: UploadedFile;
}

function httpUrl(value: unknown): URL | null {
  if (typeof value !== 'string' || value.length > 8192) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}

/** A name for a file the channel sent without one (a Telegram photo): "file" plus the extension of its type. */
function nameFor(attachment: Attachment): string {
  if (attachment.name?.trim()) return attachment.name.trim().slice(0, 200);
  const extension = Object.entries(TYPE_OF_EXTENSION).find(([, type]) => type === attachment.contentType)?.[0];
  return extension ? `file.${extension}` : 'file';
}

/** A file of the message: Teams' download info, or an attachment with an http(s) contentUrl that is not a card. */
function fileOf(attachment: Attachment, connector: URL | null): AttachedFile | null {
  if (typeof attachment?.contentType !== 'string') return null;
  if (attachment.contentType === TEAMS_FILE) {
    const url = httpUrl((attachment.content as { downloadUrl?: unknown } | undefined)?.downloadUrl);
    return url ? { url: url.href, name: nameFor(attachment), contentType: null, withToken: false } : null;
  }
  const url = httpUrl(attachment.contentUrl);
  if (!url || attachment.contentType.startsWith('application/vnd.microsoft.card') || attachment.contentType === 'text/html') return null;
  return { url: url.href, name: nameFor(attachment), contentType: attachment.contentType, withToken: !!connector && connector.origin === url.origin };
}

/** Sizes of a Telegram photo as the channel passes Telegram's message on (PhotoSize: file_size, width, height). */
function telegramPhotoSizes(activity: Partial<Activity>): number[] {
  const photo = (activity.channelData as { message?: { photo?: unknown } } | undefined)?.message?.photo;
  if (!Array.isArray(photo)) return [];
  return photo.slice(0, MAX_ATTACHMENTS).map((size: { file_size?: unknown; width?: unknown; height?: unknown } | null) => {
    if (typeof size?.file_size === 'number') return size.file_size;
    return typeof size?.width === 'number' && typeof size.height === 'number' ? size.width * size.height : 0;
  });
}

/**
 * The file of the message: the first one, except that a Telegram photo comes as one image per size (smallest
 * first), so there the largest is taken: by the sizes in Telegram's message when they match, else the last.
 */
export function attachedFile(activity: Partial<Activity>): AttachedFile | null {
  const connector = httpUrl(activity.serviceUrl);
  const files = (activity.attachments ?? []).slice(0, MAX_ATTACHMENTS).map((attachment) => fileOf(attachment, connector));
  const images = files.filter((file): file is AttachedFile => !!file?.contentType?.startsWith('image/'));
  if (activity.channelId === 'telegram' && images.length > 1) {
    const sizes = telegramPhotoSizes(activity);
    if (sizes.length !== images.length) return images.at(-1) ?? null;
    const largest = sizes.reduce((best, size, index) => (size > (sizes[best] ?? 0) ? index : best), 0);
    return images[largest] ?? null;
  }
  return files.find((file) => file !== null) ?? null;
}

/** The bot's token for the Bot Connector, from botbuilder's connector client of this turn; none when anonymous. */
export async function connectorToken(ctx: TurnContext): Promise<string | undefined> {
  const client = ctx.turnState.get(ctx.adapter.ConnectorClientKey) as { credentials?: { appId?: string | null; getToken?: () => Promise<string> } } | undefined;
  const credentials = client?.credentials;
  if (!credentials?.appId || typeof credentials.getToken !== 'function') return undefined;
  return credentials.getToken();
}

export type Download = { ok: true; bytes: Buffer; contentType: string | null } | { ok: false; reason: 'tooLarge' | 'failed' };

export interface DownloadOptions {
  maxBytes?: number;
  timeoutMs?: number;
  /** Bearer token, sent only to the URL's own origin (dropped on a redirect elsewhere). */
  token?: string;
}

/** GETs a file, streamed: refused when Content-Length or the bytes so far pass maxBytes; one timeout for all of it. */
export function downloadFile(url: string, opts: DownloadOptions = {}): Promise<Download> {
  const maxBytes = opts.maxBytes ?? MAX_FILE_BYTES;
  return new Promise((resolve) => {
    let settled = false;
    let current: http.ClientRequest | undefined;
    const finish = (result: Download): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      current?.destroy();
      resolve(result);
    };
    const timer = setTimeout(() => finish({ ok: false, reason: 'failed' }), opts.timeoutMs ?? DOWNLOAD_TIMEOUT_MS);
    const get = (target: URL, token: string | undefined, redirects: number): void => {
      const client = target.protocol === 'https:' ? https : target.protocol === 'http:' ? http : null;
      if (!client) return finish({ ok: false, reason: 'failed' });
      const headers: Record<string, string> = { accept: '*/*' };
      if (token) headers.authorization = `Bearer ${token}`;
      current = client.get(target, { headers, agent: false }, (res) => {
        const status = res.statusCode ?? 0;
        const location = res.headers.location;
        if (status >= 300 && status < 400 && location && redirects < MAX_REDIRECTS) {
          res.resume();
          const next = httpUrl(new URL(location, target).href);
          if (!next) return finish({ ok: false, reason: 'failed' });
          return get(next, next.origin === target.origin ? token : undefined, redirects + 1);
        }
        if (status !== 200) {
          res.resume();
          return finish({ ok: false, reason: 'failed' });
        }
        if (Number(res.headers['content-length'] ?? 0) > maxBytes) return finish({ ok: false, reason: 'tooLarge' });
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > maxBytes) return finish({ ok: false, reason: 'tooLarge' });
          chunks.push(chunk);
        });
        res.on('end', () => finish({ ok: true, bytes: Buffer.concat(chunks), contentType: res.headers['content-type']?.split(';')[0]?.trim() || null }));
        res.on('error', () => finish({ ok: false, reason: 'failed' }));
        res.on('aborted', () => finish({ ok: false, reason: 'failed' }));
      });
      current.on('error', () => finish({ ok: false, reason: 'failed' }));
    };
    const start = httpUrl(url);
    if (!start) return finish({ ok: false, reason: 'failed' });
    get(start, opts.token, 0);
  });
}

/** The MIME type to send: the channel's, else the download's, else the extension's; OpenCart then checks it. */
export function uploadTypeOf(file: AttachedFile, downloaded: string | null): string {
  const declared = [file.contentType, downloaded].find((t): t is string => !!t && /^[\w.+-]{1,60}\/[\w.+-]{1,100}$/.test(t) && t !== TEAMS_FILE);
  return declared ?? TYPE_OF_EXTENSION[extensionOf(file.name)] ?? 'application/octet-stream';
}

const REFUSAL_KEYS: Record<UploadRefusal, string> = {
  filetype: 'options.fileTypeRefused',
  filename: 'options.fileNameRefused',
  required: 'options.fileNotReceived',
  tooLarge: 'options.fileTooLarge',
  other: 'options.fileRefused',
};

const MEGABYTES = `${MAX_FILE_BYTES / 1024 / 1024} MB`;

/** Recognizes an attachment besides what InputPrompt reads (typed text, buttons). */
export class FileOptionPrompt extends InputPrompt {
  constructor(dialogId: string, deps: DialogDeps) {
    super(dialogId, fileValidator(deps));
  }

  protected override async onRecognize(ctx: TurnContext): Promise<PromptRecognizerResult<FileAnswer>> {
    const typed = await super.onRecognize(ctx);
    const file = ctx.activity.type === 'message' ? attachedFile(ctx.activity) : null;
    const input = typed.value ?? { text: '', action: null, unreadableButton: false };
    return { succeeded: Boolean(file || typed.succeeded), value: { ...input, file } };
  }
}

/** Takes an attached file (downloaded, uploaded to the storefront), a skip where allowed; anything else is refused. */
function fileValidator(deps: DialogDeps): PromptValidator<CustomerInput> {
  const skipWords = new Set(deps.translator.allTranslations('cards.skip').map(normalizeWords));
  return async (pc) => {
    const answer = pc.recognized.value as FileAnswer | undefined;
    if (!pc.recognized.succeeded || !answer) return false;
    const option = (pc.options.validations as { option: ProductOption }).option;
    const refuse = async (key: string): Promise<false> => {
      const reason = translate(pc.context, deps.translator)(key, { option: option.name, max: MEGABYTES });
      await pc.context.sendActivity(refusalActivity(pc.context, reason, pc.options.prompt as Partial<Activity> | undefined));
      return false;
    };
    if (answer.file) {
      const uploaded = await takeFile(pc.context, deps, option, answer.file);
      if (typeof uploaded === 'string') return refuse(uploaded);
      answer.uploaded = uploaded;
      return true;
    }
    const skips = answer.action?.a === 'skip' || (!answer.action && skipWords.has(normalizeWords(answer.text)));
    if (skips) return option.required ? refuse('options.fileRequired') : true;
    if (answer.action || answer.unreadableButton) return refuse('common.staleButton');
    return refuse(answer.text ? 'options.fileNeeded' : 'options.attachRequired');
  };
}

/** Downloads and uploads the file: the code and the name, or the translation key of why not. */
async function takeFile(ctx: TurnContext, deps: DialogDeps, option: ProductOption, file: AttachedFile): Promise<UploadedFile | string> {
  const uploader = deps.uploader;
  if (!uploader) return 'options.fileRefused';
  await showTyping(ctx);
  const token = file.withToken ? await connectorToken(ctx).catch(() => undefined) : undefined;
  const downloaded = await downloadFile(file.url, { token });
  if (!downloaded.ok) {
    turnLog(ctx, deps.logger).info({ reason: downloaded.reason }, 'attachment not downloaded');
    return downloaded.reason === 'tooLarge' ? 'options.fileTooLarge' : 'options.fileDownloadFailed';
  }
  const contentType = uploadTypeOf(file, downloaded.contentType);
  // A nameless file (a Teams inline image, "image/*") is named after the type it came with.
  const typeExtension = Object.entries(TYPE_OF_EXTENSION).find(([, type]) => type === contentType)?.[0];
  const name = extensionOf(file.name) || !typeExtension ? file.name : `${file.name}.${typeExtension}`;
  const outcome = await uploader.upload({ name, contentType, bytes: downloaded.bytes });
  if (!outcome.ok) {
    turnLog(ctx, deps.logger).info({ refusal: outcome.refusal }, 'storefront refused the upload');
    return REFUSAL_KEYS[outcome.refusal];
  }
  await ctx.sendActivity(translate(ctx, deps.translator)('options.fileTaken', { name, option: option.name }));
  return { code: outcome.code, name };
}

/** The file question: attach (the paperclip), with a skip button when the option is not required. */
export function fileQuestion(ctx: TurnContext, deps: DialogDeps, productName: string, option: ProductOption): Partial<Activity> {
  const t = translate(ctx, deps.translator);
  const text = t(option.required ? 'options.attachRequired' : 'options.attachOptional', { option: option.name, max: MEGABYTES });
  const skip = option.required ? [] : [{ title: t('cards.skip'), action: { a: 'skip' as const } }];
  return cardActivity(ctx, choiceCard({ title: productName, text, choices: skip }));
}
