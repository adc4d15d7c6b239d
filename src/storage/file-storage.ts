import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Storage, StoreItems } from 'botbuilder';
import type { Clock } from '../clock';
import type { Logger } from '../log';
import { durableWriter } from './durable-writer';
import { StorageConflictError } from './errors';
import { decodeEntry, encodeEntry, entryFileName, itemJson, newETag, type StoredEntry } from './file-entry';
import { KeyedLock } from './keyed-lock';
import { markValidatedParts, validatedParts } from './validated';
import { markReadJson, takeSavedJson } from './state-json';
import { sweepStateDir } from './file-sweep';

export interface FileStorageOptions {
  dir: string;
  /** Items not written for this long are forgotten. */
  ttlMs: number;
  clock: Clock;
  logger: Logger;
  /** Items kept in memory (least recently used dropped first); the files stay the truth. */
  maxCached?: number;
}

/** What the process knows about one key: its latest accepted state and whether the disk has caught up. */
interface Slot {
  /** The key's file (its name is a SHA-256 of the key: worked out once, when the slot is made). */
  file: string;
  /** null: absent (never written, deleted or expired). */
  current: StoredEntry | null;
  version: number;
  onDisk: number;
  flushing: Promise<void> | null;
}

const DEFAULT_MAX_CACHED = 2000;

/**
 * Bot state on local disk, one file per key. Writes are atomic and fsynced (a temp file fsynced and renamed, then the
 * folder is synced), so a kill at any moment leaves each file either as it was or as written. Reads are served from memory,
 * which is safe because one process owns the folder; writes of one key coalesce while one is on its way to disk.
 */
export class FileStorage implements Storage {
  private readonly slots = new Map<string, Slot>();
  private readonly loading = new Map<string, Promise<Slot>>();
  private readonly lock = new KeyedLock();
  private readonly maxCached: number;
  private ready: Promise<void> | null = null;

  constructor(private readonly options: FileStorageOptions) {
    this.maxCached = options.maxCached ?? DEFAULT_MAX_CACHED;
  }

  async read(keys: string[]): Promise<StoreItems> {
    const items: StoreItems = {};
    for (const key of keys) {
      const entry = this.live((await this.slot(key)).current);
      if (!entry) continue;
      const item = JSON.parse(entry.json) as Record<string, unknown>;
      markValidatedParts(item, entry.validated);
      items[key] = markReadJson({ ...item, eTag: entry.eTag }, entry.json);
    }
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    const written = Object.entries(changes).map(([key, item]) => this.writeOne(key, item as object & { eTag?: unknown }));
    await Promise.all(written);
  }

  async delete(keys: string[]): Promise<void> {
    await Promise.all(keys.map((key) => this.change(key, () => null)));
  }

  /** Forgets what was not written for the TTL (and the leftovers of atomic writes that died); returns how many were removed. */
  async sweep(): Promise<number> {
    await this.ensureDir();
    return sweepStateDir(this.options, (key) => this.forgetIfExpired(key));
  }

  /** Waits until everything accepted so far is on disk. */
  async flush(): Promise<void> {
    await Promise.allSettled([...this.slots.values()].map((slot) => slot.flushing));
  }

  private writeOne(key: string, item: object & { eTag?: unknown }): Promise<void> {
    const json = takeSavedJson(item) ?? itemJson(item); // the text LeanStateCore compared, when it saved this item
    return this.change(key, (current) => {
      const expected = item.eTag;
      if (current && typeof expected === 'string' && expected !== '*' && expected !== current.eTag) {
        throw new StorageConflictError();
      }
      return {
        key,
        eTag: newETag(),
        savedAt: this.options.clock.now(),
        json,
        validated: validatedParts(item),
      };
    });
  }

  /** Decides the key's next state under its lock (so eTag checks see every earlier write), then waits for the disk. */
  private async change(key: string, next: (current: StoredEntry | null) => StoredEntry | null): Promise<void> {
    const persisted = await this.lock.run(key, async () => {
      const slot = await this.slot(key);
      slot.current = next(this.live(slot.current));
      slot.version += 1;
      return { done: this.persist(key, slot) };
    });
    await persisted.done;
  }

  private async forgetIfExpired(key: string): Promise<boolean> {
    return this.lock.run(key, async () => {
      const slot = await this.slot(key);
      if (slot.current && this.live(slot.current)) return false;
      slot.current = null;
      slot.version += 1;
      await this.persist(key, slot);
      return true;
    });
  }

  private live(entry: StoredEntry | null): StoredEntry | null {
    return entry && this.options.clock.now() - entry.savedAt < this.options.ttlMs ? entry : null;
  }

  /** Writes the slot's latest state until the disk has caught up; concurrent writes of the key share one loop. */
  private persist(key: string, slot: Slot): Promise<void> {
    slot.flushing ??= (async () => {
      try {
        while (slot.onDisk < slot.version) {
          const version = slot.version;
          await this.writeFile(slot.file, slot.current);
          slot.onDisk = version;
        }
      } catch (error) {
        this.slots.delete(key); // memory is ahead of the disk: read the file again next time
        throw error;
      } finally {
        slot.flushing = null;
      }
    })();
    return slot.flushing;
  }

  private async writeFile(file: string, entry: StoredEntry | null): Promise<void> {
    await this.ensureDir();
    if (entry) await durableWriter().put(file, encodeEntry(entry), 0o600);
    else await durableWriter().remove(file);
  }

  private slot(key: string): Promise<Slot> {
    const cached = this.slots.get(key);
    if (cached) {
      this.slots.delete(key); // re-inserted last: the Map's order is the least-recently-used order
      this.slots.set(key, cached);
      return Promise.resolve(cached);
    }
    let pending = this.loading.get(key);
    if (!pending) {
      pending = this.load(key).finally(() => this.loading.delete(key));
      this.loading.set(key, pending);
    }
    return pending;
  }

  private async load(key: string): Promise<Slot> {
    const file = this.fileOf(key);
    const slot: Slot = { file, current: await this.readFile(key, file), version: 0, onDisk: 0, flushing: null };
    this.slots.set(key, slot);
    this.evict(key);
    return slot;
  }

  private async readFile(key: string, file: string): Promise<StoredEntry | null> {
    let text: string;
    try {
      text = await fs.readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    const entry = decodeEntry(text);
    if (!entry || entry.key !== key) {
      // Never the content: it may hold a customer's details.
      this.options.logger.warn({ file: path.basename(file), bytes: text.length }, 'state file unreadable; treated as absent');
      return null;
    }
    return entry;
  }

  private evict(keep: string): void {
    for (const [key, slot] of this.slots) {
      if (this.slots.size <= this.maxCached) return;
      if (key !== keep && !slot.flushing && slot.onDisk === slot.version) this.slots.delete(key);
    }
  }

  private fileOf(key: string): string {
    return path.join(this.options.dir, entryFileName(key));
  }

  private ensureDir(): Promise<void> {
    this.ready ??= fs.mkdir(this.options.dir, { recursive: true, mode: 0o700 }).then(
      () => undefined,
      (error: unknown) => {
        this.ready = null;
        throw error;
      },
    );
    return this.ready;
  }
}
