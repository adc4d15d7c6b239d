import { mkdtempSync, promises as fs, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ManualClock } from '../../src/clock';
import { FileStorage, StorageConflictError } from '../../src/storage';
import { entryFileName } from '../../src/storage/file-entry';
import { memoryLogger } from '../server/helpers';

const DAY = 24 * 60 * 60 * 1000;

describe('FileStorage', () => {
  let dir: string;
  let clock: ManualClock;
  let log: ReturnType<typeof memoryLogger>;
  const open = (extra: { maxCached?: number } = {}) => new FileStorage({ dir, ttlMs: 30 * DAY, clock, logger: log.logger, ...extra });
  beforeEach(() => {
    dir = path.join(mkdtempSync(path.join(os.tmpdir(), 'file-storage-')), 'state');
    clock = new ManualClock();
    log = memoryLogger();
  });
  afterEach(() => rmSync(path.dirname(dir), { recursive: true, force: true }));

  it('reads nothing for unknown keys, and what was written, from another instance on the same folder too', async () => {
    const storage = open();
    expect(await storage.read(['webchat/conversations/a/'])).toEqual({});
    await storage.write({ 'webchat/conversations/a/': { draft: { lines: [1, 2] }, name: 'Jürgen', eTag: '*' } });
    const again = await open().read(['webchat/conversations/a/', 'missing']);
    expect(again['webchat/conversations/a/']).toMatchObject({ draft: { lines: [1, 2] }, name: 'Jürgen' });
    expect(Object.keys(again)).toEqual(['webchat/conversations/a/']);
  });

  it('hands out copies: changing what was read or written changes nothing stored', async () => {
    const storage = open();
    const item = { list: [1] };
    await storage.write({ k: item });
    item.list.push(2);
    const first = await storage.read(['k']);
    (first.k as { list: number[] }).list.push(3);
    expect((await storage.read(['k'])).k).toMatchObject({ list: [1] });
  });

  it('refuses a write with a stale eTag; the current eTag, "*" and none overwrite', async () => {
    const storage = open();
    await storage.write({ k: { n: 1 } });
    const { eTag: first } = (await storage.read(['k'])).k as { eTag: string };
    await storage.write({ k: { n: 2, eTag: first } });
    const { eTag: second } = (await storage.read(['k'])).k as { eTag: string };
    expect(second).not.toBe(first);

    await expect(storage.write({ k: { n: 3, eTag: first } })).rejects.toBeInstanceOf(StorageConflictError);
    expect((await open().read(['k'])).k).toMatchObject({ n: 2, eTag: second });

    await storage.write({ k: { n: 4, eTag: '*' } });
    await storage.write({ k: { n: 5 } });
    expect((await open().read(['k'])).k).toMatchObject({ n: 5 });
  });

  it('of two writers holding the same eTag, exactly one wins', async () => {
    const storage = open();
    await storage.write({ k: { n: 0 } });
    const { eTag } = (await storage.read(['k'])).k as { eTag: string };
    const results = await Promise.allSettled([storage.write({ k: { n: 1, eTag } }), storage.write({ k: { n: 2, eTag } })]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
  });

  it('coalesces a burst of writes of one key: the last one is what the disk keeps', async () => {
    const storage = open();
    await Promise.all(Array.from({ length: 30 }, (_, n) => storage.write({ k: { n } })));
    expect((await open().read(['k'])).k).toMatchObject({ n: 29 });
  });

  it('deletes: the key is gone for this and later instances', async () => {
    const storage = open();
    await storage.write({ a: { n: 1 }, b: { n: 2 } });
    await storage.delete(['a', 'never-written']);
    expect(await storage.read(['a', 'b'])).toEqual({ b: expect.objectContaining({ n: 2 }) });
    expect(Object.keys(await open().read(['a', 'b']))).toEqual(['b']);
  });

  it('keeps one file per key with a fixed-length name that shows no id, and nothing half-written beside it', async () => {
    const storage = open();
    const key = `msteams/conversations/${'a:1'.repeat(200)}/`;
    await storage.write({ [key]: { n: 1 } });
    const files = await fs.readdir(dir);
    expect(files).toEqual([entryFileName(key)]);
    expect(files[0]).toMatch(/^[0-9a-f]{64}\.json$/);
    expect(JSON.parse(await fs.readFile(path.join(dir, files[0]), 'utf8'))).toMatchObject({ key, item: { n: 1 } });
  });

  it('treats a corrupt file as absent, logs that without its content, and a write replaces it', async () => {
    await fs.mkdir(dir, { recursive: true });
    const file = path.join(dir, entryFileName('k'));
    await fs.writeFile(file, '{"v":1,"key":"k","eTag":"x","savedAt":1,"item":{"email":"jane@exam');
    const storage = open();
    expect(await storage.read(['k'])).toEqual({});
    const warned = log.lines.filter((line) => line.includes('state file unreadable'));
    expect(warned).toHaveLength(1);
    expect(warned[0]).not.toContain('jane');
    await storage.write({ k: { n: 1, eTag: 'x' } });
    expect((await open().read(['k'])).k).toMatchObject({ n: 1 });
  });

  it('a file holding another key (renamed by hand) is not handed out', async () => {
    const storage = open();
    await storage.write({ a: { n: 1 } });
    await fs.rename(path.join(dir, entryFileName('a')), path.join(dir, entryFileName('b')));
    expect(await open().read(['b'])).toEqual({});
  });

  it('forgets items not written for the TTL: at once on read, and from disk by the sweep', async () => {
    const storage = open();
    await storage.write({ old: { n: 1 } });
    clock.advance(20 * DAY);
    await storage.write({ fresh: { n: 2 } });
    clock.advance(10 * DAY - 1);
    expect(Object.keys(await storage.read(['old', 'fresh']))).toEqual(['old', 'fresh']);
    clock.advance(1);
    expect(Object.keys(await storage.read(['old', 'fresh']))).toEqual(['fresh']);

    expect(await open().sweep()).toBe(1);
    expect(await fs.readdir(dir)).toEqual([entryFileName('fresh')]);
    clock.advance(20 * DAY);
    expect(await storage.sweep()).toBe(1);
    expect(await fs.readdir(dir)).toEqual([]);
  });

  it('a write after expiry starts afresh, whatever eTag it carries', async () => {
    const storage = open();
    await storage.write({ k: { n: 1 } });
    clock.advance(31 * DAY);
    await storage.write({ k: { n: 2, eTag: 'stale' } });
    expect((await open().read(['k'])).k).toMatchObject({ n: 2 });
  });

  it('the sweep removes dead temp files and old unreadable files, and keeps young ones', async () => {
    await fs.mkdir(dir, { recursive: true });
    const temp = path.join(dir, `${entryFileName('k')}.1a2b3c`);
    const broken = path.join(dir, entryFileName('broken'));
    await fs.writeFile(temp, '{"half');
    await fs.writeFile(broken, 'garbage');
    const storage = open();
    clock.set(Date.now());
    expect(await storage.sweep()).toBe(0);
    clock.advance(11 * 60 * 1000);
    expect(await storage.sweep()).toBe(1);
    expect(await fs.readdir(dir)).toEqual([path.basename(broken)]);
    clock.advance(30 * DAY);
    expect(await storage.sweep()).toBe(1);
    expect(await fs.readdir(dir)).toEqual([]);
  });

  it('keeps at most maxCached items in memory and still answers every key from disk', async () => {
    const storage = open({ maxCached: 2 });
    for (let n = 0; n < 6; n++) await storage.write({ [`k${n}`]: { n } });
    const all = await storage.read(['k0', 'k1', 'k2', 'k3', 'k4', 'k5']);
    expect(Object.values(all).map((item) => (item as { n: number }).n)).toEqual([0, 1, 2, 3, 4, 5]);
  });
});
