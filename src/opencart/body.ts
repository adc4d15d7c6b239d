import { decodeHTML } from 'entities';

/** PHP notices/warnings that OpenCart prints before the JSON when `config_error_display` is on. */
const PHP_WARNING_PREFIX =
  /^(?:\s*(?:<br\s*\/?>)?\s*<b>(?:Warning|Notice|Deprecated|Strict Standards|Fatal error)<\/b>:[\s\S]*?on line <b>\d+<\/b>(?:<br\s*\/?>)?)+\s*/i;

const INVALID_SESSION_TEXT = /^\s*Error: Invalid session ID!\s*$/;

export type ParsedBody =
  | { kind: 'json'; value: unknown; phpWarnings: boolean }
  | { kind: 'invalid-session' }
  | { kind: 'unparseable'; problem: string };

/** Turns a raw API body into JSON, tolerating the PHP-warning prefix; never throws. */
export function parseApiBody(text: string): ParsedBody {
  if (INVALID_SESSION_TEXT.test(text)) return { kind: 'invalid-session' };
  const stripped = text.replace(PHP_WARNING_PREFIX, '');
  const phpWarnings = stripped.length !== text.length;
  const trimmed = stripped.trim();
  if (trimmed === '') return { kind: 'unparseable', problem: 'empty body' };
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return { kind: 'unparseable', problem: 'not JSON' };
  try {
    return { kind: 'json', value: JSON.parse(trimmed) as unknown, phpWarnings };
  } catch {
    return { kind: 'unparseable', problem: 'invalid JSON' };
  }
}

/** OpenCart HTML-escapes names and messages (`Apple Cinema 30&quot;`). */
export function decodeText(text: string): string {
  return decodeHTML(text);
}
