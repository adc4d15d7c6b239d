import { promises as fs } from 'node:fs';

let sequence = 0;

/** A fresh temp name next to `file`: `<file>.<pid hex><sequence hex>`. */
export function nextTempName(file: string): string {
  sequence = (sequence + 1) % 0x1_0000_0000;
  return `${file}.${process.pid.toString(16)}${sequence.toString(16).padStart(8, '0')}`;
}

/**
 * Writes `text` to `file` so that a kill at any moment leaves either the old file or the new one: a temp file next
 * to it, written and fsynced, then renamed over it. The temp name is `<file>.<hex>`, the shape the sweep removes
 * when a process died in between (file-entry `isLeftoverTempFile`).
 * This replaces write-file-atomic on the per-turn path: same steps (write, fsync, rename), without its per-call
 * promisify wrappers, signal-exit handler, realpath and ownership look-ups, which cost main-thread CPU every turn.
 */
export async function writeFileDurably(file: string, text: string, mode: number): Promise<void> {
  const temp = nextTempName(file);
  let renamed = false;
  try {
    const handle = await fs.open(temp, 'w', mode);
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temp, file);
    renamed = true;
  } finally {
    if (!renamed) await fs.rm(temp, { force: true }).catch(() => undefined);
  }
}
