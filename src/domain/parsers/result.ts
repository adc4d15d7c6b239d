/** What every input parser returns: the cleaned value, or a reason code the dialogs translate. */
export type ParseResult<T, R extends string = string> = { ok: true; value: T } | { ok: false; reason: R };

export function parsed<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

export function rejected<R extends string>(reason: R): { ok: false; reason: R } {
  return { ok: false, reason };
}

/**
 * No parser reads more than this many UTF-16 units: a longer input is refused as too long before any cleaning or
 * pattern runs, so each parser's work is bounded whatever a caller hands it. Far above every field's own limit.
 */
export const MAX_PARSER_INPUT = 1024;

export function beyondParserLimit(input: string): boolean {
  return input.length > MAX_PARSER_INPUT;
}

/** Trims and folds runs of whitespace (incl. NBSP and line breaks) into one space; drops control characters. */
export function cleanText(input: string): string {
  return input
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Length as OpenCart measures it: code points after its htmlspecialchars(ENT_COMPAT) of every request field. */
export function openCartLength(value: string): number {
  const escaped = value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return Array.from(escaped).length;
}

/** True when the text has at least one letter or digit of any script (rules out emoji-only and punctuation). */
export function hasLetterOrDigit(value: string): boolean {
  return /[\p{L}\p{N}]/u.test(value);
}
