import { Writable } from 'node:stream';
import type { Activity } from 'botbuilder';
import pino from 'pino';
import { ManualClock } from '../../src/clock';
import { createTranslator } from '../../src/i18n';
import { signShopIdentity, type ShopCustomer } from '../../src/shop-identity';
import type { FakeCheckout } from '../dialogs/fakes';
import { botUnderTest, buttons, shown, type BotUnderTest, type ChannelId } from '../dialogs/harness';

const translator = createTranslator();
const SECRET = 'a-shared-secret-of-at-least-32-characters';
const RITA: ShopCustomer = { customerId: 1, firstName: 'Rita', lastName: 'Rewards', email: 'rita@example.com', telephone: '+44 20 7946 0000' };

function signed(clock: ManualClock, who: ShopCustomer = RITA, secret = SECRET) {
  const ts = Math.floor(clock.now() / 1000);
  return { v: 2, ...who, ts, sig: signShopIdentity(who, ts, secret) };
}

function setUp(options: { secret?: string | null; channel?: ChannelId } = {}) {
  const clock = new ManualClock();
  const lines: string[] = [];
  // No time, pid or host in the lines: their digits could match the phone number looked for.
  const logger = pino({ level: 'debug', timestamp: false, base: null }, new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) }));
  const shopSecret = options.secret === null ? undefined : (options.secret ?? SECRET);
  const bot = botUnderTest(options.channel ?? 'webchat', { clock, logger, shopSecret });
  return { bot, clock, lines };
}

/** The values an Adaptive Card form shows prefilled, by input id. */
function formValues(replies: Partial<Activity>[]): Record<string, string> {
  const found: Record<string, string> = {};
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== 'object' || node === null) return;
    const el = node as Record<string, unknown>;
    if (String(el.type).startsWith('Input.') && typeof el.value === 'string') found[String(el.id)] = el.value;
    Object.values(el).forEach(walk);
  };
  walk(replies.map((r) => r.attachments?.map((a) => a.content)));
  return found;
}

function join(bot: BotUnderTest, customer?: unknown): Promise<Partial<Activity>[]> {
  const value = { language: 'en-gb', productId: '43', pageUrl: 'http://shop.test/index.php?route=product/product&product_id=43', customer };
  return bot.send({ type: 'event', name: 'webchat/join', value });
}

/** "add this" on the MacBook's page, one of them, then Checkout: what the checkout asks first. */
async function checkoutReplies(bot: BotUnderTest): Promise<Partial<Activity>[]> {
  await bot.say('add this');
  await bot.say('1');
  return bot.press('Checkout');
}
const firstCheckoutQuestion = async (bot: BotUnderTest) => shown(await checkoutReplies(bot));

/** The contact question as a form (Web Chat) or in words, whichever this channel gets. */
const CONTACT_PROMPTS = ['fields.contactTitle', 'fields.ask_contact', 'fields.ask_firstname'].map((key) => translator.t('en', key));
const asksContact = (text: string) => CONTACT_PROMPTS.some((prompt) => text.includes(prompt));
const ASKS_PHONE = translator.t('en', 'fields.ask_telephone');
const GREETING = translator.t('en', 'greeting.title');

describe('a customer signed in on the storefront (signed identity in the widget join)', () => {
  it('is greeted by name and not asked for contact details; the order carries their details', async () => {
    const { bot, clock } = setUp();
    expect(shown(await join(bot, signed(clock)))).toContain('Hello, Rita!');
    const asked = await firstCheckoutQuestion(bot);
    expect(asksContact(asked)).toBe(false);
    expect(asked).not.toContain(ASKS_PHONE);
    expect((bot.checkout as FakeCheckout).calls).not.toContain('setContact');
  });

  it('whose account has no telephone: the form comes with the rest filled in, and only the telephone is added', async () => {
    const { bot, clock } = setUp();
    await join(bot, signed(clock, { ...RITA, telephone: '' }));
    const form = await checkoutReplies(bot);
    const [submit] = buttons(form); // the form's one button, where the channel shows the form
    if (submit) {
      expect(formValues(form)).toEqual({ firstname: 'Rita', lastname: 'Rewards', email: 'rita@example.com' });
      await bot.send({ ...submit.press, value: { ...(submit.press.value as object), ...formValues(form), telephone: '+44 20 7946 0000' } });
    } else {
      expect(shown(form)).toContain(ASKS_PHONE);
      await bot.say('+44 20 7946 0000');
    }
    expect((bot.checkout as FakeCheckout).calls).toContain('setContact');
  });

  it('whose account has no telephone, on a channel without forms: asked only for the telephone', async () => {
    const { bot, clock } = setUp({ channel: 'telegram' });
    await join(bot, signed(clock, { ...RITA, telephone: '' }));
    await bot.say('add this');
    await bot.say('1');
    expect(shown(await bot.say('checkout'))).toContain(ASKS_PHONE);
    await bot.say('+44 20 7946 0000');
    expect((bot.checkout as FakeCheckout).calls).toContain('setContact');
  });

  it.each<[string, (clock: ManualClock) => unknown, string]>([
    ['forged (another secret)', (clock) => signed(clock, RITA, 'another-secret-of-at-least-32-characters!'), 'bad-signature'],
    ['tampered (another email)', (clock) => ({ ...signed(clock), email: 'mallory@example.com' }), 'bad-signature'],
    ['stale (six minutes old)', (clock) => { const old = signed(clock); clock.advance(6 * 60_000); return old; }, 'stale'],
    ['malformed', () => ({ customerId: 'Rita' }), 'malformed'],
    ['not an object', () => 'Rita', 'malformed'],
  ])('%s: a guest, no error shown, only the reason code logged', async (_case, identity, reason) => {
    const { bot, clock, lines } = setUp();
    const greeting = shown(await join(bot, identity(clock)));
    expect(greeting).toContain(GREETING);
    expect(greeting).not.toContain('Rita');
    const form = await checkoutReplies(bot);
    expect(asksContact(shown(form))).toBe(true);
    expect(formValues(form)).toEqual({});
    const refusals = lines.filter((line) => line.includes('shop identity not accepted'));
    expect(refusals).toHaveLength(1);
    expect(JSON.parse(refusals[0])).toMatchObject({ reason });
    expect(lines.join('\n')).not.toMatch(/Rita|Rewards|rita@|mallory|7946/);
  });

  it('a guest without any identity: no log line about it', async () => {
    const { bot, lines } = setUp();
    expect(shown(await join(bot))).toContain(GREETING);
    expect(lines.filter((line) => line.includes('shop identity'))).toHaveLength(0);
  });

  it('the bot without SHOP_SHARED_SECRET trusts nobody', async () => {
    const { bot, clock, lines } = setUp({ secret: null });
    expect(shown(await join(bot, signed(clock)))).not.toContain('Rita');
    expect(asksContact(await firstCheckoutQuestion(bot))).toBe(true);
    expect(lines.some((line) => line.includes('"reason":"no-secret"'))).toBe(true);
  });

  it('signed out on the storefront mid-order: the order is a guest\'s again (contact asked)', async () => {
    const { bot, clock } = setUp();
    await join(bot, signed(clock));
    await bot.say('add this');
    const cart = await bot.say('1');
    await join(bot);
    const form = await bot.press('Checkout', cart);
    expect(asksContact(shown(form))).toBe(true);
    expect(formValues(form)).toEqual({});
  });
});
