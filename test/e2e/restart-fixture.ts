import { rmSync } from 'node:fs';
import { startDemoStore, type DemoStoreHandle } from '../../src/demo-store';
import { ChatSession, startLocalConnector, type LocalConnector } from '../../src/server/local-channel';
import { startBotProcess, startRecordingProxy, tempStateDir, type BotProcess, type RecordingProxy } from './bot-process';

/** What the restart tests share: a store that outlives every bot, a recording proxy in front, one connector. */
export interface RestartFixture {
  readonly store: DemoStoreHandle;
  readonly proxy: RecordingProxy;
  /** `npm start` on that state folder, ordering through the proxy; killed after each test. */
  startBot(stateDir: string): Promise<BotProcess>;
  chatWith(bot: BotProcess, key: string): ChatSession;
  /** A fresh state folder, removed after the test. */
  stateDir(): string;
  /** A conversation key not used before in this run. */
  conversationKey(prefix: string): string;
}

/** Registers the jest hooks and hands out the fixture (its fields are set once beforeAll has run). */
export function useRestartFixture(): RestartFixture {
  let store: DemoStoreHandle | undefined;
  let proxy: RecordingProxy | undefined;
  let connector: LocalConnector | undefined;
  const bots: BotProcess[] = [];
  const dirs: string[] = [];
  let conversations = 0;
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the restart fixture is used before beforeAll ran');
    return value;
  };

  beforeAll(async () => {
    store = await startDemoStore();
    proxy = await startRecordingProxy(store.url);
    connector = await startLocalConnector();
  });
  afterEach(() => {
    for (const bot of bots.splice(0)) bot.kill();
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
    ready(proxy).intercept = () => 'forward';
    ready(store).hooks.setLatency(0);
  });
  afterAll(async () => {
    await connector?.close();
    await proxy?.close();
    await store?.close();
  });

  return {
    get store() {
      return ready(store);
    },
    get proxy() {
      return ready(proxy);
    },
    async startBot(stateDir) {
      const bot = await startBotProcess({ OPENCART_URL: ready(proxy).url, OPENCART_API_KEY: ready(store).apiKey, STATE_DIR: stateDir });
      bots.push(bot);
      return bot;
    },
    chatWith: (bot, key) =>
      new ChatSession({ botUrl: `${bot.url}/api/messages`, connector: ready(connector), channel: 'webchat', locale: 'en', conversationKey: key }),
    stateDir() {
      const dir = tempStateDir();
      dirs.push(dir);
      return dir;
    },
    conversationKey: (prefix) => `${prefix}-${process.pid}-${++conversations}`,
  };
}
