import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { startDemoStore, type DemoStoreHandle } from '../../src/demo-store';
import { ChatSession, startLocalConnector, type LocalConnector } from '../../src/server/local-channel';
import { freePort } from '../e2e/bot-process';
import { CANON_TO_BERLIN, play, restock } from '../e2e/steps';
import { dockerCommand } from './dockerfile';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '..', '..');
const DOCKERFILE = path.join(ROOT, 'deploy', 'Dockerfile');

/** The sources of the Dockerfile's COPY lines that copy from the build context (not --from another stage). */
function contextCopies(dockerfile: string): string[] {
  return dockerfile
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => /^COPY\s/i.test(line) && !/--from=/i.test(line))
    .flatMap((line) => line.split(/\s+/).slice(1, -1).filter((word) => !word.startsWith('--')));
}


/** node_modules with what `npm ci --omit=dev` installs (the lock file's non-dev packages), hard-linked: no network. */
async function productionModules(into: string): Promise<void> {
  const lock = JSON.parse(readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { dev?: boolean; devOptional?: boolean }>;
  };
  const topLevel = Object.entries(lock.packages)
    .filter(([rel, entry]) => /^node_modules\/(@[^/]+\/)?[^/]+$/.test(rel) && !entry.dev && !entry.devOptional)
    .map(([rel]) => rel);
  for (const rel of topLevel) {
    if (!existsSync(path.join(ROOT, rel))) continue; // an optional package for another platform
    mkdirSync(path.dirname(path.join(into, rel)), { recursive: true });
    await run('cp', ['-al', path.join(ROOT, rel), path.join(into, rel)]);
  }
}

function waitForListening(child: ChildProcess, output: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const collect = (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n')) {
        output.push(line);
        if (line.includes('"msg":"bot listening"')) resolve();
      }
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    child.once('exit', (code, signal) => reject(new Error(`ended before listening (${code ?? signal}):\n${output.join('\n')}`)));
  });
}

describe('the production build (deploy/Dockerfile)', () => {
  const dockerfile = readFileSync(DOCKERFILE, 'utf8');
  let work: string;
  let store: DemoStoreHandle | undefined;
  let connector: LocalConnector | undefined;
  let bot: ChildProcess | undefined;

  beforeAll(() => {
    work = mkdtempSync(path.join(tmpdir(), 'prod-build-'));
  });
  afterAll(async () => {
    if (bot?.exitCode === null) bot.kill('SIGKILL');
    await connector?.close();
    await store?.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('copies only files that exist, runs as a non-root user and checks /healthz', () => {
    const copies = contextCopies(dockerfile);
    expect(copies).toEqual(expect.arrayContaining(['package.json', 'package-lock.json', 'src', 'dialogs', 'locales']));
    for (const source of copies) expect(existsSync(path.join(ROOT, source))).toBe(true);
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/^HEALTHCHECK .*\n?.*\/healthz/m);
    expect(dockerfile).toMatch(/npm ci --omit=dev/);
    const ignored = readFileSync(path.join(ROOT, '.dockerignore'), 'utf8');
    for (const source of copies) expect(ignored).toContain(`!${source}`);
  });

  it('builds from a clean copy, and its command orders from the store with plain node and production dependencies only', async () => {
    // The build stage: the files the Dockerfile copies, plus the full dependency tree to compile with.
    const buildDir = path.join(work, 'build');
    for (const source of contextCopies(dockerfile)) cpSync(path.join(ROOT, source), path.join(buildDir, source), { recursive: true });
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(buildDir, 'node_modules'));
    await run('npm', ['run', 'build'], { cwd: buildDir }).catch((error: { stdout?: string; stderr?: string }) => {
      throw new Error(`npm run build failed:\n${error.stdout ?? ''}${error.stderr ?? ''}`);
    });
    const [program, ...args] = dockerCommand(dockerfile);
    expect(program).toBe('node');
    // Node's flags, then the script.
    const entry = args.find((arg) => !arg.startsWith('--')) ?? '';
    const nodeFlags = args.slice(0, args.indexOf(entry));
    expect(existsSync(path.join(buildDir, entry))).toBe(true);

    // The runtime stage: package files, production node_modules, the compiled dist/ and nothing else.
    const runtimeDir = path.join(work, 'runtime');
    mkdirSync(runtimeDir);
    for (const file of ['package.json', 'package-lock.json']) cpSync(path.join(ROOT, file), path.join(runtimeDir, file));
    cpSync(path.join(buildDir, 'dist'), path.join(runtimeDir, 'dist'), { recursive: true });
    await productionModules(runtimeDir);
    expect(existsSync(path.join(runtimeDir, 'node_modules', 'typescript'))).toBe(false);
    expect(existsSync(path.join(runtimeDir, 'node_modules', 'jest'))).toBe(false);

    store = await startDemoStore();
    restock(store);
    const port = await freePort();
    const output: string[] = [];
    bot = spawn(process.execPath, [...nodeFlags, entry], {
      cwd: runtimeDir,
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'production',
        ALLOW_ANONYMOUS: 'true',
        PORT: String(port),
        OPENCART_URL: store.url,
        OPENCART_API_KEY: store.apiKey,
        STATE_DIR: path.join(work, 'state'),
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    await waitForListening(bot, output);

    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);
    connector = await startLocalConnector();
    const chat = new ChatSession({
      botUrl: `http://127.0.0.1:${port}/api/messages`,
      connector,
      channel: 'webchat',
      locale: 'en',
      conversationKey: 'production-build',
    });
    await chat.start();
    const transcript = await play(chat, CANON_TO_BERLIN);
    expect(transcript.at(-1)).toMatch(/order/i);
    expect(store.hooks.orders()).toHaveLength(1);

    const exited = new Promise((resolve) => bot?.once('exit', (code) => resolve(code)));
    bot.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 120_000);
});
