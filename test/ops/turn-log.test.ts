import { Writable } from 'node:stream';
import { createStorefrontCatalog } from '../../src/catalog';
import { ManualClock } from '../../src/clock';
import { createCheckoutService } from '../../src/domain/checkout';
import { startDemoStore, type DemoStoreHandle } from '../../src/demo-store';
import {
  bindTurnLog,
  conversationLogId,
  createLogger,
  loggerFor,
  turnLogger,
  unbindTurnLog,
  type TurnLogFields,
} from '../../src/log';
import { createSessionFactory } from '../../src/opencart';
import { botUnderTest, shown, type BotUnderTest } from '../dialogs/harness';

type Line = Record<string, unknown>;

function capture(): { lines: Line[]; stream: Writable } {
  const lines: Line[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n')) if (line) lines.push(JSON.parse(line) as Line);
      done();
    },
  });
  return { lines, stream };
}

const fieldsOf = (lines: Line[]) => lines.map((l) => [l.msg, l.conversation, l.channel, l.turn]);

describe('turn fields on log lines', () => {
  it('names the conversation (hashed), channel and turn on every line of a turn logger and of its children', () => {
    const { lines, stream } = capture();
    const base = createLogger('info', stream);
    const conversation = conversationLogId('msteams/29:1a-teams-user-id');
    const fields: TurnLogFields = { conversation, channel: 'msteams' };
    const turn = turnLogger(base, fields);
    base.info('before');
    turn.info('turn number not known yet');
    fields.turn = 7; // set once the state is read, after the logger was made
    turn.child({ module: 'catalog' }).info({ route: 'product/search' }, 'from a child');
    base.info('the process logger names no turn');
    expect(fieldsOf(lines)).toEqual([
      ['before', undefined, undefined, undefined],
      ['turn number not known yet', conversation, 'msteams', undefined],
      ['from a child', conversation, 'msteams', 7],
      ['the process logger names no turn', undefined, undefined, undefined],
    ]);
    expect(lines[2]).toMatchObject({ module: 'catalog', route: 'product/search' });
    // A line's own fields are not merged into the turn's (pino merges them into what the mixin returns).
    expect(Object.keys(fields).sort()).toEqual(['channel', 'conversation', 'turn']);
  });

  it('ties the checkout state to its turn while the turn runs, and to nothing after', () => {
    const { lines, stream } = capture();
    const base = createLogger('info', stream);
    const state = {};
    const conversation = conversationLogId('webchat/c1');
    bindTurnLog(state, { conversation, channel: 'webchat', turn: 2 });
    loggerFor(state, base).info('in the turn');
    unbindTurnLog(state);
    loggerFor(state, base).info('after it');
    expect(fieldsOf(lines)).toEqual([
      ['in the turn', conversation, 'webchat', 2],
      ['after it', undefined, undefined, undefined],
    ]);
  });

  it('hashes conversation ids: stable, short, and never the id itself', () => {
    const id = 'a:1jNkS2_telegram_123456789';
    expect(conversationLogId(id)).toBe(conversationLogId(id));
    expect(conversationLogId(id)).toHaveLength(12);
    expect(conversationLogId(id)).not.toContain('123456789');
    expect(conversationLogId(id)).not.toBe(conversationLogId(`${id}x`));
  });
});

describe('turn fields through the bot, the checkout and the OpenCart client (demo store)', () => {
  let store: DemoStoreHandle;
  beforeAll(async () => {
    store = await startDemoStore();
  });
  afterAll(() => store.close());

  /** What the bot is built with on the demo store, every part logging to `logger`: shared by the bots of a test. */
  function realDeps(logger: ReturnType<typeof createLogger>) {
    const clock = new ManualClock();
    const endpoint = { baseUrl: store.url, username: store.username, apiKey: store.apiKey };
    const sessions = createSessionFactory(endpoint, { clock, maxRetries: 0, logger });
    return {
      catalog: createStorefrontCatalog({ baseUrl: store.url, clock }),
      checkout: createCheckoutService({ sessions, clock, logger }),
      logger,
      clock,
    };
  }

  it('two conversations served at once each see their own conversation and turn on the OpenCart lines', async () => {
    store.hooks.setStock(30, 100);
    store.hooks.setOptionStock(15, 100);
    const { lines, stream } = capture();
    const shared = realDeps(createLogger('debug', stream));
    const bots: BotUnderTest[] = ['conv-a', 'conv-b'].map((conversationId) => botUnderTest('webchat', { ...shared, conversationId }));
    const both = (step: (bot: BotUnderTest) => Promise<unknown>) => Promise.all(bots.map(step));
    await both((bot) => bot.say('canon eos'));
    await both((bot) => bot.press(/^Red/));
    lines.length = 0;
    const added = await both((bot) => bot.say('2'));
    for (const replies of added) expect(shown(replies as never)).toMatch(/Added 2 × Canon EOS 5D/);

    const calls = lines.filter((l) => l.msg === 'OpenCart call succeeded');
    const own = (id: string) => calls.filter((l) => l.conversation === conversationLogId(`webchat/${id}`));
    for (const id of ['conv-a', 'conv-b']) {
      expect(own(id).map((l) => l.route)).toEqual(expect.arrayContaining(['api/login', 'api/cart/add']));
      expect(own(id).every((l) => l.channel === 'webchat' && l.turn === 3 && l.component === 'opencart')).toBe(true);
    }
    expect(own('conv-a').length + own('conv-b').length).toBe(calls.length);
    // The turn's own line ("turn done") names it too; none of the turn's lines goes without.
    const turnDone = lines.filter((l) => l.msg === 'turn done');
    expect(turnDone.map((l) => [l.conversation, l.turn]).sort()).toEqual(
      [conversationLogId('webchat/conv-a'), conversationLogId('webchat/conv-b')].map((c) => [c, 3]).sort(),
    );
    expect(lines.filter((l) => l.conversation === undefined).map((l) => l.msg)).toEqual([]);
  });

  it('the re-login after an expired session is logged with the turn that met it', async () => {
    const { lines, stream } = capture();
    const bot = botUnderTest('webchat', {
      ...realDeps(createLogger('info', stream)),
      conversationId: 'conv-expired',
    });
    store.hooks.setStock(30, 100);
    store.hooks.setOptionStock(15, 100);
    await bot.say('canon eos');
    await bot.press(/^Red/);
    await bot.say('1');
    await bot.press(/^Checkout$/);
    for (const answer of ['Jane', 'Doe', 'jane@example.com']) await bot.say(answer);
    store.hooks.expireAllSessions();
    // Turn 8: the phone number ends the contact details, which are sent to OpenCart on a session it has forgotten.
    expect(shown(await bot.say('+49 30 1234567'))).toContain('postcode and country');
    const expired = lines.filter((l) => l.msg === 'OpenCart session expired; logging in again');
    expect(expired).toHaveLength(1);
    expect(expired[0]).toMatchObject({ conversation: conversationLogId('webchat/conv-expired'), channel: 'webchat', turn: 8 });
  });
});
