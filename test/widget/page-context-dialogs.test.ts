import type { Activity } from 'botbuilder';
import { createTranslator, type SupportedLocale } from '../../src/i18n';
import type { FakeCatalog, FakeCheckout } from '../dialogs/fakes';
import { botUnderTest, shown, type BotUnderTest } from '../dialogs/harness';

const translator = createTranslator();
const CANON = 'Canon EOS 5D';
const PRODUCT_PAGE = 'http://shop.test/index.php?route=product/product&product_id=30';
const WEB_LOCALE: Record<SupportedLocale, string> = { en: 'en-US', de: 'de-DE', ru: 'ru-RU' };

type Page = { language?: string; currency?: string; productId?: string; pageUrl?: string };

/** The widget's webchat/join event, as Web Chat sends it (its locale is the page's). */
function join(bot: BotUnderTest, page: Page, locale?: string): Promise<Partial<Activity>[]> {
  return bot.send({ type: 'event', name: 'webchat/join', value: { pageUrl: PRODUCT_PAGE, ...page }, ...(locale ? { locale } : {}) });
}

const checkoutOf = (bot: BotUnderTest) => bot.checkout as FakeCheckout;
const catalogOf = (bot: BotUnderTest) => bot.catalog as FakeCatalog;

describe('on a product page, "this" is the product on the page', () => {
  it.each<[string, SupportedLocale, string, string]>([
    ["I'll take this in red", 'en', 'quantity', 'Red'],
    ['add this', 'en', 'options', ''],
    ['I want this', 'en', 'options', ''],
    ['this one', 'en', 'options', ''],
    ['nehme ich', 'de', 'options', ''],
    ['das hier', 'de', 'options', ''],
    ['это', 'ru', 'options', ''],
    ['вот этот', 'ru', 'options', ''],
  ])('%j (%s) goes to its %s', async (text, lng, next, preset) => {
    const bot = botUnderTest('webchat', { template: { locale: WEB_LOCALE[lng] } });
    await join(bot, { language: lng, productId: '30' }, WEB_LOCALE[lng]);
    const replies = shown(await bot.say(text));
    const t = (key: string, vars?: Record<string, unknown>) => translator.t(lng, key, vars);
    if (next === 'quantity') expect(replies).toContain(t('quantity.ask', { name: CANON }));
    else expect(replies).toContain(t('options.chooseRequired', { option: 'Select' }));
    expect(catalogOf(bot).requests.map((r) => r.call)).not.toContain('findProducts');
    if (preset) {
      await bot.say('1');
      expect(checkoutOf(bot).addedLines[0]).toMatchObject({ productId: 30, quantity: 1, options: { 226: '15' } });
    }
  });

  it('"2 of these" takes the quantity from the sentence and asks only the option', async () => {
    const bot = botUnderTest('webchat');
    await join(bot, { language: 'en-gb', productId: '30' });
    expect(shown(await bot.say('2 of these'))).toContain(translator.t('en', 'options.chooseRequired', { option: 'Select' }));
    expect(shown(await bot.press(/^Blue/))).toContain(translator.t('en', 'shopping.added', { count: 2, name: CANON }));
    expect(checkoutOf(bot).addedLines).toMatchObject([{ productId: 30, quantity: 2, options: { 226: '16' } }]);
  });

  it('a product named on a product page is still searched, and "this" off a product page too', async () => {
    const bot = botUnderTest('webchat');
    await join(bot, { language: 'en-gb', productId: '30' });
    expect(shown(await bot.say('macbook'))).toContain('MacBook Air');
    const elsewhere = botUnderTest('webchat');
    await join(elsewhere, { language: 'en-gb', pageUrl: 'http://shop.test/' });
    await elsewhere.say('add this');
    expect(catalogOf(elsewhere).requests.map((r) => r.call)).toContain('findProducts');
    expect(checkoutOf(elsewhere).addedLines).toHaveLength(0);
  });

  it('the page seen last counts: after moving to another product page, "this" is that one', async () => {
    const bot = botUnderTest('webchat');
    await join(bot, { language: 'en-gb', productId: '30' });
    await join(bot, { language: 'en-gb', productId: '43', pageUrl: 'http://shop.test/index.php?route=product/product&product_id=43' });
    expect(shown(await bot.say('2 of these'))).toContain(translator.t('en', 'shopping.added', { count: 2, name: 'MacBook' }));
  });
});

describe("the cart's currency follows the page's", () => {
  async function addedOnPage(currency: string): Promise<BotUnderTest> {
    const bot = botUnderTest('webchat');
    await join(bot, { language: 'en-gb', currency, productId: '43' });
    await bot.say('add this');
    await bot.say('1');
    return bot;
  }

  it('the first line sets the page currency in OpenCart (setCurrency), and listings are read in it', async () => {
    const bot = await addedOnPage('EUR');
    expect(checkoutOf(bot).calls.filter((c) => c === 'setCurrency')).toHaveLength(1);
    expect(catalogOf(bot).requests.every((r) => r.opts?.currency === 'EUR')).toBe(true);
  });

  it('the customer switches the shop to another currency: the open order follows it', async () => {
    const bot = await addedOnPage('EUR');
    await join(bot, { language: 'en-gb', currency: 'GBP', productId: '43' });
    expect(checkoutOf(bot).calls.filter((c) => c === 'setCurrency')).toHaveLength(2);
    await bot.say('macbook');
    expect(catalogOf(bot).requests.at(-1)).toMatchObject({ call: 'findProducts', opts: { currency: 'GBP' } });
  });

  it('unless the customer chose one in the chat', async () => {
    const bot = await addedOnPage('EUR');
    expect(shown(await bot.say('currency USD'))).toContain(translator.t('en', 'currency.changed', { code: 'USD' }));
    const before = checkoutOf(bot).calls.filter((c) => c === 'setCurrency').length;
    await join(bot, { language: 'en-gb', currency: 'GBP', productId: '43' });
    await join(bot, { language: 'en-gb', currency: 'EUR', productId: '43' });
    expect(checkoutOf(bot).calls.filter((c) => c === 'setCurrency')).toHaveLength(before);
  });
});

describe("the language follows the page's unless the customer chose another", () => {
  it('a German page: greeted and answered in German, even where an activity carries no locale', async () => {
    const bot = botUnderTest('webchat');
    expect(shown(await join(bot, { language: 'de-de' }))).toContain(translator.t('de', 'greeting.title'));
    expect(shown(await bot.say('macbook'))).toContain(translator.t('de', 'search.resultsTitle', { count: 3, text: 'macbook' }));
  });

  it('the customer chose English: a German page does not switch it back', async () => {
    const bot = botUnderTest('webchat');
    await join(bot, { language: 'de-de' }, 'de-DE');
    expect(shown(await bot.send({ text: 'English', locale: 'de-DE' }))).toContain(translator.t('en', 'language.changed'));
    await join(bot, { language: 'de-de', productId: '30' }, 'de-DE');
    expect(shown(await bot.send({ text: 'add this', locale: 'de-DE' }))).toContain(translator.t('en', 'options.chooseRequired', { option: 'Select' }));
  });

  it('the shop page switches to Russian: the next answers are Russian', async () => {
    const bot = botUnderTest('webchat');
    await join(bot, { language: 'en-gb' }, 'en-US');
    await join(bot, { language: 'ru-ru', productId: '30' }, 'ru-RU');
    expect(shown(await bot.send({ text: 'это', locale: 'ru-RU' }))).toContain(translator.t('ru', 'options.chooseRequired', { option: 'Select' }));
  });
});
