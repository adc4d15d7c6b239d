import type { BotProcess } from './bot-process';
import { useRestartFixture } from './restart-fixture';
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
  const fixture = useRestartFixture();
  const { startBot, chatWith } = fixture;

  /** Plays the order up to step `at` on one process, stops it with `signal`, and plays the rest on a new one. */
  async function orderAcrossRestart(signal: NodeJS.Signals, at: number): Promise<{ before: string; after: string[] }> {
    restock(fixture.store);
    const stateDir = fixture.stateDir();
    const key = fixture.conversationKey('restart');
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
    const orders = fixture.store.hooks.orders();
    expect(orders).toHaveLength(ordersBefore + 1);
    const order = orders[orders.length - 1];
    expect(order.info).toMatchObject({ email: 'jane@example.com', payment_address_1: 'Hauptstr. 1', payment_postcode: '10115' });
    expect(transcript.at(-1)).toContain(`Your order number is ${order.orderId}.`);
  }

  it.each(['SIGTERM', 'SIGKILL'] as const)('%s at the street question: the street is taken as the street, then the postcode', async (signal) => {
    const ordersBefore = fixture.store.hooks.orders().length;
    const { before, after } = await orderAcrossRestart(signal, STREET_AT);
    expect(before).toMatch(/street and house number/i);
    expect(after[0]).toMatch(/and the postcode\?/i);
    for (const text of after) for (const asked of ASKED_BEFORE) expect(text).not.toMatch(asked);
    expectOneOrder(ordersBefore, after);
  }, 150_000);

  it.each(['SIGTERM', 'SIGKILL'] as const)('%s at the summary: "Place order" on the card shown before places it, once', async (signal) => {
    const ordersBefore = fixture.store.hooks.orders().length;
    const { before, after } = await orderAcrossRestart(signal, SUMMARY_AT);
    expect(before).toContain('Place order');
    expect(after).toHaveLength(1);
    expectOneOrder(ordersBefore, after);
  }, 150_000);

  it('SIGTERM during a turn lets the turn finish and saves it; the next process goes on from there', async () => {
    restock(fixture.store);
    const ordersBefore = fixture.store.hooks.orders().length;
    const stateDir = fixture.stateDir();
    const key = fixture.conversationKey('restart');
    const first = await startBot(stateDir);
    const chat = chatWith(first, key);
    await chat.start();
    await play(chat, CANON_TO_BERLIN.slice(0, POSTCODE_AT));

    // The postcode's turn sends the address to OpenCart; SIGTERM arrives while that call is under way.
    fixture.store.hooks.setLatency(700);
    let stopped: ReturnType<BotProcess['stop']> | undefined;
    fixture.proxy.intercept = () => {
      stopped ??= first.stop('SIGTERM');
      return 'forward';
    };
    const turn = stepTurn(chat, CANON_TO_BERLIN[POSTCODE_AT]);
    const answered = shown(await turn);
    expect(stopped).toBeDefined();
    expect(await stopped).toEqual({ code: 0, signal: null });
    expect(answered).toMatch(/how shall we ship it\?/i); // delivery to the billing address by default: shipping next
    fixture.store.hooks.setLatency(0);
    fixture.proxy.intercept = () => 'forward';

    const resumed = chatWith(await startBot(stateDir), key);
    resumed.lastTurn = chat.lastTurn;
    const after = await play(resumed, CANON_TO_BERLIN.slice(POSTCODE_AT + 1));
    for (const text of after) for (const asked of [...ASKED_BEFORE, /postcode/i, /street/i]) expect(text).not.toMatch(asked);
    expectOneOrder(ordersBefore, after);
  }, 150_000);
});
