import { randomBytes } from 'node:crypto';
import type { Storage } from 'botbuilder';
import type { Clock } from '../clock';
import type { Logger } from '../log';
import type { OpenCartApi } from '../opencart/api';
import { isStorageConflict } from '../storage';
import type { WatchSettings } from './settings';
import { WatchStore, type PendingUpdate, type WatchDoc } from './watch-store';

/** What order/info said about an order's status. */
export type StatusLookup =
  | { kind: 'found'; statusId: number; storeStatusName: string }
  | { kind: 'missing' }
  | { kind: 'unavailable' };

/** Tells the customer; 'pending' when it must wait for their next visit (Web Chat closed, channel refused). */
export type UpdateSender = (doc: WatchDoc, update: PendingUpdate) => Promise<'sent' | 'pending'>;

export interface OrderWatcherOptions {
  storage: Storage;
  clock: Clock;
  logger: Logger;
  settings: WatchSettings;
  lookup: (orderId: number) => Promise<StatusLookup>;
  send: UpdateSender;
  /** How often the scheduler looks for due orders (real time); default a minute or the first interval's fifth. */
  tickMs?: number;
}

export interface WatchRequest {
  orderId: number;
  reference: Record<string, unknown>;
  conversationKey: string;
  channelId: string;
  locale: string;
}

/** order/info through the watcher's own API session (logged in with the API key, never a customer's). */
export function apiStatusLookup(api: Pick<OpenCartApi, 'orderInfo'>, logger: Logger): (orderId: number) => Promise<StatusLookup> {
  return async (orderId) => {
    try {
      const answer = await api.orderInfo(orderId);
      if (answer.ok) {
        const name = answer.value.raw.order_status;
        return { kind: 'found', statusId: answer.value.orderStatusId, storeStatusName: typeof name === 'string' ? name.slice(0, 64) : '' };
      }
      if (answer.code === 'NOT_FOUND') return { kind: 'missing' };
      logger.warn({ code: answer.code }, 'order watch: order/info refused');
      return { kind: 'unavailable' };
    } catch (error) {
      logger.warn({ err: error instanceof Error ? error.name : 'unknown' }, 'order watch: the store did not answer');
      return { kind: 'unavailable' };
    }
  };
}

/**
 * Watches orders placed in the chat until a final status or ORDER_WATCH_DAYS: order/info polled with backoff (the
 * first interval doubling up to the maximum, back to the first after a change), and at once when the store says
 * something changed. One unref'd timer per process; with several instances each check holds a lease on the order's
 * document (written with the eTag it was read with), so one instance checks an order at a time.
 */
export class OrderWatcher {
  readonly store: WatchStore;
  private readonly owner = randomBytes(8).toString('hex');
  private timer: NodeJS.Timeout | undefined;
  private readonly running = new Map<number, Promise<void>>();
  private readonly again = new Set<number>();
  private ticking: Promise<void> | undefined;
  private stopped = false;

  constructor(private readonly options: OrderWatcherOptions) {
    this.store = new WatchStore(options.storage);
  }

  get settings(): WatchSettings {
    return this.options.settings;
  }

  start(): void {
    if (this.timer || !this.settings.enabled) return;
    const every = this.options.tickMs ?? Math.min(60_000, Math.max(1000, this.settings.firstIntervalMs / 5));
    this.timer = setInterval(() => void this.runDue().catch((error: unknown) => this.logFailure(error)), every);
    this.timer.unref();
  }

  /** Stops the timer and waits for the checks in flight. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    this.timer = undefined;
    await this.idle();
  }

  /** Resolves once the checks started so far are done (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.ticking || this.running.size) {
      await Promise.allSettled([this.ticking, ...this.running.values()]);
    }
  }

  /** Starts watching an order (again from the start when it was watched already); the oldest watches beyond the cap go. */
  async watch(request: WatchRequest): Promise<void> {
    if (!this.settings.enabled) return;
    const now = this.options.clock.now();
    const doc: WatchDoc = {
      v: 1,
      ...request,
      startedAt: now,
      until: now + this.settings.watchMs,
      lastStatusId: null,
      intervalMs: this.settings.firstIntervalMs,
      nextCheckAt: now + this.settings.firstIntervalMs,
    };
    await this.store.writeOrder(doc);
    const dropped = await this.store.changeIndex((index) => {
      index.orders = [...index.orders.filter((e) => e.orderId !== request.orderId), { orderId: request.orderId, addedAt: now }];
      const over = Math.max(0, index.orders.length - this.settings.maxOrders);
      const gone = index.orders.splice(0, over).map((e) => e.orderId);
      index.touchedAt = now;
      return gone;
    });
    if (dropped.length) {
      await this.store.deleteOrders(dropped);
      this.options.logger.warn({ dropped: dropped.length, cap: this.settings.maxOrders }, 'order watch: cap reached, the oldest watches dropped');
    }
  }

  /** Checks every order whose time has come. */
  runDue(): Promise<void> {
    this.ticking ??= this.dueNow().finally(() => {
      this.ticking = undefined;
    });
    return this.ticking;
  }

  /** The store said the order changed: look now (order/info; what the notification said is not trusted). */
  checkNow(orderId: number): Promise<void> {
    return this.check(orderId, true);
  }

  private async dueNow(): Promise<void> {
    const now = this.options.clock.now();
    const { doc: index } = await this.store.index();
    // The index lives as long as the storage keeps untouched items: written again once a day.
    if (index.orders.length && now - index.touchedAt > 24 * 60 * 60_000) {
      await this.store.changeIndex((fresh) => void (fresh.touchedAt = now)).catch((error: unknown) => this.logFailure(error));
    }
    for (const entry of index.orders) {
      if (this.stopped) return;
      await this.check(entry.orderId, false);
    }
  }

  private check(orderId: number, force: boolean): Promise<void> {
    const busy = this.running.get(orderId);
    if (busy) {
      if (force) this.again.add(orderId);
      return busy;
    }
    const run = this.checkOnce(orderId, force)
      .catch((error: unknown) => this.logFailure(error))
      .finally(() => {
        this.running.delete(orderId);
        if (this.again.delete(orderId)) void this.check(orderId, true);
      });
    this.running.set(orderId, run);
    return run;
  }

  private async checkOnce(orderId: number, force: boolean): Promise<void> {
    const now = this.options.clock.now();
    const read = await this.store.order(orderId);
    if (!read) {
      await this.forget(orderId);
      return;
    }
    const { doc } = read;
    if (now >= doc.until) {
      await this.end(doc, 'watched long enough');
      return;
    }
    const leased = doc.lease && doc.lease.owner !== this.owner && doc.lease.until > now;
    if (leased || (!force && doc.nextCheckAt > now)) return;
    // The lease: written with the eTag it was read with, so of two instances only one gets it.
    try {
      await this.store.writeOrder({ ...doc, lease: { owner: this.owner, until: now + this.settings.leaseMs } }, read.eTag);
    } catch (error) {
      if (isStorageConflict(error)) return;
      throw error;
    }
    const held = await this.store.order(orderId);
    if (!held || held.doc.lease?.owner !== this.owner) return;
    const next = await this.look(held.doc);
    if (next === 'end') return;
    try {
      await this.store.writeOrder(next, held.eTag);
    } catch (error) {
      if (!isStorageConflict(error)) throw error;
      this.options.logger.warn({ orderId }, 'order watch: the order was taken over by another instance meanwhile');
    }
  }

  /** order/info, the customer told of a change; the document as it goes on, or 'end'. */
  private async look(doc: WatchDoc): Promise<WatchDoc | 'end'> {
    const { settings } = this;
    const status = await this.options.lookup(doc.orderId);
    const now = this.options.clock.now();
    const later = (intervalMs: number): WatchDoc => ({ ...doc, intervalMs, nextCheckAt: now + intervalMs, lease: undefined });
    if (status.kind === 'missing') {
      await this.end(doc, 'order not found');
      return 'end';
    }
    if (status.kind === 'unavailable') return later(Math.min(doc.intervalMs * 2, settings.maxIntervalMs));
    const known = doc.lastStatusId ?? settings.initialStatusId;
    if (status.statusId === known) {
      const seen = { ...later(Math.min(doc.intervalMs * 2, settings.maxIntervalMs)), lastStatusId: status.statusId };
      return seen;
    }
    const update: PendingUpdate = { orderId: doc.orderId, statusId: status.statusId, storeStatusName: status.storeStatusName, at: now };
    const outcome = await this.deliver(doc, update);
    this.options.logger.info({ orderId: doc.orderId, statusId: status.statusId, channel: doc.channelId, outcome }, 'order watch: status changed');
    if (settings.finalStatusIds.has(status.statusId)) {
      await this.end(doc, 'final status');
      return 'end';
    }
    return { ...later(settings.firstIntervalMs), lastStatusId: status.statusId };
  }

  private async deliver(doc: WatchDoc, update: PendingUpdate): Promise<'sent' | 'pending'> {
    let outcome: 'sent' | 'pending';
    try {
      outcome = await this.options.send(doc, update);
    } catch (error) {
      this.options.logger.warn({ err: error instanceof Error ? error.name : 'unknown', channel: doc.channelId }, 'order watch: sending failed; kept for the next visit');
      outcome = 'pending';
    }
    if (outcome === 'pending') await this.store.addPending(doc.conversationKey, update, this.settings.maxPendingPerConversation);
    return outcome;
  }

  private async end(doc: WatchDoc, why: string): Promise<void> {
    this.options.logger.info({ orderId: doc.orderId, why }, 'order watch ended');
    await this.forget(doc.orderId);
  }

  private async forget(orderId: number): Promise<void> {
    await this.store.changeIndex((index) => {
      index.orders = index.orders.filter((e) => e.orderId !== orderId);
    });
    await this.store.deleteOrders([orderId]);
  }

  private logFailure(error: unknown): void {
    this.options.logger.warn({ err: error instanceof Error ? error.name : 'unknown' }, 'order watch: a check failed');
  }
}
