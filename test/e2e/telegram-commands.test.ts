import { createOrderBot } from '../../src/bot';
import { createTranslator } from '../../src/i18n';
import { shown } from './steps';
import { startShop, type Shop } from './harness';

/** The commands deploy/telegram/README.md has BotFather list: each is answered at any time. */
describe('Telegram commands', () => {
  let shop: Shop;
  const t = createTranslator();
  beforeAll(async () => {
    shop = await startShop(createOrderBot);
  });
  afterAll(() => shop.close());

  it('answers /start, /help, /cart and /cancel, in the customer\'s language', async () => {
    const chat = shop.chat('telegram', 'de');
    expect(shown(await chat.start())).toMatch(/Hallo/);
    expect(shown(await chat.say('/help'))).toContain(t.t('de', 'help.text').split('\n')[0]);
    await chat.say('canon eos'); // one product has both words: straight on to its options
    await chat.click(/^red$/i);
    await chat.say('1');
    expect(shown(await chat.say('/cart'))).toContain('Canon EOS 5D');
    expect(shown(await chat.say('/cancel'))).toContain(t.t('de', 'common.startedOver'));
  });
});
