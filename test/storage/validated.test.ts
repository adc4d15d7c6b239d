import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ManualClock } from '../../src/clock';
import { FileStorage } from '../../src/storage';
import { isLeftoverTempFile } from '../../src/storage/file-entry';
import { DurableWriter, nextTempName } from '../../src/storage/durable-writer';
import { isValidated, markValidated } from '../../src/storage/validated';
import { memoryLogger } from '../server/helpers';

const DAY = 24 * 60 * 60 * 1000;

describe('FileStorage and parts validated by this process', () => {
  let dir: string;
  const open = () => new FileStorage({ dir, ttlMs: 30 * DAY, clock: new ManualClock(), logger: memoryLogger().logger });
  beforeEach(() => {
    dir = path.join(mkdtempSync(path.join(os.tmpdir(), 'validated-')), 'state');
  });
  afterEach(() => rmSync(path.dirname(dir), { recursive: true, force: true }));

  it('marks on read exactly the parts that were marked when this process wrote them', async () => {
    const storage = open();
    const checkout = { draft: { lines: [] } };
    markValidated(checkout);
    await storage.write({ k: { checkout, other: { a: 1 }, eTag: '*' } });
    const read = (await storage.read(['k'])).k as Record<string, unknown>;
    expect(read.checkout).toEqual(checkout);
    expect(read.checkout).not.toBe(checkout);
    expect(isValidated(read.checkout)).toBe(true);
    expect(isValidated(read.other)).toBe(false);
  });

  it('never marks what another process (or this one before a restart) left on disk', async () => {
    const checkout = { draft: { lines: [] } };
    markValidated(checkout);
    await open().write({ k: { checkout, eTag: '*' } });
    const read = (await open().read(['k'])).k as Record<string, unknown>;
    expect(read.checkout).toEqual(checkout);
    expect(isValidated(read.checkout)).toBe(false);
  });

  it('drops the mark when a part is written again unmarked', async () => {
    const storage = open();
    const checkout = { n: 1 };
    markValidated(checkout);
    await storage.write({ k: { checkout, eTag: '*' } });
    await storage.write({ k: { checkout: { n: 2 }, eTag: '*' } });
    const read = (await storage.read(['k'])).k as Record<string, unknown>;
    expect(isValidated(read.checkout)).toBe(false);
  });
});

describe('DurableWriter', () => {
  let dir: string;
  const writer = new DurableWriter();
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'durable-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  afterAll(() => writer.close());

  it('replaces the file whole, owner-only, and leaves no temp file', async () => {
    const file = path.join(dir, `${'a'.repeat(64)}.json`);
    await writer.put(file, 'one', 0o600);
    await writer.put(file, 'two ü', 0o600);
    expect(readdirSync(dir)).toEqual([path.basename(file)]);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8')).toBe('two ü');
  });

  it('takes writes that arrive together in batches, each settled on its own: a failed one fails alone', async () => {
    const files = Array.from({ length: 100 }, (_, i) => path.join(dir, `${String(i).padStart(64, '0')}.json`));
    const missingDir = path.join(dir, 'gone', 'x.json');
    const results = await Promise.allSettled([...files.map((file, i) => writer.put(file, `n${i}`, 0o600)), writer.put(missingDir, 'x', 0o600)]);
    expect(results.slice(0, 100).every((r) => r.status === 'fulfilled')).toBe(true);
    expect(results[100]).toMatchObject({ status: 'rejected', reason: { code: 'ENOENT' } });
    expect(readdirSync(dir).filter((name) => name.endsWith('.json')).sort()).toEqual(files.map((f) => path.basename(f)).sort());
    expect(readFileSync(files[42], 'utf8')).toBe('n42');
    expect(readdirSync(dir).filter((name) => !name.endsWith('.json') && name !== 'gone')).toEqual([]); // no temp files
  });

  it('one thread for every write; writes that arrive together share batches (and so folder fsyncs)', async () => {
    const own = new DurableWriter();
    const files = Array.from({ length: 300 }, (_, i) => path.join(dir, `${String(i).padStart(64, '1')}.json`));
    await Promise.all(files.map((file) => own.put(file, 'x', 0o600)));
    for (const file of files.slice(0, 10)) await own.put(file, 'y', 0o600); // one at a time: a batch each
    expect(own.counts.threads).toBe(1);
    // 300 at once: at most 64 a batch, so 5 batches at least, and far fewer than 300.
    expect(own.counts.batches).toBeGreaterThanOrEqual(5 + 10);
    expect(own.counts.batches).toBeLessThanOrEqual(10 + 10);
    await own.close();
  });

  it('removes a file, and a missing one is no error', async () => {
    const file = path.join(dir, `${'c'.repeat(64)}.json`);
    await writer.put(file, 'one', 0o600);
    await writer.remove(file);
    await writer.remove(file);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('starts a new thread for writes after it was closed', async () => {
    const file = path.join(dir, `${'d'.repeat(64)}.json`);
    await writer.close();
    await writer.put(file, 'again', 0o600);
    expect(readFileSync(file, 'utf8')).toBe('again');
  });

  it('names its temp files so the sweep recognises the leftovers of a write that died', async () => {
    const name = `${'b'.repeat(64)}.json`;
    expect(isLeftoverTempFile(path.basename(nextTempName(path.join(dir, name))))).toBe(true);
    expect(isLeftoverTempFile(name)).toBe(false);
  });
});
