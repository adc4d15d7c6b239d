import { rmSync } from 'node:fs';
import { startDemoStore, type DemoStoreHandle } from '../../src/demo-store';
import { ChatSession, startLocalConnector, type LocalConnector } from '../../src/server/local-channel';
import { startBotProcess, startRecordingProxy, tempStateDir, type BotProcess, type RecordingProxy } from './bot-process';
import { CANON_TO_BERLIN, play, restock, shown, stepTurn } from './steps';

/**
 * `npm start` stopped (SIGTERM) or killed (SIGKILL) mid-order, then started again on the same STATE_DIR: the
 * customer goes on at the open question, nothing is asked again, and there is exactly one order.
 */
const STREET_AT = CANON_TO_BERLIN.findIndex((step) => 'say' in step && step.say === 'Hauptstr. 1');
const POSTCODE_AT = STREET_AT + 1;
const SUMMARY_AT = CANON_TO_BERLIN.length - 1;
/** Questions of the steps before the street; none may come again after the restart. */
const ASKED_BEFORE = [/first name/i, /last name/i, /email address/i, /phone number/i, /which country/i, /which city/i];

describe('restart of npm start mid-order', () => {
  let store: DemoStoreHandle;
  let proxy: RecordingProxy;
  let connector: LocalConnector;
  const bots: BotProcess[] = [];
  const dirs: string[] = [];
  let conversations = 0;

  beforeAll(async () => {
    store = await startDemoStore();
    proxy = await startRecordingProxy(store.url);
    connector = await startLocalConnector();
  });
  afterEach(() => {
    for (const bot of bots.splice(0)) bot.kill();
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
    proxy.intercept = () => 'forward';
    store.hooks.setLatency(0);
  });
  afterAll(async () => {
    await connector.close();
    await proxy.close();
    await store.close();
  });

  const startBot = async (stateDir: string) => {
    const bot = await startBotProcess({ OPENCART_URL: proxy.url, OPENCART_API_KEY: store.apiKey, STATE_DIR: stateDir });
    bots.push(bot);
    return bot;
  };
  const chatWith = (bot: BotProcess, key: string) =>
    new ChatSession({ botUrl: `${bot.url}/api/messages`, connector, channel: 'webchat', locale: 'en', conversationKey: key });

  /** Plays the order up to step `at` on one process, stops it with `signal`, and plays the rest on a new one. */
  async function orderAcrossRestart(signal: NodeJS.Signals, at: number): Promise<{ before: string; after: string[] }> {
    restock(store);
    const stateDir = tempStateDir();
    dirs.push(stateDir);
    const key = `restart-${process.pid}-${++conversations}`;
    const first = await startBot(stateDir);
    const chat = chatWith(first, key);
    await chat.start();
    await play(chat, CANON_TO_BERLIN.slice(0, at));
    const before = shown(chat.lastTurn);
    const ended = await first.stop(signal);
    expect(ended).toEqual(signal === 'SIGKILL' ? { code: null, signal: 'SIGKILL' } : { code: 0, signal: null });

    const second = await startBot(stateDir);
    const resumed = chatWith(second, key);
    resumed.lastTurn = chat.lastTurn; // the customer still sees the last card and presses its buttons
    return { before, after: await play(resumed, CANON_TO_BERLIN.slice(at)) };
  }

  function expectOneOrder(ordersBefore: number, transcript: string[]): void {
    const orders = store.hooks.orders();
    expect(orders).toHaveLength(ordersBefore + 1);
    const order = orders[orders.length - 1];
    expect(order.info).toMatchObject({ email: 'jane@example.com', payment_address_1: 'Hauptstr. 1', payment_postcode: '10115' });
    expect(transcript.at(-1)).toContain(`Your order number is ${order.orderId}.`);
  }

  it.each(['SIGTERM', 'SIGKILL'] as const)('%s at the street question: the street is taken as the street, then the postcode', async (signal) => {
    const ordersBefore = store.hooks.orders().length;
    const { before, after } = await orderAcrossRestart(signal, STREET_AT);
    expect(before).toMatch(/street and house number/i);
    expect(after[0]).toMatch(/and the postcode\?/i);
    for (const text of after) for (const asked of ASKED_BEFORE) expect(text).not.toMatch(asked);
    expectOneOrder(ordersBefore, after);
  }, 150_000);

  it.each(['SIGTERM', 'SIGKILL'] as const)('%s at the summary: "Place order" on the card shown before places it, once', async (signal) => {
    const ordersBefore = store.hooks.orders().length;
    const { before, after } = await orderAcrossRestart(signal, SUMMARY_AT);
    expect(before).toContain('Place order');
    expect(after).toHaveLength(1);
    expectOneOrder(ordersBefore, after);
  }, 150_000);

  it('SIGTERM during a turn lets the turn finish and saves it; the next process goes on from there', async () => {
    restock(store);
    const ordersBefore = store.hooks.orders().length;
    const stateDir = tempStateDir();
    dirs.push(stateDir);
    const key = `restart-${process.pid}-${++conversations}`;
    const first = await startBot(stateDir);
    const chat = chatWith(first, key);
    await chat.start();
    await play(chat, CANON_TO_BERLIN.slice(0, POSTCODE_AT));

    // The postcode's turn sends the address to OpenCart; SIGTERM arrives while that call is under way.
    store.hooks.setLatency(700);
    let stopped: ReturnType<BotProcess['stop']> | undefined;
    proxy.intercept = () => {
      stopped ??= first.stop('SIGTERM');
      return 'forward';
    };
    const turn = stepTurn(chat, CANON_TO_BERLIN[POSTCODE_AT]);
    const answered = shown(await turn);
    expect(stopped).toBeDefined();
    expect(await stopped).toEqual({ code: 0, signal: null });
    expect(answered).toMatch(/same address/i);
    store.hooks.setLatency(0);
    proxy.intercept = () => 'forward';

    const resumed = chatWith(await startBot(stateDir), key);
    resumed.lastTurn = chat.lastTurn;
    const after = await play(resumed, CANON_TO_BERLIN.slice(POSTCODE_AT + 1));
    for (const text of after) for (const asked of [...ASKED_BEFORE, /postcode/i, /street/i]) expect(text).not.toMatch(asked);
    expectOneOrder(ordersBefore, after);
  }, 150_000);
});
