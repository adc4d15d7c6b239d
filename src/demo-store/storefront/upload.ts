/**
 * The storefront's tool/upload (catalog/controller/tool/upload.php of OpenCart 3.0.5.1) as the corpus recorded it
 * (29-tool-upload.json): one multipart field "file", checked for its name, extension, part Content-Type and a
 * "<?php" tag; every check runs and the last failing one is reported; the answer is HTTP 200 with
 * {"code","success"} or {"error"}. Sizes as on the reference host: PHP's upload_max_filesize 2M and post_max_size 8M
 * (both "Upload required!"), nginx' client_max_body_size 16m (HTTP 413 with nginx' page).
 */
import { createHash, randomBytes } from 'node:crypto';

/** Installer defaults of config_file_ext_allowed (zip twice, as stored). */
export const UPLOAD_EXTENSIONS = [
  'zip', 'txt', 'png', 'jpe', 'jpeg', 'jpg', 'gif', 'bmp', 'ico', 'tiff', 'tif', 'svg', 'svgz', 'webp', 'zip', 'rar', 'msi', 'cab',
  'mp3', 'qt', 'mov', 'pdf', 'psd', 'ai', 'eps', 'ps', 'doc',
];

const QUOTED_TOO = ['application/zip', 'application/x-zip', 'application/x-zip-compressed', 'application/rar', 'application/x-rar',
  'application/x-rar-compressed', 'application/octet-stream'];

/** Installer defaults of config_file_mime_allowed: seven types also as &quot;type&quot;. */
export const UPLOAD_MIME_TYPES = [
  'text/plain', 'image/png', 'image/jpeg', 'image/gif', 'image/bmp', 'image/tiff', 'image/svg+xml', 'image/webp',
  ...QUOTED_TOO.flatMap((type) => [type, `&quot;${type}&quot;`]),
  'audio/mpeg', 'video/quicktime', 'application/pdf',
];

/** PHP upload_max_filesize (Debian default 2M): one byte more and PHP keeps no file. */
export const UPLOAD_MAX_FILE_BYTES = 2 * 1024 * 1024;
/** PHP post_max_size (8M): a larger body is dropped whole. */
export const UPLOAD_MAX_POST_BYTES = 8 * 1024 * 1024;
/** nginx client_max_body_size 16m on the reference host. */
export const UPLOAD_MAX_REQUEST_BYTES = 16 * 1024 * 1024;

const NGINX_413 =
  '<html>\r\n<head><title>413 Request Entity Too Large</title></head>\r\n<body>\r\n<center><h1>413 Request Entity Too Large</h1></center>\r\n' +
  '<hr><center>nginx/1.22.1</center>\r\n</body>\r\n</html>\r\n';

export const UPLOAD_TEXTS = {
  success: 'Your file was successfully uploaded!',
  required: 'Upload required!',
  filetype: 'Invalid file type!',
  filename: 'Filename must be between 3 and 64 characters!',
} as const;

/** One oc_upload row. */
export interface StoredUpload {
  code: string;
  /** The cleaned name OpenCart keeps ("my photo 1.png"). */
  name: string;
  size: number;
  addedAt: number;
}

export interface UploadAnswer {
  status: number;
  contentType: string;
  body: string;
}

/** oc_upload of each store: kept beside the store's state, read by the test hooks and the order records. */
const tables = new WeakMap<object, Map<string, StoredUpload>>();

export function uploadsOf(store: object): Map<string, StoredUpload> {
  let table = tables.get(store);
  if (!table) tables.set(store, (table = new Map()));
  return table;
}

interface FilePart {
  field: string;
  filename: string | null;
  type: string;
  content: Buffer;
}

/** Reads a multipart body byte for byte (latin1 keeps every byte as one character); linear in the body's size. */
export function multipartParts(body: Buffer, contentType: string): FilePart[] {
  const boundary = /boundary=(?:"([^"]{1,200})"|([^\s;]{1,200}))/i.exec(contentType);
  if (!boundary) return [];
  const text = body.toString('latin1');
  const delimiter = `--${boundary[1] ?? boundary[2]}`;
  const parts: FilePart[] = [];
  let at = text.indexOf(delimiter);
  while (at >= 0) {
    const start = at + delimiter.length;
    if (text.startsWith('--', start)) break;
    const next = text.indexOf(`\r\n${delimiter}`, start);
    if (next < 0) break;
    const part = text.slice(start + 2, next);
    const split = part.indexOf('\r\n\r\n');
    if (split >= 0) parts.push(partOf(part.slice(0, split), Buffer.from(part.slice(split + 4), 'latin1')));
    at = next + 2;
  }
  return parts;
}

function partOf(headerText: string, content: Buffer): FilePart {
  const headers = headerText.split('\r\n');
  const disposition = headers.find((h) => /^content-disposition:/i.test(h)) ?? '';
  const type = headers.find((h) => /^content-type:/i.test(h))?.replace(/^content-type:\s*/i, '').trim() ?? '';
  const field = /\bname="([^"]*)"/i.exec(disposition)?.[1] ?? '';
  const filename = /\bfilename="([^"]*)"/i.exec(disposition)?.[1];
  // PHP reads header values as UTF-8 bytes; latin1 gave one character per byte.
  return { field, filename: filename === undefined ? null : Buffer.from(filename, 'latin1').toString('utf8'), type, content };
}

/** OpenCart's Request::clean on $_FILES values: htmlspecialchars with ENT_COMPAT. */
function htmlSpecialChars(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function decodeEntities(text: string): string {
  return text.replace(/&quot;/g, '"').replace(/&#0?39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** The name OpenCart keeps: PHP's basename (after the last / or \), then only A-Z a-z 0-9 . - + and whitespace. */
export function cleanUploadName(filename: string): string {
  const base = filename.slice(Math.max(filename.lastIndexOf('/'), filename.lastIndexOf('\\')) + 1);
  return decodeEntities(htmlSpecialChars(base)).replace(/[^a-zA-Z0-9.\-\s+]/g, '');
}

function json(body: object): UploadAnswer {
  return { status: 200, contentType: 'application/json', body: JSON.stringify(body) };
}

/** tool/upload: what OpenCart answers for this request body (any method; only the body counts). */
export function handleUpload(store: object, body: Buffer, contentType: string, now: number): UploadAnswer {
  if (body.length > UPLOAD_MAX_REQUEST_BYTES) return { status: 413, contentType: 'text/html', body: NGINX_413 };
  if (body.length > UPLOAD_MAX_POST_BYTES || !/^multipart\/form-data/i.test(contentType)) return json({ error: UPLOAD_TEXTS.required });
  const parts = multipartParts(body, contentType).filter((p) => p.filename !== null && p.filename !== '');
  // file[] makes $_FILES['file']['name'] an array: is_file() throws a TypeError, PHP answers 500 with nothing.
  if (parts.some((p) => p.field.startsWith('file['))) return { status: 500, contentType: 'text/html; charset=UTF-8', body: '' };
  const file = parts.filter((p) => p.field === 'file').pop();
  if (!file || file.content.length > UPLOAD_MAX_FILE_BYTES) return json({ error: UPLOAD_TEXTS.required });
  const name = cleanUploadName(file.filename ?? '');
  let error: string | null = null;
  if (name.length < 3 || name.length > 64) error = UPLOAD_TEXTS.filename;
  const dot = name.lastIndexOf('.');
  const extension = dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
  if (!UPLOAD_EXTENSIONS.includes(extension)) error = UPLOAD_TEXTS.filetype;
  if (!UPLOAD_MIME_TYPES.includes(htmlSpecialChars(file.type))) error = UPLOAD_TEXTS.filetype;
  if (/<\?php/i.test(file.content.toString('latin1'))) error = UPLOAD_TEXTS.filetype;
  if (error) return json({ error });
  const code = createHash('sha1').update(randomBytes(16)).digest('hex');
  uploadsOf(store).set(code, { code, name, size: file.content.length, addedAt: now });
  return json({ code, success: UPLOAD_TEXTS.success });
}
