import { SmallTalkRecognizer } from '../../dialogs/commands/small-talk';
import { createTranslator } from '../../src/i18n';
import type { FakeCatalog } from './fakes';
import { CHANNELS, botUnderTest, shown } from './harness';

/** The last line of what the bot showed: the open question. */
function question(text: string): string {
  const lines = text.split('\n').filter(Boolean);
  return lines[lines.length - 1] ?? '';
}

describe('small talk recognised in every language, whole messages only', () => {
  const recognizer = new SmallTalkRecognizer(createTranslator());
  it.each([
    ['hi', 'greeting'], ['Hello!', 'greeting'], ['HELLO 👋', 'greeting'], ['helo', 'greeting'], ['hiii', 'greeting'], ['hello there :)', 'greeting'],
    ['Hallo', 'greeting'], ['guten Tag!', 'greeting'], ['Guten Tag', 'greeting'], ['Привет', 'greeting'], ['здравствуйте!!!', 'greeting'], ['Здраствуйте', 'greeting'], ['👋', 'greeting'],
    ['thanks', 'thanks'], ['Thank you!', 'thanks'], ['thnaks', 'thanks'], ['thank you very much 🙂', 'thanks'], ['danke', 'thanks'], ['Danke schön!', 'thanks'], ['спасибо', 'thanks'], ['Спасибо большое', 'thanks'], ['hi, thanks', 'thanks'],
    ['bye', 'bye'], ['Goodbye!', 'bye'], ['tschüss', 'bye'], ['пока', 'bye'], ['до свидания', 'bye'],
    ['talk to a person', 'human'], ['human', 'human'], ['Operator', 'human'], ['оператор', 'human'], ['Mitarbeiter', 'human'], ['support', 'human'],
    ['ich möchte mit jemandem sprechen', 'human'], ['can I talk to a person please?', 'human'], ['hi, I want to speak to a human', 'human'], ['позовите оператора', 'human'],
  ])('%s is %s', (text, kind) => {
    expect(recognizer.recognize(text)).toEqual({ kind });
  });

  it.each([
    ['hi, I need a camera', 'I need a camera'], ['Hello macbook', 'macbook'], ['привет, нужен iphone', 'нужен iphone'], ['Hallo! Ich suche eine Kamera', 'Ich suche eine Kamera'],
  ])('"%s" is a greeting in front of "%s"', (text, rest) => {
    expect(recognizer.recognize(text)).toEqual({ kind: 'lead', rest });
  });

  it.each(['no thanks', 'nein danke', 'нет спасибо', 'yes', 'macbook', 'thanks, and a lens', 'canon', 'telephone', 'my phone number is 123', '', 'hi'.repeat(150)])(
    '"%s" is not small talk',
    (text) => {
      expect(recognizer.recognize(text)).toBeNull();
    },
  );
});

describe.each(CHANNELS)('small talk on %s', (channelId) => {
  it('"hi" and "hello" greet instead of searching; "thanks" and "bye" are answered', async () => {
    const bot = botUnderTest(channelId);
    for (const text of ['hi', 'hello', 'Hello!!']) {
      const text1 = shown(await bot.say(text));
      expect(text1).toContain('I can take your order');
      expect(text1).not.toMatch(/EOS 5D|MacBook Air|found nothing|\[Choose\]/i);
    }
    expect(shown(await bot.say('thanks'))).toContain('anything else I can find for you');
    expect(shown(await bot.say('bye'))).toContain('Goodbye! Come back any time.');
    expect((bot.catalog as FakeCatalog).requests.filter((r) => r.call === 'findProducts')).toEqual([]);
  });

  it('"hi, I need a canon" searches for the canon (the greeting taken off)', async () => {
    const bot = botUnderTest(channelId);
    expect(shown(await bot.say('hi, I need a canon'))).toContain('Canon EOS 5D');
    expect((bot.catalog as FakeCatalog).requests.filter((r) => r.call === 'findProducts')).toHaveLength(1);
  });

  it('greetings in German and Russian are answered in that language', async () => {
    const german = botUnderTest(channelId, { defaultLocale: 'de' });
    expect(shown(await german.say('Guten Tag'))).toContain('Hallo!');
    expect(shown(await german.say('danke'))).toContain('Gern geschehen!');
    const russian = botUnderTest(channelId, { defaultLocale: 'ru' });
    expect(shown(await russian.say('спасибо'))).toContain('Пожалуйста!');
    expect(shown(await russian.say('пока'))).toContain('До свидания!');
  });

  it('mid-checkout a greeting or thanks answers briefly and asks the open question again; the order is kept', async () => {
    const bot = botUnderTest(channelId);
    await bot.say('macbook');
    await bot.press('Choose');
    await bot.say('1');
    const open = question(shown(await bot.press('Checkout')));
    const hello = shown(await bot.say('hello'));
    expect(hello).toContain("Hello! Let's carry on with your order.");
    expect(question(hello)).toBe(open);
    const thanks = shown(await bot.say('Danke!'));
    expect(thanks).toContain("You're welcome!");
    expect(question(thanks)).toBe(open);
    expect(shown(await bot.say('bye'))).toContain('Your order is kept');
    expect(shown(await bot.say('cart'))).toContain('MacBook');
  });

  it('"talk to a person" gives the shop\'s contact details and asks the open question again', async () => {
    const bot = botUnderTest(channelId);
    await bot.say('macbook');
    await bot.press('Choose');
    await bot.say('1');
    const open = question(shown(await bot.press('Checkout')));
    const contact = shown(await bot.say('talk to a person'));
    expect(contact).toContain('You can reach Your Store directly:');
    expect(contact).toContain('123456789');
    expect(contact).toContain('Monday - Friday: 09:00 - 18:00');
    expect(contact).toMatch(/contact page: http:\/\/shop\.test\/index\.php\?route=information\S*contact/);
    expect(question(contact)).toBe(open);
    expect((bot.catalog as FakeCatalog).requests.find((r) => r.call === 'contact')?.opts).toEqual({ language: 'en' });
  });

  it('"оператор" and "Mitarbeiter" answer in Russian and German; the store down is said, the order kept', async () => {
    const russian = botUnderTest(channelId, { defaultLocale: 'ru' });
    expect(shown(await russian.say('оператор'))).toContain('Телефон: 123456789');
    const german = botUnderTest(channelId, { defaultLocale: 'de' });
    await german.say('macbook');
    await german.press('Auswählen');
    await german.say('1');
    (german.catalog as FakeCatalog).down = true;
    const down = shown(await german.say('Mitarbeiter'));
    expect(down).toContain('Ich erreiche die Kontaktseite des Shops gerade nicht.');
    expect(down).toMatch(/Warenkorb|Wie viele|Kasse/);
    (german.catalog as FakeCatalog).down = false;
    expect(shown(await german.say('ich möchte mit jemandem sprechen'))).toContain('Öffnungszeiten: Monday - Friday: 09:00 - 18:00');
    expect(shown(await german.say('warenkorb'))).toContain('MacBook');
  });
});
