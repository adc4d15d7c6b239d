import { botUnderTest, buttons, shown, type ChannelId } from './harness';

/** How "Mug *limited* edition_2 [XL]" must arrive: CommonMark escapes on Adaptive Card channels, Telegram's four. */
const ESCAPED_NAME: Record<ChannelId, string> = {
  webchat: 'Mug \\*limited\\* edition\\_2 \\[XL\\]',
  msteams: 'Mug \\*limited\\* edition\\_2 \\[XL\\]',
  telegram: 'Mug \\*limited\\* edition\\_2 \\[XL]',
};

describe.each(Object.keys(ESCAPED_NAME) as ChannelId[])('store texts in markdown on %s', (channelId) => {
  const name = ESCAPED_NAME[channelId];

  it('escapes a product name once, in cards, card texts and messages; button titles stay plain', async () => {
    const bot = botUnderTest(channelId);
    const results = await bot.say('limited');
    expect(shown(results)).toContain(name);
    expect(shown(results)).not.toContain('Mug *limited*');
    const quantity = shown(await bot.press('Choose'));
    expect(quantity).toContain(`How many ${name} would you like?`);
    expect(quantity).not.toContain('\\\\');
    const added = await bot.say('1');
    expect(shown(added)).toContain(`Added 1 × ${name} to your cart.`);
    expect(added.filter((a) => a.text).every((a) => a.textFormat === 'markdown')).toBe(true);
    expect(buttons(added).map((b) => b.title)).toContain('Checkout');
  });

  it('keeps quotes as they are ("Apple Cinema 30\\"") and escapes the customer\'s own words', async () => {
    const bot = botUnderTest(channelId);
    await bot.say('cinema');
    expect(shown(await bot.press('Choose'))).toContain('Apple Cinema 30" needs a file upload');
    const nothing = shown(await bot.say('zzz_*'));
    expect(nothing).toContain('nothing for "zzz\\_\\*"');
  });
});
