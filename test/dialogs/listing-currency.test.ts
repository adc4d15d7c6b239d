import type { Activity } from 'botbuilder';
import { CHANNELS, botUnderTest, type ChannelId } from './harness';
import type { FakeCatalog } from './fakes';

/** Where each channel puts a German customer's language. */
const GERMAN: Record<ChannelId, Partial<Activity>> = {
  webchat: { locale: 'de-DE' },
  msteams: { entities: [{ type: 'clientInfo', locale: 'de-DE' }] },
  telegram: { channelData: { message: { from: { language_code: 'de' } } } },
};

describe.each(CHANNELS)('prices in listings on %s', (channelId) => {
  it('are asked for in the euro for a German customer: search, category and product, as in the cart', async () => {
    const bot = botUnderTest(channelId, { template: GERMAN[channelId] });
    await bot.send(channelId === 'telegram' ? { text: 'oc:cat:20' } : { value: { oc: { a: 'cat', v: '20' } } });
    await bot.say('macbook');
    await bot.press('Auswählen');
    const requests = (bot.catalog as FakeCatalog).requests;
    expect(new Set(requests.map((r) => r.call))).toEqual(new Set(['findProducts', 'product', 'category']));
    for (const request of requests) expect(request.opts).toMatchObject({ language: 'de', currency: 'EUR' });
  });

  it('follow the currency the customer chose, and stay in the shop default for English without a choice', async () => {
    const bot = botUnderTest(channelId);
    await bot.say('macbook');
    const catalog = bot.catalog as FakeCatalog;
    expect(catalog.requests.at(-1)!.opts).not.toHaveProperty('currency');
    await bot.say('currency GBP');
    await bot.say('canon');
    expect(catalog.requests.at(-1)).toMatchObject({ call: 'findProducts', opts: { language: 'en', currency: 'GBP' } });
    await bot.press('Choose');
    expect(catalog.requests.at(-1)).toMatchObject({ call: 'product', opts: { currency: 'GBP' } });
  });
});
