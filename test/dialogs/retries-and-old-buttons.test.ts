import type { Activity } from 'botbuilder';
import { CHANNELS, botUnderTest, buttons, shown, type BotUnderTest } from './harness';
import { TO_SUMMARY } from './table';
import type { FakeCheckout } from './fakes';

async function toSummary(bot: BotUnderTest): Promise<Partial<Activity>[]> {
  for (const turn of TO_SUMMARY) {
    if (turn.say !== undefined) await bot.say(turn.say);
    else await bot.press(turn.press!);
  }
  return bot.last;
}

/** The refusal and the question's buttons arrive as one message, and those buttons still answer the question. */
function expectReasonWithButtons(replies: Partial<Activity>[], reason: string, titles: string[]): void {
  expect(replies).toHaveLength(1);
  expect(shown(replies)).toContain(reason);
  expect(buttons(replies).map((b) => b.title)).toEqual(expect.arrayContaining(titles));
}

describe.each(CHANNELS)('a refused answer on %s', (channelId) => {
  it('re-sends the yes/no buttons with "please answer yes or no", and they still work', async () => {
    const bot = botUnderTest(channelId);
    await toSummary(bot);
    await bot.press('Place order');
    expectReasonWithButtons(await bot.say('maybe'), 'Please answer yes or no.', ['Yes', 'No']);
    expect(shown(await bot.press('No'))).toContain("Okay, I won't keep them.");
  });

  it('re-sends the quantity shortcuts with the reason', async () => {
    const bot = botUnderTest(channelId);
    await bot.say('macbook');
    await bot.press('Choose');
    expectReasonWithButtons(await bot.say('lots'), 'Please type the quantity as a number', ['1', '2', '3']);
    expect(shown(await bot.press('2'))).toContain('Added 2 × MacBook to your cart.');
  });

  it('re-sends the option values with the reason, and a stale button gets the buttons too', async () => {
    const bot = botUnderTest(channelId);
    const results = await bot.say('canon');
    await bot.press('Choose');
    expectReasonWithButtons(await bot.say('purple'), 'Please choose one of the values for Select', ['Red (+$4.80)', 'Blue']);
    expectReasonWithButtons(await bot.press('Browse categories', results), 'That button belongs to an earlier message', ['Red (+$4.80)', 'Blue']);
    expect(shown(await bot.press('Blue'))).toContain('How many Canon EOS 5D would you like?');
  });

  it('re-sends the payment methods when what the customer types names none of them', async () => {
    const bot = botUnderTest(channelId);
    await toSummary(bot);
    await bot.say('change payment');
    expectReasonWithButtons(await bot.say('by pigeon please'), 'Please choose one of them, by button, number or name.', ['Cash On Delivery', 'Bank Transfer']);
  });

  it('keeps a typed-field refusal to the reason alone (nothing to click there)', async () => {
    const bot = botUnderTest(channelId);
    await bot.say('macbook');
    await bot.press('Choose');
    await bot.say('1');
    await bot.press('Checkout');
    await bot.say('Jane');
    await bot.say('Doe');
    const replies = await bot.say('not-an-email');
    expect(shown(replies)).toBe("That email address doesn't look right. Please type it like name@example.com.");
  });

  it('asks again, with the buttons, after a message that is no answer at all (a sticker)', async () => {
    const bot = botUnderTest(channelId);
    await bot.say('macbook');
    await bot.press('Choose');
    const replies = await bot.send({ text: '', attachments: [{ contentType: 'image/webp', contentUrl: 'http://x.test/s.webp' }] });
    expectReasonWithButtons(replies, 'How many MacBook would you like?', ['1', '2', '3']);
  });
});

describe.each(CHANNELS)('an old "place order" button on %s', (channelId) => {
  it('during the consent question answers the same order number and asks the consent question again', async () => {
    const bot = botUnderTest(channelId);
    const summary = await toSummary(bot);
    expect(shown(await bot.press('Place order'))).toContain('Your order number is 1001');
    const again = await bot.press('Place order', summary);
    expect(shown(again)).toMatch(/Your order 1001 has already been placed[\s\S]*remember your contact details/);
    expect(shown(again)).not.toContain('Please answer yes or no.');
    expect(buttons(again).map((b) => b.title)).toEqual(['Yes', 'No']);
    expect((bot.checkout as FakeCheckout).placedOrders).toBe(1);
  });

  it('while looking for the next product, and when nothing is asked, answers the same number', async () => {
    const bot = botUnderTest(channelId);
    const summary = await toSummary(bot);
    await bot.press('Place order');
    await bot.press('No');
    expect(shown(await bot.press('Place order', summary))).toContain('Your order 1001 has already been placed');
    await bot.say('macbook');
    await bot.press('Choose');
    const again = shown(await bot.press('Place order', summary));
    expect(again).toMatch(/Your order 1001 has already been placed[\s\S]*How many MacBook would you like\?/);
    expect((bot.checkout as FakeCheckout).placedOrders).toBe(1);
  });

  it('on the summary of the next order does not place that one', async () => {
    const bot = botUnderTest(channelId);
    const first = await toSummary(bot);
    await bot.press('Place order');
    await bot.press('Yes');
    await bot.say('ipod');
    await bot.press('Choose');
    await bot.press('Skip');
    await bot.say('1');
    await bot.press('Checkout');
    for (let i = 0; i < 6 && !shown(bot.last).includes('Place order'); i += 1) {
      const last = buttons(bot.last).map((b) => b.title);
      if (last.includes('Yes')) await bot.press('Yes');
      else if (last.includes('Flat Shipping Rate — $5.00')) await bot.press('Flat Shipping Rate — $5.00');
      else if (last.includes('Cash On Delivery')) await bot.press('Cash On Delivery');
      else await bot.press('No code');
    }
    expect(shown(bot.last)).toContain('Please check your order.');
    const old = shown(await bot.press('Place order', first));
    expect(old).toMatch(/Your order 1001 has already been placed[\s\S]*Place order/);
    expect((bot.checkout as FakeCheckout).placedOrders).toBe(1);
    expect(shown(await bot.press('Place order'))).toContain('Your order number is 1002');
  });
});
