import type { Clock } from '../clock';

interface Entry<V> {
  value: V;
  expiresAt: number;
  weight: number;
}

/** How much a cache may hold: entries, and optionally a total weight (e.g. approximate bytes) from `weigh`. */
export interface CacheBounds<V> {
  maxEntries?: number;
  maxWeight?: number;
  weigh?: (value: V) => number;
}

/**
 * Answers kept for `ttlMs` and shared by every conversation. Concurrent `get`s of one missing key share
 * one load (single flight); a failed load is not cached, so the next caller tries again. Bounded: past
 * `maxEntries` (or `maxWeight`) the least recently stored entries go first.
 */
export class TtlCache<V> {
  private readonly entries = new Map<string, Entry<V>>();
  private readonly inFlight = new Map<string, Promise<V>>();
  private readonly maxEntries: number;
  private readonly maxWeight: number;
  private readonly weigh: (value: V) => number;
  private totalWeight = 0;

  constructor(
    private readonly clock: Clock,
    private readonly ttlMs: number,
    bounds: number | CacheBounds<V> = 2000,
  ) {
    const given = typeof bounds === 'number' ? { maxEntries: bounds } : bounds;
    this.maxEntries = given.maxEntries ?? 2000;
    this.maxWeight = given.maxWeight ?? Number.POSITIVE_INFINITY;
    this.weigh = given.weigh ?? (() => 0);
  }

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
    this.totalWeight = 0;
  }

  get size(): number {
    return this.entries.size;
  }

  /** The sum of the entries' weights (0 without `weigh`). */
  get weight(): number {
    return this.totalWeight;
  }

  private store(key: string, value: V): void {
    this.remove(key); // re-insert so Map order tracks recency
    const weight = this.weigh(value);
    if (weight > this.maxWeight) return; // larger than the whole cache: not kept
    this.entries.set(key, { value, expiresAt: this.clock.now() + this.ttlMs, weight });
    this.totalWeight += weight;
    while (this.entries.size > this.maxEntries || this.totalWeight > this.maxWeight) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.remove(oldest);
    }
  }

  private remove(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.totalWeight -= entry.weight;
    this.entries.delete(key);
  }
}
