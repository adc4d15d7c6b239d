import { createOrderBot } from '../../src/bot';
import type { LocalChannelId } from '../../src/server/local-channel';
import { startShop, type Shop } from './harness';
import { playSkippingAbsent as play } from './loose-play';
import { CANON_TO_BERLIN, restock, shown } from './steps';

/** The last line the bot showed (the open question), without the buttons. */
function question(text: string): string {
  return text.split('\n').filter((line) => line && !/^\[|^\d+\./.test(line)).at(-1) ?? '';
}

describe('small talk and "talk to a person" against the demo store (issue #10)', () => {
  let shop: Shop;
  beforeAll(async () => {
    shop = await startShop(createOrderBot);
  });
  afterAll(() => shop.close());

  it.each<LocalChannelId>(['webchat', 'telegram'])('%s: "hi" and "hello" greet without a search; "hi, I need a canon" searches', async (channel) => {
    const chat = shop.chat(channel, 'en');
    await chat.start();
    for (const text of ['hi', 'hello', 'Hello 👋']) {
      const answer = shown(await chat.say(text));
      expect(answer).toContain('I can take your order');
      expect(answer).not.toMatch(/EOS 5D|iPhone|found nothing/);
    }
    expect(shown(await chat.say('hi, I need a canon'))).toContain('Canon EOS 5D');
  });

  it.each<[LocalChannelId, string, string, RegExp]>([
    ['webchat', 'en', 'talk to a person', /Telephone: 123456789[\s\S]*Opening times: Monday - Friday: 09:00 - 18:00; Saturday: 10:00 - 16:00; Sunday: closed/],
    ['msteams', 'de', 'Mitarbeiter', /Telefon: 123456789[\s\S]*Öffnungszeiten: Monday - Friday/],
    ['telegram', 'ru', 'оператор', /Телефон: 123456789[\s\S]*Часы работы: Monday - Friday/],
  ])('%s (%s): "%s" mid-checkout gives the contact page\'s details and asks the open question again; the order completes', async (channel, locale, text, details) => {
    restock(shop.store);
    const chat = shop.chat(channel, 'en');
    await chat.start();
    const steps = CANON_TO_BERLIN;
    const atAddress = steps.findIndex((step) => 'say' in step && step.say === 'Germany');
    const before = await play(chat, steps.slice(0, atAddress));
    if (locale !== 'en') await chat.say(locale === 'de' ? 'Deutsch' : 'Русский');
    const open = question(shown(await chat.say(locale === 'de' ? 'hallo' : locale === 'ru' ? 'привет' : 'hello')));
    const answer = shown(await chat.say(text));
    expect(answer).toMatch(details);
    expect(answer).toContain('index.php?route=information/contact');
    expect(question(answer)).toBe(open);
    if (locale !== 'en') await chat.say('English');
    const ordersBefore = shop.store.hooks.orders().length;
    const rest = await play(chat, steps.slice(atAddress));
    expect(shop.store.hooks.orders()).toHaveLength(ordersBefore + 1);
    expect(rest.at(-1)).toContain(String(shop.store.hooks.orders().at(-1)?.orderId));
    expect(before.join('\n')).not.toContain('Telephone:');
  });
});
