import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** `npm start` as its own process: node_modules/.bin/tsx src/index.ts, with the environment a test gives it. */
export interface BotProcess {
  /** e.g. http://127.0.0.1:40123 */
  url: string;
  /** Every line it wrote to stdout and stderr so far. */
  output: string[];
  /** Where it keeps its state: the test's STATE_DIR, or a temp folder of its own, removed when it ended. */
  stateDir: string;
  /** Sends the signal and resolves with how the process ended. */
  stop(signal: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Ends the process group at once (after a failed test); a no-op when it already ended. */
  kill(): void;
}

const ROOT = path.resolve(__dirname, '..', '..');

/** Binds port 0 to learn a free port, then frees it for the child process. */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A temp folder for a test's state; pass it as STATE_DIR to several processes to restart on the same state. */
export function tempStateDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'bot-state-'));
}

/**
 * Starts the bot and resolves once it logged "bot listening"; rejects if it ends before that. Without a STATE_DIR
 * in `env` it gets a temp folder of its own, so no test writes state into the repo.
 */
export async function startBotProcess(env: Record<string, string>): Promise<BotProcess> {
  const port = await freePort();
  const ownStateDir = env.STATE_DIR ? null : tempStateDir();
  const stateDir = env.STATE_DIR ?? ownStateDir ?? '';
  const child = spawn(path.join(ROOT, 'node_modules', '.bin', 'tsx'), ['src/index.ts'], {
    cwd: ROOT,
    // Empty values count as unset in loadConfig, and dotenv does not override them: no .env can point it elsewhere.
    env: {
      ...process.env,
      OPENCART_URL: '',
      OPENCART_API_KEY: '',
      LOG_LEVEL: 'info',
      STATE_STORAGE: 'file',
      ...env,
      STATE_DIR: stateDir,
      PORT: String(port),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const output: string[] = [];
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => {
      if (ownStateDir) rmSync(ownStateDir, { recursive: true, force: true });
      resolve({ code, signal });
    }),
  );
  const listening = new Promise<void>((resolve, reject) => {
    const collect = (stream: NodeJS.ReadableStream) => {
      let rest = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        const lines = (rest + chunk).split('\n');
        rest = lines.pop() ?? '';
        for (const line of lines) {
          output.push(line);
          if (line.includes('"msg":"bot listening"')) resolve();
        }
      });
      stream.on('end', () => rest && output.push(rest));
    };
    if (child.stdout) collect(child.stdout);
    if (child.stderr) collect(child.stderr);
    void exited.then(({ code, signal }) => reject(new Error(`the bot ended before listening (${code ?? signal}):\n${output.join('\n')}`)));
  });
  const kill = () => killGroup(child);
  try {
    await listening;
  } catch (error) {
    kill();
    throw error;
  }
  return {
    url: `http://127.0.0.1:${port}`,
    output,
    stateDir,
    async stop(signal) {
      // tsx passes SIGTERM and SIGINT on to the app it runs; a SIGKILL must reach that app itself, so the group.
      if (signal === 'SIGKILL') killGroup(child);
      else child.kill(signal);
      return exited;
    },
    kill,
  };
}

/** tsx runs the app in a child of its own: end the whole group this test started, by its id. */
function killGroup(child: ChildProcess): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

/** Forwards every request to the store and keeps what the store handed out: API tokens and session cookies. */
export interface RecordingProxy {
  url: string;
  /** api_token values seen in login answers and in request URLs. */
  apiTokens: Set<string>;
  /** OCSESSID values the store set or the bot sent back. */
  sessionCookies: Set<string>;
  /** API routes asked for, in order (e.g. 'api/order/add'). */
  routes: string[];
  /** The most requests of one OpenCart session (api_token) that were ever on their way at once. */
  maxInFlightPerSession(): number;
  /**
   * Called as each API request arrives; 'hold' keeps it unanswered and unsent to the store (until the bot gives up
   * or dies). Tests set it to act at a given call, e.g. kill the bot while order/add is on its way.
   */
  intercept: (route: string) => 'forward' | 'hold';
  close(): Promise<void>;
}

export async function startRecordingProxy(target: string): Promise<RecordingProxy> {
  const upstream = new URL(target);
  const apiTokens = new Set<string>();
  const sessionCookies = new Set<string>();
  const remember = (into: Set<string>, value: string | null | undefined) => {
    if (value) into.add(value);
  };
  const routes: string[] = [];
  const inFlight = new Map<string, number>();
  let maxInFlight = 0;
  const proxy = { intercept: (_route: string): 'forward' | 'hold' => 'forward' };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', upstream);
    const route = url.searchParams.get('route');
    if (route?.startsWith('api/')) {
      routes.push(route);
      if (proxy.intercept(route) === 'hold') return;
    }
    const token = url.searchParams.get('api_token');
    if (token) {
      inFlight.set(token, (inFlight.get(token) ?? 0) + 1);
      maxInFlight = Math.max(maxInFlight, inFlight.get(token) ?? 0);
      res.once('close', () => inFlight.set(token, (inFlight.get(token) ?? 1) - 1));
    }
    remember(apiTokens, url.searchParams.get('api_token'));
    for (const match of String(req.headers.cookie ?? '').matchAll(/OCSESSID=([^;\s]+)/g)) remember(sessionCookies, match[1]);
    const forward = http.request(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: `${url.pathname}${url.search}`, headers: { ...req.headers, host: upstream.host } },
      (answer) => {
        const chunks: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => chunks.push(chunk));
        answer.on('end', () => {
          const body = Buffer.concat(chunks);
          for (const match of body.toString('utf8').matchAll(/"api_token":"([^"]+)"/g)) remember(apiTokens, match[1]);
          for (const cookie of answer.headers['set-cookie'] ?? []) remember(sessionCookies, /^OCSESSID=([^;]+)/.exec(cookie)?.[1]);
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          res.end(body);
        });
      },
    );
    forward.on('error', () => res.destroy());
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(proxy, {
    url: `http://127.0.0.1:${port}/`,
    apiTokens,
    sessionCookies,
    routes,
    maxInFlightPerSession: () => maxInFlight,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}

/** The conversation state a bot process saved under its STATE_DIR (file storage), read as a new process would. */
export async function savedConversationState(stateDir: string, channelId: string, conversationId: string): Promise<Record<string, unknown> | null> {
  const { FileStorage } = await import('../../src/storage');
  const { default: pino } = await import('pino');
  const storage = new FileStorage({ dir: stateDir, ttlMs: 365 * 24 * 60 * 60 * 1000, clock: { now: () => Date.now() }, logger: pino({ level: 'silent' }) });
  const key = `${channelId}/conversations/${conversationId}/`;
  const items = await storage.read([key]);
  return (items[key] as Record<string, unknown> | undefined) ?? null;
}

/** Azurite's Blob service on loopback, in memory, for tests of the shared (several instances) state. */
export interface AzuriteBlob {
  /** A connection string for its devstoreaccount1 on the port it got. */
  connectionString: string;
  stop(): void;
}

const DEVSTORE_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export async function startAzuriteBlob(): Promise<AzuriteBlob> {
  const port = await freePort();
  const workspace = mkdtempSync(path.join(os.tmpdir(), 'azurite-')); // its cwd; in memory it writes nothing there
  const args = ['--blobHost', '127.0.0.1', '--blobPort', String(port), '--inMemoryPersistence', '--silent', '--skipApiVersionCheck', '--disableTelemetry'];
  const child = spawn(path.join(ROOT, 'node_modules', '.bin', 'azurite-blob'), args, { cwd: workspace, stdio: 'ignore', detached: true });
  const stop = () => {
    killGroup(child);
    rmSync(workspace, { recursive: true, force: true });
  };
  for (let attempt = 0; !(await accepts(port)); attempt++) {
    if (attempt > 200 || child.exitCode !== null) {
      stop();
      throw new Error('Azurite did not start');
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const connectionString = `DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=${DEVSTORE_KEY};BlobEndpoint=http://127.0.0.1:${port}/devstoreaccount1;`;
  return { connectionString, stop };
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
