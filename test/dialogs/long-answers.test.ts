import { createStorefrontCatalog, StorefrontHttpError } from '../../src/catalog';
import { ManualClock } from '../../src/clock';
import { createCheckoutService } from '../../src/domain/checkout';
import { startDemoStore, type DemoStoreHandle } from '../../src/demo-store';
import { createSessionFactory } from '../../src/opencart';
import { FakeCatalog } from './fakes';
import { botUnderTest, shown, type BotUnderTest } from './harness';

/** Telegram's longest message, three ways: words, one word, emoji (two UTF-16 units each). */
const LONG = {
  words: 'lorem ipsum dolor sit amet '.repeat(152).slice(0, 4096),
  word: 'x'.repeat(4096),
  emoji: '😀'.repeat(2048),
};
const HUGE = 'lorem ipsum dolor sit amet '.repeat(3704).slice(0, 100_000);
/** Long inner runs of spaces and punctuation: a pattern retried from each of their positions would be quadratic. */
const RUNS = [`a${' '.repeat(99_998)}b`, `a${'.,'.repeat(49_999)}b`];
/** The issue asks for a bound: generous, for a shared machine (each of these turns took milliseconds). */
const TURN_BOUND_MS = 1500;
/** A translated refusal: the length limit, or the buttons to use; never the generic error. */
const REFUSED = /at most \d+ characters|keep it to \d+ characters|choose one of the buttons/;

describe('answers of 4,096 and 100,000 characters at every question, against the demo store', () => {
  let store: DemoStoreHandle;
  beforeAll(async () => {
    store = await startDemoStore();
  });
  afterAll(() => store.close());

  function realBot(): BotUnderTest {
    const clock = new ManualClock();
    const sessions = createSessionFactory({ baseUrl: store.url, username: store.username, apiKey: store.apiKey }, { clock, maxRetries: 0 });
    return botUnderTest('webchat', {
      catalog: createStorefrontCatalog({ baseUrl: store.url, clock }),
      checkout: createCheckoutService({ sessions, clock }),
    });
  }

  async function timed(bot: BotUnderTest, text: string): Promise<string> {
    const started = performance.now();
    const replies = shown(await bot.say(text));
    expect(performance.now() - started).toBeLessThan(TURN_BOUND_MS);
    return replies;
  }

  /** Every long answer is refused with a translated reason, and the same question stays open. */
  async function junkAt(bot: BotUnderTest, question: string, extra: string[] = []): Promise<void> {
    const before = bot.last;
    for (const text of [...Object.values(LONG), ...extra]) {
      const reply = await timed(bot, text);
      expect({ question, reply }).toEqual({ question, reply: expect.stringMatching(REFUSED) });
      expect(reply).not.toContain('something went wrong');
    }
    // Buttons of the question asked again, for the next answer.
    if (!bot.last.length) throw new Error(`no reply at ${question}, before: ${shown(before)}`);
  }

  it('refuses each with the limit, within the bound, and the order goes on to the end', async () => {
    store.hooks.setStock(30, 100);
    store.hooks.setOptionStock(15, 100);
    const before = store.hooks.orders().length;
    const bot = realBot();
    await junkAt(bot, 'search', [HUGE, ...RUNS]);
    // One word: the results are listed (two words matching one product would go straight to its options).
    expect(shown(await bot.say('canon'))).toMatch(/Canon EOS 5D/);
    await junkAt(bot, 'results');
    expect(shown(await bot.press(/^Choose$/))).toMatch(/Red/);
    await junkAt(bot, 'option');
    expect(shown(await bot.press(/^Red/))).toMatch(/How many Canon EOS 5D/);
    await junkAt(bot, 'quantity');
    expect(shown(await bot.say('2'))).toMatch(/Added 2 × Canon EOS 5D[\s\S]*Your cart/);
    await junkAt(bot, 'cart');
    expect(shown(await bot.press(/^Checkout$/))).toContain('contact details');
    const contact: [string, string][] = [['firstname', 'Jane'], ['lastname', 'Doe'], ['email', 'jane@example.com'], ['telephone', '+49 30 1234567']];
    for (const [field, answer] of contact) {
      await junkAt(bot, field);
      await bot.say(answer);
    }
    expect(shown(bot.last)).toContain('postcode and country');
    await junkAt(bot, 'country', [HUGE, ...RUNS]);
    expect(shown(await bot.say('Germany'))).toContain('Which region or state in Germany?');
    await junkAt(bot, 'region');
    expect(shown(await bot.say('Berlin'))).toContain('Which city?');
    for (const [field, answer] of [['city', 'Berlin'], ['street', 'Hauptstr. 1'], ['postcode', '10115']]) {
      await junkAt(bot, field);
      await bot.say(answer);
    }
    // Delivery to the billing address is the default: no same-address question.
    expect(shown(bot.last)).toMatch(/How shall we ship it\?[\s\S]*Flat Shipping Rate/);
    await junkAt(bot, 'shipping');
    expect(shown(await bot.press(/^Flat Shipping Rate/))).toMatch(/Cash On Delivery/);
    await junkAt(bot, 'payment');
    // Codes are asked only from the summary's button: the summary comes next.
    expect(shown(await bot.press(/^Cash On Delivery/))).toMatch(/2 × Canon EOS 5D/);
    await junkAt(bot, 'summary');
    expect(shown(await bot.press(/^Add a coupon or gift voucher$/))).toMatch(/coupon/);
    await junkAt(bot, 'codes');
    expect(shown(await bot.press(/^No code$/))).toMatch(/2 × Canon EOS 5D/);
    const placed = shown(await bot.press(/^Place order$/));
    expect(placed).toMatch(/Your order number is \d+/);
    expect(placed).toContain('remember your contact details');
    await junkAt(bot, 'consent');
    await bot.press(/^No$/);
    expect(store.hooks.orders()).toHaveLength(before + 1);
    expect(store.hooks.orders().at(-1)!.products[0]).toMatchObject({ productId: 30, quantity: 2 });
  });

  it.each([
    ['ru', 'не более 200 символов', 'не более 255 символов'],
    ['de', 'höchstens 200 Zeichen', 'höchstens 255 Zeichen'],
  ])('answers in the customer\'s language (%s), naming the limit', async (locale, searchLimit, optionLimit) => {
    const bot = botUnderTest('webchat', { template: { locale } });
    expect(shown(await bot.say(LONG.words))).toContain(searchLimit);
    await bot.say('canon');
    await bot.press(/./);
    // The option question of the product chosen.
    expect(shown(await bot.say(HUGE))).toContain(optionLimit);
  });

  it('a search the storefront refuses (HTTP 431, 500) gets "the shop\'s search didn\'t answer", and the next search works', async () => {
    const catalog = new FakeCatalog();
    let refuseWith = 0;
    const find = catalog.findProducts.bind(catalog);
    catalog.findProducts = async (text, opts) => {
      if (refuseWith) throw new StorefrontHttpError('index.php?route=product/search&search=[5 chars]', refuseWith, 'product/search');
      return find(text, opts);
    };
    const bot = botUnderTest('telegram', { catalog });
    for (const status of [431, 500]) {
      refuseWith = status;
      const refused = shown(await bot.say('canon'));
      expect(refused).toContain("The shop's search didn't answer");
      expect(refused).toContain('What are you looking for?');
      expect(refused).not.toContain('something went wrong');
    }
    refuseWith = 0;
    expect(shown(await bot.say('canon'))).toContain('Canon EOS 5D');
  });
});
