import path from 'node:path';
import { Worker } from 'node:worker_threads';

/**
 * The state files' durable writes, done on one worker thread per process. Each write is the same as
 * writeFileDurably's (a temp file written and fsynced, renamed over the file) and then the folder is fsynced, so a
 * kill or a power cut leaves each file either as it was or as written. On the main thread those were ten fs calls a
 * turn, each a callback and a promise (about a seventh of a turn's CPU); here a turn posts one message and gets one
 * back. Writes that arrive while a batch is on the disk go together in the next one, which fsyncs each folder once
 * for all of them (a group commit), so under load there are fewer fsyncs, not more.
 *
 * The thread is made on the first write, kept while writes come, and ended after IDLE_MS without any (it never keeps
 * the process alive by itself). If it fails, the writes in flight fail (FileStorage then reads the files again), and
 * the next write starts a new thread.
 */
const MAX_BATCH = 64;

let sequence = 0;

/**
 * A fresh temp name next to `file`: `<file>.<pid hex><sequence hex>`, the shape the sweep removes when a process died
 * between writing and renaming (file-entry `isLeftoverTempFile`).
 */
export function nextTempName(file: string): string {
  sequence = (sequence + 1) % 0x1_0000_0000;
  return `${file}.${process.pid.toString(16)}${sequence.toString(16).padStart(8, '0')}`;
}
const IDLE_MS = 30_000;

interface Job {
  file: string;
  temp: string;
  /** null: remove the file. */
  text: string | null;
  mode: number;
  dir: string;
}

type JobResult = { ok: true } | { ok: false; message: string; code?: string };

interface Pending {
  job: Job;
  resolve: () => void;
  reject: (error: Error) => void;
}

// The worker's code, evaluated as CommonJS in the thread (no file to find next to a compiled or tsx-run module).
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const fs = require('node:fs');
const failed = (error) => ({ ok: false, message: String(error && error.message), code: error && error.code });
function put(job) {
  let renamed = false;
  try {
    const fd = fs.openSync(job.temp, 'w', job.mode);
    try {
      const data = Buffer.from(job.text, 'utf8');
      let offset = 0;
      while (offset < data.length) offset += fs.writeSync(fd, data, offset, data.length - offset);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(job.temp, job.file);
    renamed = true;
  } finally {
    if (!renamed) { try { fs.rmSync(job.temp, { force: true }); } catch {} }
  }
}
function syncDir(dir) {
  const fd = fs.openSync(dir, 'r');
  try { fs.fsyncSync(fd); } finally { fs.closeSync(fd); }
}
parentPort.on('message', (jobs) => {
  const results = jobs.map(() => ({ ok: true }));
  const dirs = new Map();
  jobs.forEach((job, i) => {
    try {
      if (job.text === null) fs.rmSync(job.file, { force: true });
      else put(job);
      if (!dirs.has(job.dir)) dirs.set(job.dir, []);
      dirs.get(job.dir).push(i);
    } catch (error) {
      results[i] = failed(error);
    }
  });
  for (const [dir, indexes] of dirs) {
    try { syncDir(dir); } catch (error) { for (const i of indexes) results[i] = failed(error); }
  }
  parentPort.postMessage(results);
});
`;

export class DurableWriter {
  private worker: Worker | null = null;
  private readonly queue: Pending[] = [];
  private inFlight: Pending[] | null = null;
  private idle: ReturnType<typeof setTimeout> | null = null;
  /** Threads started and batches sent so far (what the tests count). */
  readonly counts = { threads: 0, batches: 0 };

  /** Replaces `file` with `text` (owner-only `mode`), durably; the folder's entry is synced too. */
  put(file: string, text: string, mode: number): Promise<void> {
    return this.enqueue({ file, temp: nextTempName(file), text, mode, dir: path.dirname(file) });
  }

  /** Removes `file` if it exists, durably (the folder is synced). */
  remove(file: string): Promise<void> {
    return this.enqueue({ file, temp: '', text: null, mode: 0, dir: path.dirname(file) });
  }

  /** Ends the thread (after the writes in flight); a later write starts a new one. */
  async close(): Promise<void> {
    while (this.inFlight || this.queue.length) await new Promise((resolve) => setImmediate(resolve));
    this.stop();
  }

  private enqueue(job: Job): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ job, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    if (this.inFlight || this.queue.length === 0) return;
    if (this.idle) clearTimeout(this.idle);
    this.idle = null;
    const batch = this.queue.splice(0, MAX_BATCH);
    this.inFlight = batch;
    const worker = this.thread();
    this.counts.batches += 1;
    worker.ref(); // a write on its way keeps the process up (a shutdown waits for it)
    worker.postMessage(batch.map((pending) => pending.job));
  }

  private thread(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(WORKER_SOURCE, { eval: true, name: 'durable-writer' });
    this.counts.threads += 1;
    worker.on('message', (results: JobResult[]) => this.settle(results));
    const fail = (error: Error) => {
      if (this.worker !== worker) return;
      this.worker = null;
      const batch = this.inFlight ?? [];
      this.inFlight = null;
      for (const pending of batch) pending.reject(error);
      this.pump();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the durable writer thread ended (${code})`)));
    this.worker = worker;
    return worker;
  }

  private settle(results: JobResult[]): void {
    const batch = this.inFlight ?? [];
    this.inFlight = null;
    batch.forEach((pending, i) => {
      const result = results[i];
      if (result?.ok) pending.resolve();
      else pending.reject(errorOf(result));
    });
    if (this.queue.length) return this.pump();
    this.worker?.unref();
    this.idle = setTimeout(() => this.stop(), IDLE_MS);
    this.idle.unref();
  }

  private stop(): void {
    if (this.idle) clearTimeout(this.idle);
    this.idle = null;
    const worker = this.worker;
    this.worker = null;
    void worker?.terminate();
  }
}

function errorOf(result: JobResult | undefined): Error {
  if (!result || result.ok) return new Error('the durable writer gave no answer');
  return Object.assign(new Error(result.message), result.code ? { code: result.code } : {});
}

let shared: DurableWriter | null = null;

/** The process's writer (one thread for every FileStorage of the process). */
export function durableWriter(): DurableWriter {
  return (shared ??= new DurableWriter());
}
