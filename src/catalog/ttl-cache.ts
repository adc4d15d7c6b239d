import type { Clock } from '../clock';

interface Entry<V> {
  value: V;
  expiresAt: number;
}

/**
 * Answers kept for `ttlMs` and shared by every conversation. Concurrent `get`s of one missing key share
 * one load (single flight); a failed load is not cached, so the next caller tries again.
 */
export class TtlCache<V> {
  private readonly entries = new Map<string, Entry<V>>();
  private readonly inFlight = new Map<string, Promise<V>>();

  constructor(
    private readonly clock: Clock,
    private readonly ttlMs: number,
    private readonly maxEntries = 2000,
  ) {}

  async get(key: string, load: () => Promise<V>): Promise<V> {
    const entry = this.entries.get(key);
    if (entry && entry.expiresAt > this.clock.now()) return entry.value;
    const pending = this.inFlight.get(key);
    if (pending) return pending;
    const loading = load()
      .then((value) => {
        this.store(key, value);
        return value;
      })
      .finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, loading);
    return loading;
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }

  private store(key: string, value: V): void {
    this.entries.delete(key); // re-insert so Map order tracks recency
    this.entries.set(key, { value, expiresAt: this.clock.now() + this.ttlMs });
    if (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }
}
