import { rmSync } from 'node:fs';
import { startDemoStore, type DemoStoreHandle } from '../../src/demo-store';
import { ChatSession, startLocalConnector, type LocalConnector } from '../../src/server/local-channel';
import { savedConversationState, startBotProcess, startRecordingProxy, tempStateDir, type BotProcess, type RecordingProxy } from './bot-process';
import { CANON_TO_BERLIN, play, restock, shown } from './steps';

/**
 * `npm start` killed (SIGKILL) while order/add is on its way to the store. The draft was saved as 'placing' before
 * order/add was sent; the next process settles it by looking, before the customer's next words go anywhere, and
 * never sends order/add a second time.
 */
describe('SIGKILL during order/add', () => {
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

  /** Plays the order to the summary, presses "Place order", and kills the bot as order/add arrives at the proxy. */
  async function killAtOrderAdd(whatTheProxyDoes: 'forward' | 'hold') {
    restock(store);
    const stateDir = tempStateDir();
    dirs.push(stateDir);
    const key = `order-add-${process.pid}-${++conversations}`;
    const bot = await startBot(stateDir);
    const chat = chatWith(bot, key);
    await chat.start();
    await play(chat, CANON_TO_BERLIN.slice(0, -1));
    const summary = chat.lastTurn;
    const orderAdds = () => proxy.routes.filter((route) => route === 'api/order/add').length;
    const sentBefore = orderAdds();

    // The store takes its time, so order/add is still unanswered when the bot dies.
    store.hooks.setLatency(1500);
    let killed: ReturnType<BotProcess['stop']> | undefined;
    proxy.intercept = (route) => {
      if (route !== 'api/order/add') return 'forward';
      killed ??= bot.stop('SIGKILL');
      return whatTheProxyDoes;
    };
    await expect(chat.click(/place order/i)).rejects.toThrow();
    expect(await killed).toEqual({ code: null, signal: 'SIGKILL' });
    expect(orderAdds()).toBe(sentBefore + 1);

    const saved = await savedConversationState(stateDir, 'webchat', chat.factory.conversationId);
    expect(saved).toMatchObject({ checkout: { draft: { status: 'placing' } } });
    return { stateDir, key, summary, sentBefore, orderAdds };
  }

  /** Waits (bounded) until the store has taken the order/add it was sent before the bot died. */
  async function storeTookIt(count: number): Promise<void> {
    for (let i = 0; i < 100 && store.hooks.orders().length < count; i++) await new Promise((r) => setTimeout(r, 100));
    expect(store.hooks.orders()).toHaveLength(count);
  }

  it('the store took the order: the customer is told its number, and nothing is ordered again', async () => {
    const ordersBefore = store.hooks.orders().length;
    const { stateDir, key, summary, orderAdds, sentBefore } = await killAtOrderAdd('forward');
    await storeTookIt(ordersBefore + 1);
    store.hooks.setLatency(0);

    const resumed = chatWith(await startBot(stateDir), key);
    const answer = shown(await resumed.say('hello? did it work?'));
    // The checkout found the order in the store (by its placement reference) without sending order/add again.
    expect(answer).toContain(`Your order number is ${store.hooks.orders().at(-1)?.orderId}.`);
    expect(answer).not.toMatch(/found|canon/i);
    // The old "Place order" pressed again orders nothing.
    resumed.lastTurn = summary;
    const again = shown(await resumed.click(/place order/i));
    expect(again).toMatch(/has already been placed/i);
    expect(orderAdds()).toBe(sentBefore + 1);
    expect(store.hooks.orders()).toHaveLength(ordersBefore + 1);
    expect(store.hooks.orders().at(-1)?.info).toMatchObject({ email: 'jane@example.com', payment_address_1: 'Hauptstr. 1' });
  }, 150_000);

  it('order/add never reached the store: the customer is told so, sees the summary again, and places it once', async () => {
    const ordersBefore = store.hooks.orders().length;
    const { stateDir, key, orderAdds, sentBefore } = await killAtOrderAdd('hold');
    store.hooks.setLatency(0);
    proxy.intercept = () => 'forward';
    expect(store.hooks.orders()).toHaveLength(ordersBefore);

    const resumed = chatWith(await startBot(stateDir), key);
    const answer = shown(await resumed.say('hello?'));
    expect(answer).toMatch(/was not placed/i);
    expect(answer).toContain('Place order');
    expect(answer).toContain('Jane Doe, jane@example.com');
    const placed = shown(await resumed.click(/place order/i));

    const orders = store.hooks.orders();
    expect(orders).toHaveLength(ordersBefore + 1);
    expect(placed).toContain(`Your order number is ${orders[orders.length - 1].orderId}.`);
    expect(orderAdds()).toBe(sentBefore + 2); // the one held when the bot died, and the one placed
  }, 150_000);
});
