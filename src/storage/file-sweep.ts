import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Clock } from '../clock';
import type { Logger } from '../log';
import { ENTRY_SUFFIX, decodeEntry, isLeftoverTempFile } from './file-entry';

export interface SweepOptions {
  dir: string;
  ttlMs: number;
  clock: Clock;
  logger: Logger;
}

/** A temp file this old belongs to a write that died (an atomic write renames within milliseconds). */
const LEFTOVER_AGE_MS = 10 * 60 * 1000;

/**
 * Goes through the folder once: expired items are forgotten through `forget` (which re-checks under the key's
 * lock, so a fresh write wins), unreadable files and dead temp files are removed once they are old enough.
 */
export async function sweepStateDir(options: SweepOptions, forget: (key: string) => Promise<boolean>): Promise<number> {
  const { dir, ttlMs, clock, logger } = options;
  let removed = 0;
  let unreadable = 0;
  for (const name of await fs.readdir(dir)) {
    const file = path.join(dir, name);
    if (isLeftoverTempFile(name)) {
      if (await olderThan(file, LEFTOVER_AGE_MS, clock)) removed += await remove(file);
      continue;
    }
    if (!name.endsWith(ENTRY_SUFFIX)) continue;
    const entry = decodeEntry(await readOrEmpty(file));
    if (!entry) {
      unreadable += 1;
      if (await olderThan(file, ttlMs, clock)) removed += await remove(file);
    } else if (clock.now() - entry.savedAt >= ttlMs && (await forget(entry.key))) {
      removed += 1;
    }
  }
  logger.info({ removed, unreadable }, 'state swept');
  return removed;
}

async function readOrEmpty(file: string): Promise<string> {
  return fs.readFile(file, 'utf8').catch(() => '');
}

async function olderThan(file: string, ms: number, clock: Clock): Promise<boolean> {
  const stat = await fs.stat(file).catch(() => null);
  return stat !== null && clock.now() - stat.mtimeMs >= ms;
}

async function remove(file: string): Promise<number> {
  await fs.rm(file, { force: true });
  return 1;
}
