import { CosmosDbPartitionedStorage } from 'botbuilder-azure';
import { mkdtempSync, rmSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MemoryStorage } from 'botbuilder';
import { ManualClock } from '../../src/clock';
import { loadConfig } from '../../src/config';
import { createStorage, FileStorage } from '../../src/storage';
import { ETagGuardStorage } from '../../src/storage/etag-guard';
import { memoryLogger } from '../server/helpers';

const deps = () => ({ logger: memoryLogger().logger, clock: new ManualClock() });

describe('createStorage', () => {
  it('file by default, under STATE_DIR, durable across instances', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'create-storage-'));
    try {
      const config = loadConfig({ STATE_DIR: path.join(dir, 'state') });
      expect(config.STATE_STORAGE).toBe('file');
      const storage = createStorage(config, deps());
      expect(storage).toBeInstanceOf(FileStorage);
      expect(storage.turnLock).toBeUndefined();
      await storage.write({ k: { n: 1 } });
      await storage.close();
      expect(readdirSync(path.join(dir, 'state'))).toHaveLength(1);
      const again = createStorage(config, deps());
      expect((await again.read(['k'])).k).toMatchObject({ n: 1 });
      await again.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('memory when asked', async () => {
    const storage = createStorage(loadConfig({ STATE_STORAGE: 'memory' }), deps());
    expect(storage).toBeInstanceOf(MemoryStorage);
    await storage.close();
  });

  it('blob needs a connection string; cosmos its endpoint and key, and then is botbuilder-azure\'s partitioned storage', async () => {
    expect(() => createStorage(loadConfig({ STATE_STORAGE: 'blob' }), deps())).toThrow(/AZURE_STORAGE_CONNECTION_STRING/);
    expect(() => createStorage(loadConfig({ STATE_STORAGE: 'cosmos' }), deps())).toThrow(/COSMOS_DB_ENDPOINT and COSMOS_DB_KEY/);
    const cosmos = createStorage(
      loadConfig({ STATE_STORAGE: 'cosmos', COSMOS_DB_ENDPOINT: 'https://127.0.0.1:8081/', COSMOS_DB_KEY: 'a2V5' }),
      deps(),
    );
    expect(cosmos).toBeInstanceOf(CosmosDbPartitionedStorage); // nothing is contacted until the first turn
    await cosmos.close();
  });
});

describe('ETagGuardStorage', () => {
  it('turns a "*" save of a conversation into one conditional on the eTag read, and learns the eTag it wrote', async () => {
    const inner = new MemoryStorage();
    const guard = new ETagGuardStorage(inner, async (key) => ((await inner.read([key]))[key]?.eTag as string) ?? null, (key) => key.startsWith('c/'));
    await inner.write({ 'c/1': { n: 0 } });
    await guard.read(['c/1']);
    await guard.write({ 'c/1': { n: 1, eTag: '*' } }); // the eTag read at the turn's start
    await guard.write({ 'c/1': { n: 2, eTag: '*' } }); // a second save in the same turn (saveNow, then the end)
    await inner.write({ 'c/1': { n: 99, eTag: '*' } }); // another instance writes meanwhile
    await expect(guard.write({ 'c/1': { n: 3, eTag: '*' } })).rejects.toThrow(/eTag conflict/);
    expect((await inner.read(['c/1']))['c/1']).toMatchObject({ n: 99 });
    // Keys not guarded (user state) keep last-writer-wins.
    await guard.read(['u/1']);
    await inner.write({ 'u/1': { n: 5 } });
    await guard.write({ 'u/1': { n: 6, eTag: '*' } });
    expect((await inner.read(['u/1']))['u/1']).toMatchObject({ n: 6 });
  });
});
