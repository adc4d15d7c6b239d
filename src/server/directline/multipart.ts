/**
 * A bounded multipart/form-data reader for Direct Line's upload (RFC 7578): the whole body is already in memory
 * (its size was capped while reading), and each search moves forward only, so the work is linear in the body.
 */

export interface Part {
  /** The form field's name (`activity`, `file`). */
  name: string;
  /** The file name the client gave, without any path; undefined for a plain field. */
  filename?: string;
  contentType?: string;
  data: Buffer;
}

export interface MultipartLimits {
  maxParts: number;
  /** A part's header block (Content-Disposition, Content-Type) at most this long. */
  maxHeaderBytes: number;
}

export type MultipartResult = { ok: true; parts: Part[] } | { ok: false; reason: string };

const CRLF = Buffer.from('\r\n');
const HEADER_END = Buffer.from('\r\n\r\n');
/** RFC 2046: 1 to 70 characters from a small set (quoted when it has spaces or other specials). */
const BOUNDARY = /^[\w'()+,./:=?-][\w '()+,./:=?-]{0,68}[\w'()+,./:=?-]$|^[\w'()+,./:=?-]$/;
const MAX_CONTENT_TYPE_LENGTH = 300;

/** The boundary of a `multipart/form-data` Content-Type, or undefined when it is another type or has none. */
export function boundaryOf(contentType: string | undefined): string | undefined {
  if (!contentType || contentType.length > MAX_CONTENT_TYPE_LENGTH) return undefined;
  const [type, ...params] = contentType.split(';');
  if (type?.trim().toLowerCase() !== 'multipart/form-data') return undefined;
  for (const param of params) {
    const at = param.indexOf('=');
    if (at < 0 || param.slice(0, at).trim().toLowerCase() !== 'boundary') continue;
    const value = param.slice(at + 1).trim().replace(/^"(.*)"$/, '$1');
    return BOUNDARY.test(value) ? value : undefined;
  }
  return undefined;
}

/** `name="x"; filename="y"` parameters of a Content-Disposition value, quoted or not. */
function dispositionParams(value: string): Map<string, string> {
  const params = new Map<string, string>();
  const pattern = /;\s*([\w*-]{1,40})\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;]*))/g;
  for (let match = pattern.exec(value); match; match = pattern.exec(value)) {
    const raw = match[2] !== undefined ? match[2].replace(/\\(.)/g, '$1') : (match[3] ?? '').trim();
    params.set(match[1]!.toLowerCase(), raw);
  }
  return params;
}

/** The last segment of a name some clients send with its path (`C:\fakepath\a.png`), without control characters. */
function baseName(name: string): string {
  const last = name.split(/[\\/]/).pop() ?? '';
  return last.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 200);
}

function parseHeaders(block: string): Omit<Part, 'data'> | undefined {
  let disposition: string | undefined;
  let contentType: string | undefined;
  for (const line of block.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon < 0) return undefined;
    const header = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (header === 'content-disposition') disposition = value;
    else if (header === 'content-type') contentType = value.split(';')[0]?.trim().toLowerCase();
  }
  if (!disposition || !/^form-data\s*(;|$)/i.test(disposition)) return undefined;
  const params = dispositionParams(disposition);
  const name = params.get('name');
  if (name === undefined) return undefined;
  const filename = params.get('filename');
  return { name, filename: filename === undefined ? undefined : baseName(filename), contentType };
}

/** The parts of a multipart body; refused when it is malformed or has more parts or longer headers than the limits. */
export function parseMultipart(body: Buffer, boundary: string, limits: MultipartLimits): MultipartResult {
  const delimiter = Buffer.from(`--${boundary}`);
  const nextDelimiter = Buffer.from(`\r\n--${boundary}`);
  const first = body.indexOf(delimiter);
  // A preamble before the first delimiter is allowed, but the delimiter must start a line.
  if (first < 0 || (first > 0 && body.indexOf(nextDelimiter) !== first - 2)) return { ok: false, reason: 'no opening boundary' };
  const parts: Part[] = [];
  let at = first + delimiter.length;
  for (;;) {
    if (body[at] === 0x2d && body[at + 1] === 0x2d) return { ok: true, parts };
    // Transport padding (spaces, tabs) may follow a delimiter before its line break.
    while (body[at] === 0x20 || body[at] === 0x09) at++;
    if (!body.subarray(at, at + 2).equals(CRLF)) return { ok: false, reason: 'no line break after a boundary' };
    if (parts.length >= limits.maxParts) return { ok: false, reason: 'too many parts' };
    const headerStart = at + 2;
    const window = body.subarray(headerStart, headerStart + limits.maxHeaderBytes + HEADER_END.length);
    const headerLength = window.indexOf(HEADER_END);
    if (headerLength < 0) return { ok: false, reason: 'part headers missing or too long' };
    const headers = parseHeaders(window.subarray(0, headerLength).toString('utf8'));
    if (!headers) return { ok: false, reason: 'a part without form-data disposition' };
    const dataStart = headerStart + headerLength + HEADER_END.length;
    const end = body.indexOf(nextDelimiter, dataStart);
    if (end < 0) return { ok: false, reason: 'no closing boundary' };
    parts.push({ ...headers, data: body.subarray(dataStart, end) });
    at = end + nextDelimiter.length;
  }
}
