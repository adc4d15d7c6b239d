import { savedConversationState, type BotProcess } from './bot-process';
import { useRestartFixture } from './restart-fixture';
import { CANON_TO_BERLIN, play, restock, shown } from './steps';

/**
 * `npm start` killed (SIGKILL) while order/add is on its way to the store. The draft was saved as 'placing' before
 * order/add was sent; the next process settles it by looking, before the customer's next words go anywhere, and
 * never sends order/add a second time.
 */
describe('SIGKILL during order/add', () => {
  const fixture = useRestartFixture();
  const { startBot, chatWith } = fixture;

  /** Plays the order to the summary, presses "Place order", and kills the bot as order/add arrives at the proxy. */
  async function killAtOrderAdd(whatTheProxyDoes: 'forward' | 'hold') {
    restock(fixture.store);
    const stateDir = fixture.stateDir();
    const key = fixture.conversationKey('order-add');
    const bot = await startBot(stateDir);
    const chat = chatWith(bot, key);
    await chat.start();
    await play(chat, CANON_TO_BERLIN.slice(0, -1));
    const summary = chat.lastTurn;
    const orderAdds = () => fixture.proxy.routes.filter((route) => route === 'api/order/add').length;
    const sentBefore = orderAdds();

    // The store takes its time, so order/add is still unanswered when the bot dies.
    fixture.store.hooks.setLatency(1500);
    let killed: ReturnType<BotProcess['stop']> | undefined;
    fixture.proxy.intercept = (route) => {
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
    for (let i = 0; i < 100 && fixture.store.hooks.orders().length < count; i++) await new Promise((r) => setTimeout(r, 100));
    expect(fixture.store.hooks.orders()).toHaveLength(count);
  }

  it('the store took the order: the customer is told its number, and nothing is ordered again', async () => {
    const ordersBefore = fixture.store.hooks.orders().length;
    const { stateDir, key, summary, orderAdds, sentBefore } = await killAtOrderAdd('forward');
    await storeTookIt(ordersBefore + 1);
    fixture.store.hooks.setLatency(0);

    const resumed = chatWith(await startBot(stateDir), key);
    const answer = shown(await resumed.say('hello? did it work?'));
    // The checkout found the order in the store (by its placement reference) without sending order/add again.
    expect(answer).toContain(`Your order number is ${fixture.store.hooks.orders().at(-1)?.orderId}.`);
    expect(answer).not.toMatch(/found|canon/i);
    // The old "Place order" pressed again orders nothing.
    resumed.lastTurn = summary;
    const again = shown(await resumed.click(/place order/i));
    expect(again).toMatch(/has already been placed/i);
    expect(orderAdds()).toBe(sentBefore + 1);
    expect(fixture.store.hooks.orders()).toHaveLength(ordersBefore + 1);
    expect(fixture.store.hooks.orders().at(-1)?.info).toMatchObject({ email: 'jane@example.com', payment_address_1: 'Hauptstr. 1' });
  }, 150_000);

  it('order/add never reached the store: the customer is told so, sees the summary again, and places it once', async () => {
    const ordersBefore = fixture.store.hooks.orders().length;
    const { stateDir, key, orderAdds, sentBefore } = await killAtOrderAdd('hold');
    fixture.store.hooks.setLatency(0);
    fixture.proxy.intercept = () => 'forward';
    expect(fixture.store.hooks.orders()).toHaveLength(ordersBefore);

    const resumed = chatWith(await startBot(stateDir), key);
    const answer = shown(await resumed.say('hello?'));
    expect(answer).toMatch(/was not placed/i);
    expect(answer).toContain('Place order');
    expect(answer).toContain('Jane Doe, jane@example.com');
    const placed = shown(await resumed.click(/place order/i));

    const orders = fixture.store.hooks.orders();
    expect(orders).toHaveLength(ordersBefore + 1);
    expect(placed).toContain(`Your order number is ${orders[orders.length - 1].orderId}.`);
    expect(orderAdds()).toBe(sentBefore + 2); // the one held when the bot died, and the one placed
  }, 150_000);
});
