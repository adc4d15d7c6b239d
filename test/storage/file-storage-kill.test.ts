import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ManualClock } from '../../src/clock';
import { FileStorage } from '../../src/storage';
import { memoryLogger } from '../server/helpers';

const ROOT = path.resolve(__dirname, '..', '..');

/** Runs the write loop until it acknowledged `acks` writes, then SIGKILLs it; returns the last n acknowledged per key. */
async function writeUntilKilled(dir: string, from: number, acks: number): Promise<Map<string, number>> {
  const child = spawn(path.join(ROOT, 'node_modules', '.bin', 'tsx'), [path.join(__dirname, 'fixtures', 'write-loop.ts'), dir, String(from)], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: true,
  });
  const acknowledged = new Map<string, number>();
  let count = 0;
  let rest = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    const lines = (rest + chunk).split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) {
      const [key, n] = line.split(' ');
      acknowledged.set(key, Number(n));
      count += 1;
      if (count === acks && child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
    }
  });
  await exited;
  return acknowledged;
}

describe('FileStorage under SIGKILL', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'file-storage-kill-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('a process killed while writing leaves every file whole and every acknowledged write on disk', async () => {
    let from = 0;
    for (const acks of [37, 111, 203]) {
      const acknowledged = await writeUntilKilled(dir, from, acks);
      const log = memoryLogger();
      const storage = new FileStorage({ dir, ttlMs: 24 * 60 * 60 * 1000, clock: new ManualClock(Date.now()), logger: log.logger });
      const items = await storage.read(['k0', 'k1', 'k2', 'k3', 'k4']);
      expect(log.lines.filter((line) => line.includes('unreadable'))).toEqual([]);
      for (const [key, n] of acknowledged) {
        expect((items[key] as { n: number }).n).toBeGreaterThanOrEqual(n);
      }
      from = Math.max(...[...acknowledged.values()]) + 1;
    }
  }, 60_000);
});
