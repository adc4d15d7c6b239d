import fs from 'node:fs';
import { promisify } from 'node:util';

// fs's callback functions, promisified once: on the per-turn path they cost the main thread about a third less than
// fs.promises, whose FileHandle is an EventEmitter made and torn down for every file.
const open = promisify(fs.open);
const write = promisify(fs.write);
const fsync = promisify(fs.fsync);
const close = promisify(fs.close);
const rename = promisify(fs.rename);
const rm = promisify(fs.rm);

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
    const fd = await open(temp, 'w', mode);
    try {
      await writeAll(fd, Buffer.from(text, 'utf8'));
      await fsync(fd);
    } finally {
      await close(fd);
    }
    await rename(temp, file);
    renamed = true;
  } finally {
    if (!renamed) await rm(temp, { force: true }).catch(() => undefined);
  }
}

/** After a rename, the folder's entry must reach the disk too, or a power cut may bring back the old file. */
export async function syncDir(dir: string): Promise<void> {
  const fd = await open(dir, 'r');
  try {
    await fsync(fd);
  } finally {
    await close(fd);
  }
}

async function writeAll(fd: number, data: Buffer): Promise<void> {
  let offset = 0;
  while (offset < data.length) {
    const { bytesWritten } = await write(fd, data, offset, data.length - offset, null);
    offset += bytesWritten;
  }
}
