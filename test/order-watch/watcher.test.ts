import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryStorage, type Storage } from 'botbuilder';
import { ManualClock } from '../../src/clock';
import { startDemoStore, type DemoStoreHandle } from '../../src/demo-store';
import { createSessionFactory } from '../../src/opencart';
import { apiStatusLookup, DEFAULT_WATCH_SETTINGS, OrderWatcher, type PendingUpdate, type WatchSettings } from '../../src/order-watch';
import { FileStorage } from '../../src/storage';
import { memoryLogger } from '../server/helpers';
import { placeApiOrder } from './helpers';

const MINUTE = 60_000;

/**
 * The watcher on its own, against the demo store's order/info: restarts (FileStorage in a temp folder), the cap,
 * two instances on one storage, a store that does not answer. Orders are placed through the API as the bot would.
 */
describe('OrderWatcher', () => {
  let store: DemoStoreHandle;
  let clock: ManualClock;
  let dir: string;
  const api = () => createSessionFactory({ baseUrl: store.url, username: store.username, apiKey: store.apiKey }, { clock })(null);

  beforeEach(async () => {
    clock = new ManualClock();
    store = await startDemoStore({ clock });
    dir = await mkdtemp(join(tmpdir(), 'order-watch-'));
  });
  afterEach(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  const placeOrder = () => placeApiOrder(api(), store);

  const setStatus = async (orderId: number, statusId: number) => {
    expect((await api().orderHistory(orderId, { order_status_id: statusId })).ok).toBe(true);
  };

  function makeWatcher(storage: Storage, sent: PendingUpdate[], settings: Partial<WatchSettings> = {}) {
    const { logger, lines } = memoryLogger();
    const watcher = new OrderWatcher({
      storage,
      clock,
      logger,
      settings: { ...DEFAULT_WATCH_SETTINGS, ...settings },
      lookup: apiStatusLookup(api(), logger),
      send: async (_doc, update) => {
        sent.push(update);
        return 'sent';
      },
    });
    return { watcher, lines };
  }

  const request = (orderId: number) => ({
    orderId,
    reference: { conversation: { id: `conversation-${orderId}` }, channelId: 'telegram', serviceUrl: 'http://127.0.0.1:1' },
    conversationKey: `telegram/conversation-${orderId}`,
    channelId: 'telegram',
    locale: 'en',
  });

  async function poll(watcher: OrderWatcher, ms: number) {
    clock.advance(ms);
    await watcher.runDue();
  }

  const fileStorage = () => new FileStorage({ dir, ttlMs: 30 * 24 * 60 * MINUTE, clock, logger: memoryLogger().logger });

  it('keeps watching after a restart (FileStorage): the new process tells the change the old one would have', async () => {
    const orderId = await placeOrder();
    const before: PendingUpdate[] = [];
    const first = fileStorage();
    const { watcher: old } = makeWatcher(first, before);
    await old.watch(request(orderId));
    await old.stop();
    await first.flush();

    await setStatus(orderId, 3);
    const after: PendingUpdate[] = [];
    const { watcher: restarted } = makeWatcher(fileStorage(), after);
    await poll(restarted, 5 * MINUTE);
    expect(before).toEqual([]);
    expect(after).toEqual([expect.objectContaining({ orderId, statusId: 3, storeStatusName: 'Shipped' })]);
  });

  it('drops the oldest watch beyond the cap, with a log line naming no order or customer', async () => {
    const storage = new MemoryStorage();
    const { watcher, lines } = makeWatcher(storage, [], { maxOrders: 3 });
    for (const orderId of [11, 12, 13, 14]) await watcher.watch(request(orderId));
    expect((await watcher.store.index()).doc.orders.map((e) => e.orderId)).toEqual([12, 13, 14]);
    expect(await watcher.store.order(11)).toBeUndefined();
    const line = lines.map((l) => JSON.parse(l)).find((l) => /cap reached/.test(l.msg));
    expect(line).toMatchObject({ dropped: 1, cap: 3 });
    expect(JSON.stringify(line)).not.toMatch(/conversation-|orderId/);
  });

  it('with two instances on one storage, an order is looked at by one of them at a time', async () => {
    const orderId = await placeOrder();
    const storage = new MemoryStorage();
    const sent: PendingUpdate[] = [];
    const a = makeWatcher(storage, sent).watcher;
    const b = makeWatcher(storage, sent).watcher;
    await a.watch(request(orderId));
    await setStatus(orderId, 2);
    clock.advance(5 * MINUTE);
    store.hooks.resetCallCounts();
    await Promise.all([a.runDue(), b.runDue(), a.checkNow(orderId), b.checkNow(orderId)]);
    await Promise.all([a.idle(), b.idle()]);
    expect(sent.map((u) => u.statusId)).toEqual([2]);
  });

  it('a store that does not answer keeps the watch and tries again later; an order gone ends it', async () => {
    const orderId = await placeOrder();
    const sent: PendingUpdate[] = [];
    const { watcher } = makeWatcher(new MemoryStorage(), sent);
    await watcher.watch(request(orderId));
    await setStatus(orderId, 3);
    store.hooks.failNextRequests(3); // one call and its two retries
    await poll(watcher, 5 * MINUTE);
    expect(sent).toEqual([]);
    expect((await watcher.store.order(orderId))?.doc.nextCheckAt).toBe(clock.now() + 10 * MINUTE);
    await poll(watcher, 10 * MINUTE);
    expect(sent.map((u) => u.statusId)).toEqual([3]);

    await watcher.watch(request(999_999));
    await poll(watcher, 6 * 60 * MINUTE);
    expect((await watcher.store.index()).doc.orders.map((e) => e.orderId)).toEqual([orderId]);
  });

  it('ends the watch after ORDER_WATCH_DAYS without looking again', async () => {
    const orderId = await placeOrder();
    const sent: PendingUpdate[] = [];
    const { watcher } = makeWatcher(new MemoryStorage(), sent, { watchMs: 60 * MINUTE });
    await watcher.watch(request(orderId));
    await setStatus(orderId, 3);
    await poll(watcher, 61 * MINUTE);
    expect(sent).toEqual([]);
    expect((await watcher.store.index()).doc.orders).toEqual([]);
  });
});
