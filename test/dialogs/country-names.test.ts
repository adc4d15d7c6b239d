import type { Activity } from 'botbuilder';
import { createTranslator } from '../../src/i18n';
import { CHANNELS, botUnderTest, shown, type ChannelId } from './harness';
import type { FakeCheckout } from './fakes';

/** Where each channel puts the customer's language. */
function languageOn(channelId: ChannelId, lng: 'de' | 'ru'): Partial<Activity> {
  const tag = lng === 'de' ? 'de-DE' : 'ru-RU';
  if (channelId === 'webchat') return { locale: tag };
  if (channelId === 'msteams') return { entities: [{ type: 'clientInfo', locale: tag }] };
  return { channelData: { message: { from: { language_code: lng } } } };
}

const translator = createTranslator();

const CASES = [
  { lng: 'de', askZone: 'Welches Bundesland bzw. welche Region in Russland?', country: 'Russland', united: ['[Vereinigtes Königreich]', '[Vereinigte Staaten]'] },
  { lng: 'ru', askZone: 'Какой регион в стране Россия?', country: 'Россия', united: ['[Великобритания]', '[Соединенные Штаты]'] },
] as const;

describe.each(CHANNELS)('country names on %s', (channelId) => {
  describe.each(CASES)('in $lng', ({ lng, askZone, country, united }) => {
    const t = (key: string) => translator.t(lng, key);

    it("are the customer's language in the region question and the summary; OpenCart still gets its id and name", async () => {
      const bot = botUnderTest(channelId, { template: languageOn(channelId, lng) });
      await bot.say('macbook');
      await bot.press(t('cards.choose'));
      await bot.say('1');
      await bot.press(t('cart.checkout'));
      for (const answer of ['Jane', 'Doe', 'jane@example.com', '+7 495 123-45-67']) await bot.say(answer);
      const zoneQuestion = shown(await bot.say('Russia'));
      expect(zoneQuestion).toContain(askZone);
      expect(zoneQuestion).not.toContain('Russian Federation');
      // Delivery goes to the billing address and codes are offered on the summary: no questions for them.
      for (const answer of ['Moscow', 'Moskva', 'Tverskaya 1', '101000']) await bot.say(answer);
      await bot.press(/^Flat Shipping Rate/);
      const summary = shown(await bot.press('Cash On Delivery'));
      expect(summary).toContain(`Jane Doe, Tverskaya 1, 101000 Moskva, Moscow, ${country}`);
      expect(summary).not.toContain('Russian Federation');
      const sent = (bot.checkout as FakeCheckout).paymentAddresses.at(-1);
      expect(sent).toMatchObject({ countryId: 176, countryName: 'Russian Federation', countryIso2: 'RU', zoneId: 2785, zoneName: 'Moscow' });
    });

    it('are offered in that language when the answer fits several countries', async () => {
      const bot = botUnderTest(channelId, { template: languageOn(channelId, lng) });
      await bot.say('macbook');
      await bot.press(t('cards.choose'));
      await bot.say('1');
      await bot.press(t('cart.checkout'));
      for (const answer of ['Jane', 'Doe', 'jane@example.com', '+49 30 901820']) await bot.say(answer);
      const choices = shown(await bot.say('united'));
      for (const title of united) expect(choices).toContain(title);
      expect(choices).not.toContain('United Kingdom');
    });
  });
});
