import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ManualClock } from '../../src/clock';
import { FileStorage } from '../../src/storage';
import { isLeftoverTempFile } from '../../src/storage/file-entry';
import { nextTempName, writeFileDurably } from '../../src/storage/atomic-write';
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

describe('writeFileDurably', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'durable-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('replaces the file whole, owner-only, and leaves no temp file', async () => {
    const file = path.join(dir, `${'a'.repeat(64)}.json`);
    await writeFileDurably(file, 'one', 0o600);
    await writeFileDurably(file, 'two', 0o600);
    expect(readdirSync(dir)).toEqual([path.basename(file)]);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8')).toBe('two');
  });

  it('names its temp files so the sweep recognises the leftovers of a write that died', async () => {
    const name = `${'b'.repeat(64)}.json`;
    expect(isLeftoverTempFile(path.basename(nextTempName(path.join(dir, name))))).toBe(true);
    expect(isLeftoverTempFile(name)).toBe(false);
  });
});
