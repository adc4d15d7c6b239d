import { GiftVoucherRequests, parseAmount } from '../../dialogs/shopping/gift-voucher-dialog';
import { createTranslator } from '../../src/i18n';
import type { FakeCheckout } from './fakes';
import { CHANNELS, botUnderTest, shown } from './harness';

describe('gift voucher requests and amounts', () => {
  const requests = new GiftVoucherRequests(createTranslator());
  it.each(['I want to buy a gift card', 'Gift card please', 'buy a gift voucher for my mum', 'Geschenkgutschein kaufen', 'einen Gutschein verschenken', 'подарочный сертификат', 'Хочу подарочную карту'])(
    '"%s" asks to buy one',
    (text) => expect(requests.recognize(text)).toBe(true),
  );
  it.each(['I have a gift card code', 'gift voucher', 'Gutschein einlösen', 'у меня есть код подарочного сертификата', 'macbook', `gift card ${'x'.repeat(200)}`])(
    '"%s" does not',
    (text) => expect(requests.recognize(text)).toBe(false),
  );
  it.each([['25', 25], ['25.50', 25.5], ['25,50', 25.5], ['$25', 25], ['25 €', 25], ['1 000', 1000], ['€ 10,5', 10.5]])('reads %s as %d', (text, amount) => {
    expect(parseAmount(text)).toBe(amount);
  });
  it.each(['', 'abc', '0', '1.2.3', '25 dollars and 3', '-5', '9'.repeat(40)])('reads no amount in "%s"', (text) => expect(parseAmount(text)).toBeNull());
});

describe.each(CHANNELS)('buying a gift voucher on %s', (channelId) => {
  it('asks recipient, sender, amount and message; OpenCart\'s amount limits are told and only the amount asked again; removed like a line', async () => {
    const bot = botUnderTest(channelId);
    expect(shown(await bot.say('I want to buy a gift card'))).toContain('Who is it for?');
    expect(shown(await bot.say('Bob'))).toContain("What is Bob's email address?");
    expect(shown(await bot.say('not an email'))).toMatch(/email/i);
    expect(shown(await bot.say('bob@example.com'))).toContain('your name, as the sender?');
    await bot.say('Rita Smith');
    expect(shown(await bot.say('rita@example.com'))).toContain('How much should it be worth');
    expect(shown(await bot.say('lots'))).toContain('Please type the amount as a number');
    expect(shown(await bot.say('5000'))).toContain('A message for Bob?');
    const refused = shown(await bot.say('Thanks for everything!'));
    expect(refused).toContain('The shop sells gift vouchers from $1.00 to $1,000.00.');
    expect(refused).toContain('How much should it be worth');
    const added = shown(await bot.say('25'));
    expect(added).toContain('Added a $25.00 gift voucher for Bob to your cart.');
    expect(added).toContain('Gift voucher for Bob');
    const checkout = bot.checkout as FakeCheckout;
    expect(checkout.calls.filter((c) => c === 'addGiftVoucher')).toHaveLength(2);
    const removed = shown(await bot.press(/^Remove/));
    expect(removed).toContain('Removed Gift voucher for Bob');
    expect(checkout.calls).toContain('removeGiftVoucher');
  });

  it('in German: "No message" skips the message; the cart shows the product and the voucher', async () => {
    const bot = botUnderTest(channelId, { defaultLocale: 'de' });
    await bot.say('macbook');
    await bot.press('Auswählen');
    await bot.say('1');
    const opening = await bot.say('Geschenkgutschein kaufen');
    expect(shown(opening)).toContain('Für wen ist er?');
    await bot.say('Bob');
    await bot.say('bob@example.com');
    await bot.say('Rita');
    await bot.say('rita@example.com');
    await bot.say('30');
    const cart = shown(await bot.press('Keine Nachricht'));
    expect(cart).toContain('Geschenkgutschein für Bob');
    expect(cart).toContain('MacBook');
    expect(cart).toContain('$30.00');
  });

  it('a gift voucher alone (asked in Russian words) is a cart to check out', async () => {
    const bot = botUnderTest(channelId);
    await bot.say('подарочный сертификат');
    for (const answer of ['Bob', 'bob@example.com', 'Rita', 'rita@example.com', '10']) await bot.say(answer);
    const cart = shown(await bot.press(/^No message$/));
    expect(cart).toContain('Gift voucher for Bob');
    expect(cart).not.toContain('Your cart is empty');
    const next = shown(await bot.press('Checkout'));
    expect(next).not.toMatch(/What are you looking for|cart is empty/);
  });

  it('in German the amount is asked in EUR, and the order is in EUR before OpenCart reads the amount', async () => {
    const bot = botUnderTest(channelId, { defaultLocale: 'de' });
    await bot.say('Geschenkgutschein kaufen');
    for (const answer of ['Anna', 'anna@example.com', 'Max', 'max@example.com']) await bot.say(answer);
    expect(shown(bot.last)).toContain('Welchen Wert soll er haben (in EUR)?');
    await bot.say('40');
    await bot.say('Alles Gute!');
    const calls = (bot.checkout as FakeCheckout).calls;
    expect(calls.indexOf('setCurrency')).toBeGreaterThanOrEqual(0);
    expect(calls.indexOf('setCurrency')).toBeLessThan(calls.indexOf('addGiftVoucher'));
  });
});
