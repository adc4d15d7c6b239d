import { CHANNELS, botUnderTest, shown } from './harness';
import type { FakeCheckout } from './fakes';

describe.each(CHANNELS)('a whole order on %s', (channelId) => {
  it('goes from a free-text search to a placed order, and a second "place order" answers the same number', async () => {
    const bot = botUnderTest(channelId);
    const checkout = bot.checkout as FakeCheckout;

    expect(shown(await bot.say('I need 2 red Canon cameras'))).toMatch(/Canon EOS 5D[\s\S]*Special: \$98\.00 \(instead of \$122\.00\)/);
    // red was named, 2 was named: no option or quantity question
    const added = shown(await bot.press('Choose'));
    expect(added).toContain('Added 2 × Canon EOS 5D to your cart.');
    expect(added).toContain('Your cart');
    expect(added).toContain('Select: Red');
    expect(shown(await bot.press('Checkout'))).toContain('contact details');
    expect(shown(await bot.say('Jane'))).toContain('last name');
    expect(shown(await bot.say('Doe'))).toContain('email');
    expect(shown(await bot.say('not-an-email'))).toContain("That email address doesn't look right");
    expect(shown(await bot.say('jane@example.com'))).toContain('phone');
    expect(shown(await bot.say('+49 30 901820'))).toContain('postcode and country');
    expect(shown(await bot.say('Narnia'))).toContain("I don't know that country");
    expect(shown(await bot.say('Germany'))).toContain('Which region or state in Germany?');
    expect(shown(await bot.say('Berlin'))).toContain('Which city?');
    expect(shown(await bot.say('Berlin'))).toContain('Street and house number?');
    expect(shown(await bot.say('Unter den Linden 1'))).toContain('postcode');
    const shipping = shown(await bot.say('10117'));
    expect(shipping).toContain('How shall we ship it?');
    expect(shipping).toContain('Flat Shipping Rate — $5.00');
    expect(shown(await bot.press('Flat Shipping Rate — $5.00'))).toContain('Cash On Delivery');
    expect(shown(await bot.press('Cash On Delivery'))).toContain('Add a coupon or gift voucher');
    expect(shown(await bot.press('Add a coupon or gift voucher'))).toContain('Do you have a coupon');
    expect(shown(await bot.say('WRONG'))).toContain('not valid');
    expect(shown(await bot.say('2222'))).toContain('Coupon 2222 applied.');
    const summary = shown(bot.last);
    expect(summary).toContain('Your order');
    expect(summary).toContain('2 × Canon EOS 5D (Select: Red)');
    expect(summary).toContain('Jane Doe, Unter den Linden 1, 10117 Berlin, Berlin, Germany');
    expect(summary).toContain('Same as billing address');
    expect(summary).toContain('coupon 2222');
    const summaryReplies = bot.last;
    const placed = shown(await bot.press('Place order'));
    expect(placed).toContain('Your order number is 1001');
    expect(placed).toContain('jane@example.com');
    expect(placed).toContain('remember your contact details');
    // the same button pressed again: same order, not a second one
    expect(shown(await bot.press('Place order', summaryReplies))).toContain('Your order 1001 has already been placed');
    expect(checkout.placedOrders).toBe(1);
  });
});
