import { createHash } from 'node:crypto';
import type { Storage, StoreItem } from 'botbuilder';
import { z } from 'zod';
import { isStorageConflict } from '../storage';

/**
 * The watch list in the bot's state storage (the same Storage as conversation state, so it survives restarts and is
 * shared by instances): one small index of watched orders, one document per order, and per conversation the updates
 * waiting for the customer's next visit. Documents are checked when read (a deploy may change their shape).
 */
export const INDEX_KEY = 'order-watch/index';
export const orderKey = (orderId: number): string => `order-watch/order/${orderId}`;
/** Hashed: conversation ids can be long and name people (Teams, Telegram). */
export const pendingKey = (conversationKey: string): string =>
  `order-watch/pending/${createHash('sha256').update(conversationKey).digest('hex').slice(0, 40)}`;

/** How many times a read-modify-write is tried again after another writer got in between. */
const CONFLICT_RETRIES = 5;

const entrySchema = z.object({ orderId: z.number().int().positive(), addedAt: z.number() });
const indexSchema = z.object({ orders: z.array(entrySchema).max(200_000), touchedAt: z.number() });

export type WatchEntry = z.infer<typeof entrySchema>;
export type WatchIndex = z.infer<typeof indexSchema>;

const leaseSchema = z.object({ owner: z.string().max(64), until: z.number() });

export const watchDocSchema = z.object({
  v: z.literal(1),
  orderId: z.number().int().positive(),
  /** Bot Framework's ConversationReference as plain JSON (TurnContext.getConversationReference). */
  reference: z.record(z.string(), z.unknown()),
  /** `<channelId>/<conversation id>`: where pending updates wait. */
  conversationKey: z.string().max(1000),
  channelId: z.string().max(64),
  locale: z.string().max(20),
  startedAt: z.number(),
  until: z.number(),
  /** The status last told (or the one the order was placed with); null until first seen. */
  lastStatusId: z.number().int().nullable(),
  intervalMs: z.number().positive(),
  nextCheckAt: z.number(),
  lease: leaseSchema.optional(),
});

export type WatchDoc = z.infer<typeof watchDocSchema>;

const pendingUpdateSchema = z.object({
  orderId: z.number().int().positive(),
  statusId: z.number().int(),
  storeStatusName: z.string().max(64),
  at: z.number(),
});
const pendingSchema = z.object({ updates: z.array(pendingUpdateSchema).max(100) });

export type PendingUpdate = z.infer<typeof pendingUpdateSchema>;

export interface Versioned<T> {
  doc: T;
  eTag?: string;
}

/** The stored item without the storage's eTag, and the eTag apart. */
function split(item: StoreItem | undefined): { data: unknown; eTag?: string } | undefined {
  if (!item) return undefined;
  const { eTag, ...data } = item;
  return { data, eTag: typeof eTag === 'string' && eTag !== '*' ? eTag : undefined };
}

export class WatchStore {
  constructor(private readonly storage: Storage) {}

  async index(): Promise<Versioned<WatchIndex>> {
    const read = split((await this.storage.read([INDEX_KEY]))[INDEX_KEY]);
    const parsed = indexSchema.safeParse(read?.data);
    return { doc: parsed.success ? parsed.data : { orders: [], touchedAt: 0 }, eTag: read?.eTag };
  }

  /** Read, change and write the index, again from the start when another writer got in between. */
  async changeIndex<R>(change: (index: WatchIndex) => R): Promise<R> {
    for (let attempt = 0; ; attempt++) {
      const { doc, eTag } = await this.index();
      const result = change(doc);
      try {
        await this.storage.write({ [INDEX_KEY]: { ...doc, eTag: eTag ?? '*' } });
        return result;
      } catch (error) {
        if (!isStorageConflict(error) || attempt >= CONFLICT_RETRIES) throw error;
      }
    }
  }

  async order(orderId: number): Promise<Versioned<WatchDoc> | undefined> {
    const key = orderKey(orderId);
    const read = split((await this.storage.read([key]))[key]);
    const parsed = watchDocSchema.safeParse(read?.data);
    return parsed.success ? { doc: parsed.data, eTag: read?.eTag } : undefined;
  }

  /** Throws a storage conflict when `eTag` is given and the stored document is no longer that version. */
  async writeOrder(doc: WatchDoc, eTag?: string): Promise<void> {
    await this.storage.write({ [orderKey(doc.orderId)]: { ...doc, eTag: eTag ?? '*' } });
  }

  async deleteOrders(orderIds: number[]): Promise<void> {
    if (orderIds.length) await this.storage.delete(orderIds.map(orderKey));
  }

  /** Keeps the newest update per order, at most `max` orders. */
  async addPending(conversationKey: string, update: PendingUpdate, max: number): Promise<void> {
    await this.changePending(conversationKey, (updates) => [...updates.filter((u) => u.orderId !== update.orderId), update].slice(-max));
  }

  /** The waiting updates, removed. */
  async takePending(conversationKey: string): Promise<PendingUpdate[]> {
    let taken: PendingUpdate[] = [];
    await this.changePending(conversationKey, (updates) => {
      taken = updates;
      return [];
    });
    return taken;
  }

  private async changePending(conversationKey: string, change: (updates: PendingUpdate[]) => PendingUpdate[]): Promise<void> {
    const key = pendingKey(conversationKey);
    for (let attempt = 0; ; attempt++) {
      const read = split((await this.storage.read([key]))[key]);
      const parsed = pendingSchema.safeParse(read?.data);
      const before = parsed.success ? parsed.data.updates : [];
      const after = change(before);
      if (before.length === 0 && after.length === 0) return;
      try {
        if (after.length === 0 && !read?.eTag) await this.storage.delete([key]);
        else await this.storage.write({ [key]: { updates: after, eTag: read?.eTag ?? '*' } });
        return;
      } catch (error) {
        if (!isStorageConflict(error) || attempt >= CONFLICT_RETRIES) throw error;
      }
    }
  }
}
