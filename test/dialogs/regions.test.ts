import { createStorefrontCatalog } from '../../src/catalog';
import type { Catalog } from '../../src/catalog/types';
import { ManualClock } from '../../src/clock';
import { startDemoStore, type DemoStoreHandle } from '../../src/demo-store';
import { CHANNELS, botUnderTest, shown, type ChannelId } from './harness';
import { ADD_MACBOOK, CONTACT, FINISH_US, dialogTable } from './table';
import { FakeCatalog, type FakeCheckout } from './fakes';

dialogTable('country and region in one answer', [
  {
    name: '"Kaliningrad, Russia" sets both, skips the region question and keeps Kaliningrad as the city',
    turns: [...ADD_MACBOOK, ...CONTACT, { say: 'Kaliningrad, Russia', expect: ['Street and house number?'], not: ['Which region', 'Which city?'] }],
  },
  {
    name: '"London, United Kingdom" is Greater London with London as the city',
    turns: [
      ...ADD_MACBOOK,
      ...CONTACT,
      { say: 'London, United Kingdom', expect: ['Street and house number?'], not: ['Which region', 'Which city?'] },
      // This store's United Kingdom needs no postcode: the street is the last question.
      { say: '221B Baker Street', expect: ['How shall we ship it?'] },
      { act: (bot) => expect((bot.checkout as FakeCheckout).paymentAddresses.at(-1)).toMatchObject({ countryId: 222, zoneName: 'Greater London', city: 'London' }) },
    ],
  },
  {
    name: '"California, USA" sets both; the postcode the US needs is still asked',
    turns: [...ADD_MACBOOK, ...CONTACT, { say: 'California, USA', expect: ['Which city?'] }, { say: 'Los Angeles' }, { say: '1 Main Street', expect: ['postcode'] }],
  },
  {
    name: 'the region may come second ("Germany, Bayern")',
    turns: [...ADD_MACBOOK, ...CONTACT, { say: 'Germany, Bayern', expect: ['Which city?'], not: ['Which region'] }],
  },
  {
    name: 'a country with a region it does not have asks the region',
    turns: [...ADD_MACBOOK, ...CONTACT, { say: 'Mordor, Germany', expect: ['Which region or state in Germany?'] }, { say: 'Berlin', expect: ['Which city?'] }],
  },
  {
    name: 'a country alone still asks the region, naming the country by its ISO code, not as the store spells it',
    turns: [...ADD_MACBOOK, ...CONTACT, { say: 'Russia', expect: ['Which region or state in Russia?'], not: ['Russian Federation'] }],
  },
  {
    name: 'neither part a country is refused, with the country question kept open',
    turns: [...ADD_MACBOOK, ...CONTACT, { say: 'Gondor, Mordor', expect: ["I don't know that country"] }, { say: 'Moscow, Russia', expect: ['Street and house number?'] }],
  },
]);

dialogTable('country and region in other spellings', [
  { name: 'ISO 3166-2 "US-CA"', turns: [...ADD_MACBOOK, ...CONTACT, { say: 'US-CA', expect: ['Which city?'], not: ['Which region', "I don't know"] }, ...FINISH_US] },
  { name: 'codes "CA, US" (CA is also Canada)', turns: [...ADD_MACBOOK, ...CONTACT, { say: 'CA, US', expect: ['Which city?'], not: ['Which region', "I don't know"] }, ...FINISH_US] },
  { name: '"California USA" without a comma', turns: [...ADD_MACBOOK, ...CONTACT, { say: 'California USA', expect: ['Which city?'], not: ['Which region', "I don't know"] }, ...FINISH_US] },
  { name: '"USA California", the country first', turns: [...ADD_MACBOOK, ...CONTACT, { say: 'USA California', expect: ['Which city?'], not: ['Which region'] }, ...FINISH_US] },
  { name: 'a country of two words stays a country ("United States")', turns: [...ADD_MACBOOK, ...CONTACT, { say: 'United States', expect: ['Which region or state in'] }] },
  { name: '"Canada" alone is still Canada', turns: [...ADD_MACBOOK, ...CONTACT, { say: 'CA', expect: ['Which region or state in Canada?'] }] },
]);

describe.each(CHANNELS)('a country without regions on %s', (channelId) => {
  it('is not asked a region, goes to OpenCart with zone 0, and the summary shows no empty region', async () => {
    const bot = botUnderTest(channelId);
    await bot.say('macbook');
    await bot.press('Choose');
    await bot.say('1');
    await bot.press('Checkout');
    for (const answer of ['Jane', 'Doe', 'jane@example.com', '+377 93 15 80 00']) await bot.say(answer);
    const afterCountry = shown(await bot.say('Monaco'));
    expect(afterCountry).toContain('Which city?');
    expect(afterCountry).not.toMatch(/region|can't take addresses/);
    await bot.say('Monte Carlo');
    expect(shown(await bot.say('Avenue de la Costa 1'))).toContain('How shall we ship it?');
    const checkout = bot.checkout as FakeCheckout;
    expect(checkout.paymentAddresses.at(-1)).toMatchObject({ countryId: 141, countryName: 'Monaco', zoneId: 0, zoneName: '' });
    await bot.press(/^Flat Shipping Rate/);
    const summary = shown(await bot.press('Cash On Delivery'));
    expect(summary).toContain('Jane Doe, Avenue de la Costa 1, Monte Carlo, Monaco');
    expect(summary).not.toMatch(/, ,|, $/m);
    expect(shown(await bot.press('Place order'))).toContain('Your order number is 1001');
  });
});

describe('places in the customer language, with the store\'s own zones (the demo store\'s country and zone pages)', () => {
  let store: DemoStoreHandle;
  let geo: Catalog;
  beforeAll(async () => {
    store = await startDemoStore();
    geo = createStorefrontCatalog({ baseUrl: store.url, clock: new ManualClock() });
  });
  afterAll(() => store.close());

  /** Products from the fakes, countries and zones as the store lists them ("Kalinigrad"). */
  class StoreGeoCatalog extends FakeCatalog {
    override countries() {
      return geo.countries();
    }
    override country(countryId: number) {
      return geo.country(countryId);
    }
    override resolveCountry(text: string, locale = 'en') {
      return geo.resolveCountry(text, locale);
    }
    override resolveZone(countryId: number, text: string) {
      return geo.resolveZone(countryId, text);
    }
  }

  const play = async (channelId: ChannelId, answers: string[]) => {
    const bot = botUnderTest(channelId, { catalog: new StoreGeoCatalog() });
    await bot.say('macbook');
    await bot.press('Choose');
    await bot.say('1');
    await bot.press('Checkout');
    for (const answer of ['Jane', 'Doe', 'jane@example.com', '+7 495 123-45-67']) await bot.say(answer);
    const replies: string[] = [];
    for (const answer of answers) replies.push(shown(await bot.say(answer)));
    return { replies, sent: (bot.checkout as FakeCheckout).paymentAddresses };
  };

  it.each(CHANNELS)('"Москва" at the region question is Moscow, "Калининград, Россия" is Kalinigrad, on %s', async (channelId) => {
    const moscow = await play(channelId, ['Russia', 'Москва']);
    expect(moscow.replies[0]).toContain('Which region or state in Russia?');
    expect(moscow.replies[1]).toContain('Which city?');
    expect(moscow.replies[1]).not.toContain("I don't know that region");
    // The city that names its region is kept as the city.
    const kaliningrad = await play(channelId, ['Калининград, Россия', 'Leninsky 1', '236000']);
    expect(kaliningrad.replies[0]).toContain('Street and house number?');
    expect(kaliningrad.sent.at(-1)).toMatchObject({ countryId: 176, zoneId: 2743, zoneName: 'Kalinigrad', city: 'Калининград' });
  });

  it('"Bavaria" and "München, Deutschland" are Bayern', async () => {
    const bavaria = await play('webchat', ['Germany', 'Bavaria']);
    expect(bavaria.replies[1]).toContain('Which city?');
    const munich = await play('webchat', ['München, Deutschland', 'Marienplatz 1', '80331']);
    expect(munich.replies[0]).toContain('Street and house number?');
    expect(munich.sent.at(-1)).toMatchObject({ countryId: 81, zoneId: 1255, zoneName: 'Bayern', city: 'München' });
  });
});
