import { botUnderTest, CHANNELS, shown } from '../dialogs/harness';

/** After-sales requests on each channel (issue #10): recognised before the product search, in en/de/ru. */
describe.each(CHANNELS)('after-sales requests on %s', (channel) => {
  it.each([
    ['where is my order 24?', 'en', 'The shop will help you'],
    ['status of my order', 'en', 'The shop will help you'],
    ['cancel my order 24', 'en', 'The shop will help you'],
    ['wo ist meine Bestellung 24', 'de', 'hilft Ihnen der Shop'],
    ['Bestellstatus', 'de', 'hilft Ihnen der Shop'],
    ['где мой заказ 24', 'ru', 'вам поможет магазин'],
    ['отменить заказ', 'ru', 'вам поможет магазин'],
  ])('"%s" is never searched; without the after-sales service the shop\'s contact is given', async (text, locale, expected) => {
    const bot = botUnderTest(channel, { template: { locale } });
    const replies = shown(await bot.say(text));
    expect(replies).toContain(expected);
    const calls = (bot.catalog as unknown as { requests: { call: string }[] }).requests.map((r) => r.call);
    expect(calls).toContain('contact'); // the shop's contact details follow
    expect(calls.filter((call) => call !== 'contact')).toEqual([]); // nothing searched
  });
});
