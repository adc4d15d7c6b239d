/**
 * The storefront's file upload (index.php?route=tool/upload), as OpenCart 3's product page sends it for a file
 * option: multipart/form-data with one field "file". The answer is {"code": "<40 hex>"} or {"error": "<text>"}
 * (see 29-tool-upload.json); the code is the option's value in api/cart/add. No session, cookie or token is needed.
 * OpenCart decides what it takes (name, extension, MIME type, PHP's size limits); its refusals come back coded.
 */
import { randomBytes } from 'node:crypto';
import type { Logger } from '../log';
import { StorefrontHttpError, StorefrontTransportError, storefrontClient } from './fetcher';

export interface UploadFile {
  /** The file name as the customer's channel gave it; cleaned to what OpenCart keeps (see uploadFileName). */
  name: string;
  /** The MIME type the channel declared (OpenCart checks it against config_file_mime_allowed). */
  contentType: string;
  bytes: Buffer;
}

/**
 * Why OpenCart did not take a file: its three texts of catalog/language/en-gb/tool/upload.php, an HTTP 413 from
 * the web server in front of it, or an error text we do not know (kept for the log, never shown raw).
 */
export type UploadRefusal = 'filetype' | 'filename' | 'required' | 'tooLarge' | 'other';

export type UploadOutcome = { ok: true; code: string } | { ok: false; refusal: UploadRefusal };

export interface StorefrontUploader {
  upload(file: UploadFile): Promise<UploadOutcome>;
}

export interface UploaderOptions {
  baseUrl: string;
  timeoutMs?: number;
  logger?: Logger;
}

const ROUTE = 'tool/upload';
const SHOWN_URL = `index.php?route=${ROUTE}`;
/** The answer is a short JSON object; anything longer is not OpenCart's. */
const MAX_ANSWER_CHARS = 4096;

const REFUSALS: Record<string, UploadRefusal> = {
  'Invalid file type!': 'filetype',
  'Filename must be between 3 and 64 characters!': 'filename',
  'Upload required!': 'required',
};

/** Characters OpenCart keeps of a file name (A-Z a-z 0-9 . - + and spaces); it also takes at most 64 of them. */
const KEPT = /[^a-zA-Z0-9.\-+ ]/g;
const MAX_NAME = 64;

/**
 * The name to send: OpenCart would drop every other character anyway ("счёт.pdf" => ".pdf"), and refuses names
 * outside 3..64 characters, so the name is cleaned here and shortened with its extension kept; a name that has
 * nothing left becomes "file" plus the extension.
 */
export function uploadFileName(name: string): string {
  const base = name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).replace(/\s+/g, ' ');
  const dot = base.lastIndexOf('.');
  const extension = dot < 0 ? '' : base.slice(dot + 1).replace(KEPT, '').slice(0, 10);
  const stem = (dot < 0 ? base : base.slice(0, dot)).replace(KEPT, '').replace(/\.+/g, '.').trim();
  const tail = extension ? `.${extension}` : '';
  const kept = (stem.length ? stem : 'file').slice(0, MAX_NAME - tail.length).trim();
  const whole = `${kept.length ? kept : 'file'}${tail}`;
  return whole.length >= 3 ? whole : `file${tail}`;
}

function quoted(value: string): string {
  return value.replace(/["\\\r\n]/g, '');
}

/** A multipart body with the one field OpenCart reads; the part always carries a Content-Type (else: filetype). */
export function multipartBody(file: UploadFile, boundary: string): Buffer {
  const head =
    `--${boundary}\r\n` +
    `Content-Disposition: form-data; name="file"; filename="${quoted(uploadFileName(file.name))}"\r\n` +
    `Content-Type: ${quoted(file.contentType) || 'application/octet-stream'}\r\n\r\n`;
  return Buffer.concat([Buffer.from(head, 'latin1'), file.bytes, Buffer.from(`\r\n--${boundary}--\r\n`, 'latin1')]);
}

function readAnswer(body: string): UploadOutcome | null {
  if (body.length > MAX_ANSWER_CHARS) return null;
  // PHP warnings may come first (config_error_display): the JSON is the answer's last {...}.
  const start = body.indexOf('{');
  if (start < 0) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.slice(start));
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const { code, error } = parsed as { code?: unknown; error?: unknown };
  if (typeof code === 'string' && /^[0-9a-f]{40}$/.test(code)) return { ok: true, code };
  if (typeof error === 'string') return { ok: false, refusal: REFUSALS[error] ?? 'other' };
  return null;
}

/** Uploads with the catalog fetcher's settings (keep-alive, timeout, no cookie jar); no customer data in logs. */
export function createStorefrontUploader(opts: UploaderOptions): StorefrontUploader {
  const client = storefrontClient(opts.baseUrl, {
    timeoutMs: opts.timeoutMs ?? 30_000,
    maxSockets: 4,
    maxRedirects: 0,
    maxContentLength: 64 * 1024,
  });
  return {
    async upload(file) {
      const boundary = `----ocbot${randomBytes(12).toString('hex')}`;
      const body = multipartBody(file, boundary);
      const started = Date.now();
      let status: number;
      let text: string;
      try {
        const response = await client.post<string>(`index.php?route=${encodeURIComponent(ROUTE)}`, body, {
          headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}` },
        });
        status = response.status;
        text = typeof response.data === 'string' ? response.data : String(response.data);
      } catch (error) {
        const code = (error as { code?: unknown }).code;
        throw new StorefrontTransportError(SHOWN_URL, typeof code === 'string' ? code : error instanceof Error ? error.name : 'unknown', ROUTE);
      }
      opts.logger?.debug({ request: SHOWN_URL, status, bytes: file.bytes.length, ms: Date.now() - started }, 'storefront upload');
      if (status === 413) return { ok: false, refusal: 'tooLarge' };
      if (status !== 200) throw new StorefrontHttpError(SHOWN_URL, status, ROUTE);
      const outcome = readAnswer(text);
      if (!outcome) throw new StorefrontTransportError(SHOWN_URL, 'not an upload answer', ROUTE);
      return outcome;
    },
  };
}
