import type { Storage, StoreItem, StoreItems } from 'botbuilder';
import { passSavedJson } from './state-json';

/** Reads the current eTag of a stored item (after a write, whose eTag the storage does not return). */
export type ETagReader = (key: string) => Promise<string | null>;

const MAX_TRACKED = 10_000;

/**
 * Makes botbuilder's last-writer-wins saves conditional. BotState writes with eTag '*'; for the keys chosen here
 * the write carries the eTag read at the turn's start (or after this process's own last write) instead, so a
 * write made meanwhile by another instance is never overwritten: the storage refuses it (eTag conflict).
 */
export class ETagGuardStorage implements Storage {
  private readonly eTags = new Map<string, string>();

  constructor(
    private readonly inner: Storage,
    private readonly currentETag: ETagReader,
    private readonly guarded: (key: string) => boolean,
  ) {}

  async read(keys: string[]): Promise<StoreItems> {
    const items = await this.inner.read(keys);
    for (const key of keys.filter(this.guarded)) {
      const eTag = (items[key] as StoreItem | undefined)?.eTag;
      if (typeof eTag === 'string' && eTag !== '*') this.remember(key, eTag);
      else this.eTags.delete(key); // absent: the first write creates it
    }
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    const conditional: StoreItems = {};
    for (const [key, item] of Object.entries(changes)) {
      const known = this.guarded(key) ? this.eTags.get(key) : undefined;
      const loose = !item.eTag || item.eTag === '*';
      conditional[key] = known && loose ? passSavedJson(item, { ...item, eTag: known }) : item;
    }
    try {
      await this.inner.write(conditional);
    } catch (error) {
      for (const key of Object.keys(changes)) this.eTags.delete(key);
      throw error;
    }
    for (const key of Object.keys(changes).filter(this.guarded)) {
      const eTag = await this.currentETag(key);
      if (eTag) this.remember(key, eTag);
    }
  }

  async delete(keys: string[]): Promise<void> {
    for (const key of keys) this.eTags.delete(key);
    await this.inner.delete(keys);
  }

  private remember(key: string, eTag: string): void {
    this.eTags.delete(key);
    this.eTags.set(key, eTag);
    if (this.eTags.size > MAX_TRACKED) this.eTags.delete(this.eTags.keys().next().value ?? '');
  }
}
