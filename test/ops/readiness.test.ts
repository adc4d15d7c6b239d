import { MemoryStorage, type Storage } from 'botbuilder';
import pino from 'pino';
import { ManualClock } from '../../src/clock';
import { startDemoStore, type DemoStoreHandle } from '../../src/demo-store';
import { createSessionFactory } from '../../src/opencart';
import { createOrderBot } from '../../src/bot';
import { createReadiness, storageCheck, storeCheck } from '../../src/server/ops/readiness';
import { startShop } from '../e2e/harness';

const logger = pino({ level: 'silent' });

describe('readiness (/readyz)', () => {
  let store: DemoStoreHandle;
  beforeEach(async () => {
    store = await startDemoStore();
  });
  afterEach(async () => {
    await store.close();
  });

  const sessionsFor = (apiKey: string, url = store.url) =>
    createSessionFactory({ baseUrl: url, username: 'Default', apiKey }, { logger, clock: new ManualClock() });

  it('is ready when state can be read and the OpenCart API answers', async () => {
    const clock = new ManualClock();
    const ready = createReadiness(
      { storage: storageCheck(new MemoryStorage()), store: storeCheck(sessionsFor(store.apiKey)) },
      { clock },
    );
    expect(await ready()).toEqual({ ready: true, storage: 'ok', store: 'ok' });
  });

  it('names a wrong key, a store that is down and unreadable state', async () => {
    const broken: Storage = {
      read: () => Promise.reject(new Error('storage down')),
      write: () => Promise.reject(new Error('storage down')),
      delete: () => Promise.reject(new Error('storage down')),
    };
    const wrongKey = createReadiness(
      { storage: storageCheck(broken), store: storeCheck(sessionsFor('wrong-key')) },
      { clock: new ManualClock() },
    );
    expect(await wrongKey()).toEqual({ ready: false, storage: 'unreachable', store: 'bad-key' });

    const url = store.url;
    await store.close();
    const down = createReadiness(
      { storage: storageCheck(new MemoryStorage()), store: storeCheck(sessionsFor('any', url)) },
      { clock: new ManualClock() },
    );
    expect(await down()).toEqual({ ready: false, storage: 'ok', store: 'unreachable' });
    store = await startDemoStore();
  });

  it('checks at most once per interval and shares a running check', async () => {
    const clock = new ManualClock();
    let storageReads = 0;
    const storage = new MemoryStorage();
    const counted: Storage = {
      read: (keys) => {
        storageReads += 1;
        return storage.read(keys);
      },
      write: (changes) => storage.write(changes),
      delete: (keys) => storage.delete(keys),
    };
    const ready = createReadiness({ storage: storageCheck(counted), store: storeCheck(sessionsFor(store.apiKey)) }, { clock, ttlMs: 5_000 });
    await Promise.all([ready(), ready(), ready()]);
    expect(storageReads).toBe(1);
    clock.advance(4_999);
    await ready();
    expect(storageReads).toBe(1);
    clock.advance(1);
    expect((await ready()).ready).toBe(true);
    expect(storageReads).toBe(2);
  });
});

describe('GET /readyz and /healthz on the running bot', () => {
  it('answers ready while the store answers, 503 naming the store once it is down, and /healthz throughout', async () => {
    const shop = await startShop(createOrderBot);
    try {
      const ready = await fetch(`${shop.app.server.url}/readyz`);
      expect([ready.status, await ready.json()]).toEqual([200, { status: 'ready', storage: 'ok', store: 'ok' }]);
      await shop.store.close();
      shop.clock.advance(10_000);
      const down = await fetch(`${shop.app.server.url}/readyz`);
      expect([down.status, await down.json()]).toEqual([503, { status: 'not ready', storage: 'ok', store: 'unreachable' }]);
      expect((await fetch(`${shop.app.server.url}/healthz`)).status).toBe(200);
    } finally {
      await shop.app.close();
      await shop.connector.close();
    }
  });
});
