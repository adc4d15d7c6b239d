import { MemoryStorage, TestAdapter, type Activity } from 'botbuilder';
import { LeanConversationState, LeanUserState } from '../../src/storage/lean-state';
import pino from 'pino';
import { createOrderBot } from '../../src/bot';
import { ConversationRateLimit } from '../../src/bot/rate-limit';
import { ManualClock } from '../../src/clock';
import { createTranslator, type SupportedLocale } from '../../src/i18n';
import { FakeCatalog, FakeCheckout } from '../dialogs/fakes';
import { buttons, shown } from '../dialogs/harness';

/** The bot with a limit of 20 turns a minute and a burst of 10 on the shared ManualClock; counts OpenCart calls. */
function limitedBot(locale: SupportedLocale) {
  const clock = new ManualClock();
  const storage = new MemoryStorage();
  const catalog = new FakeCatalog();
  const checkout = new FakeCheckout();
  let shopCalls = 0;
  const counting = <T extends object>(target: T): T =>
    new Proxy(target, {
      get(object, name, receiver) {
        const value: unknown = Reflect.get(object, name, receiver);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          shopCalls++;
          return Reflect.apply(value, object, args);
        };
      },
    });
  const bot = createOrderBot({
    conversationState: new LeanConversationState(storage),
    userState: new LeanUserState(storage),
    catalog: counting(catalog),
    checkout: counting(checkout),
    logger: pino({ level: 'silent' }),
    defaultLocale: locale,
    clock,
    rateLimit: new ConversationRateLimit({ turnsPerMinute: 20, burst: 10, clock }),
  });
  const adapter = new TestAdapter(async (ctx) => bot.run(ctx), { channelId: 'webchat' });
  const send = async (activity: Partial<Activity>): Promise<Partial<Activity>[]> => {
    await adapter.processActivity({ type: 'message', locale, ...activity });
    return adapter.activeQueue.splice(0).filter((reply) => reply.type !== 'typing');
  };
  const say = (text: string) => send({ text });
  /** Presses the first button titled `title` in `replies`. */
  const press = (replies: Partial<Activity>[], title: string) => {
    const button = buttons(replies).find((b) => b.title === title);
    if (!button) throw new Error(`no button ${title}`);
    return send(button.press);
  };
  return { clock, say, press, shopCalls: () => shopCalls };
}

describe('per-conversation rate limit on message turns', () => {
  const translator = createTranslator();

  it.each<SupportedLocale>(['en', 'ru', 'de'])('in %s: the 11th quick search is told to slow down, sends nothing to the shop, and goes through after a wait', async (locale) => {
    const bot = limitedBot(locale);
    for (let i = 0; i < 10; i++) expect(shown(await bot.say('macbook'))).toContain('MacBook Air');
    const callsBefore = bot.shopCalls();

    const refused = shown(await bot.say('macbook'));
    expect(refused).toBe(translator.t(locale, 'common.slowDown'));
    expect(bot.shopCalls()).toBe(callsBefore);

    bot.clock.advance(3_000);
    expect(shown(await bot.say('macbook'))).toContain('MacBook Air');
    expect(bot.shopCalls()).toBeGreaterThan(callsBefore);
  });

  it('a refused answer is not lost: the open question is still open, and the same answer goes on after a wait', async () => {
    const bot = limitedBot('en');
    const results = await bot.say('macbook');
    expect(shown(await bot.press(results, 'Choose'))).toContain('How many MacBook would you like?');
    for (let i = 0; i < 8; i++) await bot.say('help');
    expect(shown(await bot.say('2'))).toBe(translator.t('en', 'common.slowDown'));
    bot.clock.advance(60_000);
    expect(shown(await bot.say('2'))).toContain('Added 2 × MacBook to your cart.');
  });
});
