import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';

/** A state file's name: the key's SHA-256, so any key is a safe, fixed-length name and no id shows in a listing. */
export const ENTRY_SUFFIX = '.json';

export function entryFileName(key: string): string {
  return `${createHash('sha256').update(key).digest('hex')}${ENTRY_SUFFIX}`;
}

/** What a durable write (durable-writer.ts) leaves behind when the process dies between writing and renaming. */
export function isLeftoverTempFile(name: string): boolean {
  return /^[0-9a-f]{64}\.json\.[0-9a-f]+$/.test(name);
}

/** One stored item: its key (checked on read), eTag, when it was written (for expiry) and the item's JSON. */
export interface StoredEntry {
  key: string;
  eTag: string;
  savedAt: number;
  /** The item as JSON text, without its eTag. */
  json: string;
  /** Top-level parts this process validated before writing them (validated.ts); never set for an entry read from disk. */
  validated?: readonly string[];
}

const fileSchema = z.object({
  v: z.literal(1),
  key: z.string(),
  eTag: z.string().min(1),
  savedAt: z.number().finite(),
  item: z.record(z.string(), z.unknown()),
});

// eTags only have to differ from every earlier one of the key: a per-process random prefix and a counter (random
// bytes on every write cost the main thread more than the rest of the entry).
const ETAG_PREFIX = randomBytes(6).toString('base64url');
let eTagCount = 0;

export function newETag(): string {
  eTagCount += 1;
  return `${ETAG_PREFIX}${eTagCount.toString(36)}`;
}

export function encodeEntry(entry: StoredEntry): string {
  const head = JSON.stringify({ v: 1, key: entry.key, eTag: entry.eTag, savedAt: entry.savedAt });
  return `${head.slice(0, -1)},"item":${entry.json}}\n`;
}

/** The entry a file holds, or null when it is not one of ours (cut, garbled, hand-edited). */
export function decodeEntry(text: string): StoredEntry | null {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success) return null;
  const { key, eTag, savedAt, item } = parsed.data;
  return { key, eTag, savedAt, json: JSON.stringify(item) };
}

/** The item's JSON without the eTag the caller sent (the store sets its own). */
export function itemJson(item: object): string {
  const { eTag: _ignored, ...rest } = item as { eTag?: unknown };
  return JSON.stringify(rest);
}
