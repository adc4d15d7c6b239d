import { CHANNELS, botUnderTest, buttons, shown } from './harness';
import { dialogTable } from './table';
import type { FakeCheckout } from './fakes';

dialogTable('checkbox options (several values)', [
  {
    name: 'values are ticked and unticked, then "done" takes them; an optional one is finished with nothing ticked',
    turns: [
      { say: 'photo' },
      { press: 'Choose', expect: ['Your photo can only be chosen on our website', 'Please choose Extras: one or more', 'Nothing chosen yet.', '[Ribbon (+$1.00)]', '[Done]'] },
      { press: 'Ribbon (+$1.00)', expect: ['Chosen: Ribbon', '[✓ Ribbon (+$1.00)]', '[Card]'] },
      { press: 'Card', expect: ['Chosen: Ribbon, Card', '[✓ Card]'] },
      { press: '✓ Ribbon (+$1.00)', expect: ['Chosen: Card', '[Ribbon (+$1.00)]'], not: ['Your photo'] },
      { say: 'wrapping', expect: ['Chosen: Card, Wrapping'] },
      { press: 'Done', expect: ['Would you like Stickers? Choose one or more', 'Nothing chosen yet.'] },
      { say: 'done', expect: ['How many Photo mug would you like?'] },
      { say: '1', expect: ['Added 1 × Photo mug to your cart.', 'Extras: Card, Wrapping'], not: ['Stickers:'] },
    ],
  },
  {
    name: 'a required checkbox needs at least one value, and says so with its buttons',
    turns: [
      { say: 'photo' },
      { press: 'Choose' },
      { press: 'Done', expect: ['Extras is needed for this product; please choose at least one', '[Ribbon (+$1.00)]', '[Done]'] },
      { say: 'fertig', expect: ['please choose at least one'] },
      { say: '3', expect: ['Chosen: Wrapping'] },
      { say: 'Done', expect: ['Would you like Stickers?'] },
      { press: 'Stars' },
      { press: 'Hearts', expect: ['Chosen: Stars, Hearts'] },
      { press: 'Done', expect: ['How many Photo mug would you like?'] },
    ],
  },
  {
    name: 'the earlier card\'s "done" finishes the option on screen; its values are refused once the next option is asked',
    turns: [
      { say: 'photo' },
      { press: 'Choose' },
      { press: 'Card', expect: ['Chosen: Card'] },
      { press: 'Done', pressFrom: 1, expect: ['Would you like Stickers?'] },
      { press: 'Card', pressFrom: 1, expect: ['That button belongs to an earlier message', '[Stars]'] },
    ],
  },
]);

describe.each(CHANNELS)('checkbox values on %s', (channelId) => {
  it('go to the checkout as an array per option (option[id][])', async () => {
    const bot = botUnderTest(channelId);
    await bot.say('photo');
    await bot.press('Choose');
    await bot.press('Ribbon (+$1.00)');
    await bot.press('Wrapping');
    await bot.press('Done');
    await bot.press('Hearts');
    await bot.press('Done');
    await bot.say('2');
    const line = (bot.checkout as FakeCheckout).addedLines.at(-1)!;
    expect(line.options).toEqual({ '401': ['61', '63'], '402': ['72'] });
    expect(line.optionLabels).toEqual([
      { name: 'Extras', value: 'Ribbon, Wrapping' },
      { name: 'Stickers', value: 'Hearts' },
    ]);
    expect(shown(bot.last)).toContain('Extras: Ribbon, Wrapping, Stickers: Hearts');
  });

  it('keeps the single-value options (select) to one value', async () => {
    const bot = botUnderTest(channelId);
    await bot.say('canon');
    await bot.press('Choose');
    expect(buttons(bot.last).map((b) => b.title)).toEqual(['Red (+$4.80)', 'Blue']);
    await bot.press('Blue');
    await bot.say('1');
    expect((bot.checkout as FakeCheckout).addedLines.at(-1)!.options).toEqual({ '226': '16' });
  });
});
