import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../e2e/bot-process';
import { childPids } from './proc-stats';

/** The benchmark's own processes: the store launcher, the bot as `npm start` runs it, and the echo bot. */

const ROOT = path.resolve(__dirname, '..', '..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');

export interface Proc {
  /** The node process running the app (tsx's child), for /proc readings. */
  pid: number;
  url: string;
  /** Spawn to accepting connections, ms. */
  startupMs: number;
  /** What it wrote, capped. */
  output: string[];
  /** Calls `each` with every line it writes from now on (stdout and stderr). */
  onLine(each: (line: string) => void): void;
  stop(): Promise<void>;
}

export interface StoreProc extends Proc {
  store: string;
  proxy: string;
  control: string;
  apiKey: string;
  username: string;
}

const MAX_OUTPUT_LINES = 200;

function launch(args: string[], env: Record<string, string>): { child: ChildProcess; output: string[]; lines: (each: (line: string) => void) => void } {
  const child = spawn(TSX, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const output: string[] = [];
  const listeners: ((line: string) => void)[] = [];
  for (const stream of [child.stdout, child.stderr]) {
    let rest = '';
    stream?.setEncoding('utf8');
    stream?.on('data', (chunk: string) => {
      const lines = (rest + chunk).split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) {
        if (output.length < MAX_OUTPUT_LINES) output.push(line);
        for (const listener of listeners) listener(line);
      }
    });
  }
  return { child, output, lines: (each) => listeners.push(each) };
}

/**
 * SIGTERM to the app process under tsx first, so it ends through its own handler (and --cpu-prof writes its
 * profile: a SIGTERM to the whole group reaches it twice, once relayed by tsx, and it never wrote one), then to
 * the group this benchmark started (by its id); SIGKILL after 3 s.
 */
function stopper(child: ChildProcess, appPid?: number): () => Promise<void> {
  return async () => {
    if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
    const ended = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    const signal = (name: NodeJS.Signals, pid = -(child.pid as number)) => {
      try {
        process.kill(pid, name);
      } catch {
        // already gone
      }
    };
    if (appPid !== undefined) signal('SIGTERM', appPid);
    else signal('SIGTERM');
    const timer = setTimeout(() => signal('SIGKILL'), 3000);
    await ended;
    clearTimeout(timer);
  };
}

/** The node process under tsx's wrapper; polled every 10 ms for at most 30 s (a loaded machine starts it late). */
async function appPid(wrapper: number): Promise<number> {
  for (let attempt = 0; attempt < 3000; attempt++) {
    const [child] = childPids(wrapper);
    if (child !== undefined) return child;
    await sleep(10);
  }
  throw new Error(`no child process under tsx ${wrapper}`);
}

/** Resolves once the port accepts a connection; polls every 10 ms, for at most 60 s. */
async function waitForPort(port: number, child: ChildProcess, output: string[]): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`process ended before listening:\n${output.join('\n')}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await sleep(10);
  }
  throw new Error(`port ${port} not open after 60 s`);
}

export async function startStore(): Promise<StoreProc> {
  const started = performance.now();
  const { child, output, lines } = launch(['test/bench/store-process.ts'], {});
  const ready = await new Promise<StoreProc>((resolve, reject) => {
    lines((line) => {
      if (!line.startsWith('{"store"')) return;
      const parsed = JSON.parse(line) as { store: string; proxy: string; control: string; apiKey: string; username: string };
      resolve({ ...parsed, pid: 0, url: parsed.store, startupMs: performance.now() - started, output, onLine: lines, stop: stopper(child) });
    });
    child.once('exit', (code) => reject(new Error(`store ended (${code}):\n${output.join('\n')}`)));
  });
  return { ...ready, pid: await appPid(child.pid as number) };
}

/** The node flags of `npm start` (`tsx <flags> src/index.ts` in package.json), so the bench runs the bot as it does. */
function startScriptFlags(): string[] {
  const scripts = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
  const words = scripts.start.split(' ');
  return words.slice(1, words.indexOf('src/index.ts'));
}

/**
 * The bot as `npm start` runs it: tsx with its node flags and src/index.ts, against the given OpenCart address, file
 * state in a temp dir. `nodeFlags` go after those; tsx hands them to the app's node process (--cpu-prof is refused in
 * NODE_OPTIONS).
 */
export async function startBot(opencartUrl: string, store: StoreProc, extraEnv: Record<string, string> = {}, nodeFlags: string[] = []): Promise<Proc> {
  const port = await freePort();
  const stateDir = mkdtempSync(path.join(os.tmpdir(), 'bench-state-'));
  const started = performance.now();
  const { child, output, lines } = launch([...startScriptFlags(), ...nodeFlags, 'src/index.ts'], {
    OPENCART_URL: opencartUrl,
    OPENCART_API_USERNAME: store.username,
    OPENCART_API_KEY: store.apiKey,
    STATE_DIR: stateDir,
    LOG_LEVEL: 'warn',
    TURN_RATE_LIMIT: '0', // the driver plays orders faster than any customer types
    PORT: String(port),
    ...extraEnv,
  });
  const pid = await appPid(child.pid as number);
  await waitForPort(port, child, output);
  const startupMs = performance.now() - started;
  const stop = stopper(child, pid);
  return {
    pid,
    url: `http://127.0.0.1:${port}`,
    startupMs,
    output,
    onLine: lines,
    async stop() {
      await stop();
      rmSync(stateDir, { recursive: true, force: true });
    },
  };
}

export async function startEchoBot(nodeFlags: string[] = []): Promise<Proc> {
  return startPlainBot('test/bench/echo-bot.ts', {}, nodeFlags);
}

/** The framework floor (floor-bot.ts): the echo bot's stack plus durable state and one prompt dialog a turn. */
export async function startFloorBot(nodeFlags: string[] = []): Promise<Proc> {
  const stateDir = mkdtempSync(path.join(os.tmpdir(), 'bench-floor-'));
  const proc = await startPlainBot('test/bench/floor-bot.ts', { STATE_DIR: stateDir }, nodeFlags);
  return {
    ...proc,
    async stop() {
      await proc.stop();
      rmSync(stateDir, { recursive: true, force: true });
    },
  };
}

async function startPlainBot(script: string, env: Record<string, string>, nodeFlags: string[]): Promise<Proc> {
  const port = await freePort();
  const started = performance.now();
  const { child, output, lines } = launch([...nodeFlags, script], { PORT: String(port), ...env });
  const pid = await appPid(child.pid as number);
  await waitForPort(port, child, output);
  return { pid, url: `http://127.0.0.1:${port}`, startupMs: performance.now() - started, output, onLine: lines, stop: stopper(child) };
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
