/**
 * The few PHP behaviours the demo store must imitate: nested form fields (`option[223][]`), OpenCart's request
 * cleaning (trim + htmlspecialchars), (int) casts, round(), json_encode and displayed warnings.
 */

/** A PHP array: ordered keys (Map keeps insertion order even for numeric keys, unlike plain objects). */
export type PhpValue = string | PhpArray;
export type PhpArray = Map<string, PhpValue>;

/** htmlspecialchars($s, ENT_COMPAT): what OpenCart stores and echoes for user and catalog text. */
export function htmlEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** OpenCart's Request::clean: trim(htmlspecialchars(value)). */
function clean(text: string): string {
  return htmlEscape(text).trim();
}

function splitKey(raw: string): string[] {
  const first = raw.indexOf('[');
  if (first <= 0) return [raw];
  const parts = [raw.slice(0, first)];
  const rest = raw.slice(first);
  const re = /\[([^\]]*)\]/g;
  let m: RegExpExecArray | null;
  let consumed = 0;
  while ((m = re.exec(rest)) !== null && m.index === consumed) {
    parts.push(m[1] ?? '');
    consumed = re.lastIndex;
  }
  return consumed === rest.length ? parts : [raw];
}

function nextIndex(arr: PhpArray): string {
  let max = -1;
  for (const k of arr.keys()) if (/^-?\d+$/.test(k)) max = Math.max(max, Number(k));
  return String(max + 1);
}

/** Parses url-encoded pairs into PHP's $_POST shape (already cleaned like OpenCart's Request does). */
export function parsePhpForm(pairs: Iterable<[string, string]>): PhpArray {
  const root: PhpArray = new Map();
  for (const [rawKey, rawValue] of pairs) {
    const path = splitKey(rawKey).map((k, i) => (i === 0 ? clean(k) : k === '' ? '' : clean(k)));
    let node = root;
    for (let i = 0; i < path.length; i++) {
      const key = path[i] === '' ? nextIndex(node) : path[i]!;
      if (i === path.length - 1) {
        node.set(key, clean(rawValue));
      } else {
        const child = node.get(key);
        if (child instanceof Map) node = child;
        else {
          const created: PhpArray = new Map();
          node.set(key, created);
          node = created;
        }
      }
    }
  }
  return root;
}

export function phpString(v: PhpValue | undefined): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/** PHP (int) cast of a string: leading integer part, else 0. */
export function phpInt(v: PhpValue | number | undefined | null): number {
  if (typeof v === 'number') return Math.trunc(v);
  if (typeof v !== 'string') return v instanceof Map && v.size > 0 ? 1 : 0;
  const m = /^\s*([+-]?\d+)/.exec(v);
  if (!m) return 0;
  const n = Number(m[1]);
  return Number.isFinite(n) ? n : 0;
}

/** PHP empty(): "", "0", missing and empty arrays are empty. */
export function phpEmpty(v: PhpValue | undefined | null): boolean {
  if (v === undefined || v === null) return true;
  if (typeof v === 'string') return v === '' || v === '0';
  return v.size === 0;
}

/** Loose numeric comparison PHP does for `$post > $points` (non-numeric strings count as 0 here). */
export function phpNumber(v: PhpValue | undefined): number {
  if (typeof v !== 'string') return 0;
  const n = Number.parseFloat(v);
  return Number.isFinite(n) ? n : 0;
}

/** PHP round(): half away from zero, with pre-rounding so 1.005 becomes 1.01 like PHP. */
export function phpRound(value: number, decimals = 0): number {
  const factor = 10 ** decimals;
  const scaled = Math.abs(value) * factor;
  const pre = Number(scaled.toPrecision(15));
  return (Math.sign(value) * Math.round(pre)) / factor;
}

/** MySQL INT column clamp (out-of-range values are clipped in non-strict mode). */
export function clampInt32(n: number): number {
  return Math.max(-2147483648, Math.min(2147483647, n));
}

/** The HTML a PHP warning prints with display_errors on. */
export function phpUndefinedKeyWarning(key: string, file: string, line: number): string {
  return `<b>Warning</b>: Undefined array key "${key}" in <b>/var/www/opencart/${file}</b> on line <b>${line}</b>`;
}

function encodeString(s: string): string {
  let out = '"';
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '/') out += '\\/';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (code < 0x20 || code > 0x7e) {
      const units = code > 0xffff ? [0xd800 + ((code - 0x10000) >> 10), 0xdc00 + ((code - 0x10000) & 0x3ff)] : [code];
      out += units.map((u) => '\\u' + u.toString(16).padStart(4, '0')).join('');
    } else out += ch;
  }
  return out + '"';
}

/** JSON value that may contain Maps (ordered PHP arrays; an empty Map encodes as [] like PHP). */
export type JsonOut = null | boolean | number | string | JsonOut[] | Map<string, JsonOut> | { [k: string]: JsonOut | undefined };

/** PHP json_encode: escaped slashes and non-ASCII, Map order kept, empty arrays as []. */
export function phpJsonEncode(value: JsonOut | undefined): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '0';
  if (typeof value === 'string') return encodeString(value);
  if (Array.isArray(value)) return '[' + value.map((v) => phpJsonEncode(v)).join(',') + ']';
  const entries = value instanceof Map ? [...value.entries()] : Object.entries(value).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return '[]';
  // A PHP array with keys 0..n-1 in order is a list.
  if (value instanceof Map && entries.every(([k], i) => k === String(i))) return '[' + entries.map(([, v]) => phpJsonEncode(v)).join(',') + ']';
  return '{' + entries.map(([k, v]) => encodeString(k) + ':' + phpJsonEncode(v as JsonOut)).join(',') + '}';
}
