import { MemoryStorage } from 'botbuilder';
import { CHANNELS, botUnderTest, shown } from './harness';
import { ADD_MACBOOK, CONTACT, TO_SUMMARY, dialogTable } from './table';
import type { FakeCatalog, FakeCheckout } from './fakes';

dialogTable('anytime commands', [
  { name: '"help" explains and asks the open question again', turns: [...ADD_MACBOOK, { press: 'Checkout' }, { say: 'help', expect: ['Here is what you can say', 'contact details'] }] },
  {
    name: '"cart" in the middle of checkout shows the cart; "checkout" comes back to the open question',
    turns: [...ADD_MACBOOK, ...CONTACT, { say: 'cart', expect: ['Your cart', 'MacBook', 'Total'] }, { press: 'Checkout', expect: ['Now the billing address.', 'postcode and country'], not: ['first name'] }],
  },
  { name: '"start over" clears the order', turns: [...ADD_MACBOOK, { press: 'Checkout' }, { say: 'Start over!', expect: ['your order was cleared', 'What are you looking for?'] }, { say: 'cart', expect: ['Your cart is empty.'] }] },
  {
    name: '"change language" switches and is remembered',
    turns: [
      ...ADD_MACBOOK,
      { say: 'change language', expect: ['Which language would you like?', '[Deutsch]', '[Русский]'] },
      { press: 'Deutsch', expect: ['Ab jetzt spreche ich Deutsch.', 'Ihr Warenkorb', '[Zur Kasse]'] },
      { press: 'Zur Kasse', expect: ['Kontaktdaten'] },
      { say: 'hilfe', expect: ['Das können Sie jederzeit sagen'] },
    ],
  },
  { name: 'a language button from an old card still switches', turns: [{ say: 'language' }, { say: 'macbook', expect: ['MacBook Air'] }, { press: 'Русский', pressFrom: 0, expect: ['Теперь я говорю по-русски.', 'Что вы ищете?'] }] },
  { name: 'naming a language switches to it', turns: [...ADD_MACBOOK, { press: 'Checkout' }, { say: 'Русский', expect: ['Теперь я говорю по-русски.', 'контактные данные'] }, { say: 'english', expect: ["From now on I'll speak English.", 'contact details'] }] },
  { name: '"forget me" deletes saved details and goes on', turns: [...ADD_MACBOOK, { press: 'Checkout' }, { say: 'forget me', expect: ['I have deleted your saved details.', 'contact details'] }] },
  { name: 'words that are no command are searched', turns: [{ say: 'helpful camera canon', expect: ['Canon EOS 5D'] }] },
]);

dialogTable('buttons from old or forged cards', [
  { name: 'an old "choose" during contact details is refused clearly', turns: [...ADD_MACBOOK, { press: 'Checkout' }, { press: 'Choose', pressFrom: 0, expect: ['That button belongs to an earlier message'] }, { say: 'Jane', expect: ['last name'] }] },
  { name: 'a forged submit is refused, not a crash', turns: [...ADD_MACBOOK, { press: 'Checkout' }, { send: { value: { oc: { a: 'rm', v: 'x'.repeat(300) } } }, expect: ['That button belongs to an earlier message'] }, { send: { value: { hack: true } }, expect: ['That button belongs to an earlier message'] }] },
  { name: 'a forged Telegram callback while idle gets the greeting', turns: [{ say: 'oc:bogus:1', expect: ['That button belongs to an earlier message', 'I can take your order'] }] },
  { name: 'an old cart button mid-checkout acts on the cart', turns: [...ADD_MACBOOK, ...CONTACT, { press: /^Remove/, pressFrom: 2, expect: ['Removed MacBook from your cart.'] }] },
  { name: 'an old summary "change" after the order is refused', turns: [...TO_SUMMARY, { press: 'Place order' }, { press: 'No' }, { say: 'canon' }, { press: /^Add a coupon or gift voucher$/, pressFrom: TO_SUMMARY.length - 1, expect: ['That button belongs to an earlier message'] }] },
]);

describe.each(CHANNELS)('resilience on %s', (channelId) => {
  it('says the shop is unreachable, keeps the draft and the question, and goes on when it is back', async () => {
    const bot = botUnderTest(channelId);
    await bot.say('macbook');
    await bot.press('Choose');
    await bot.say('1');
    await bot.press('Checkout');
    await bot.say('Jane');
    (bot.checkout as FakeCheckout).down = true;
    await bot.say('Doe');
    await bot.say('jane@example.com');
    expect(shown(await bot.say('+49 30 901820'))).toContain('the shop is not reachable');
    (bot.checkout as FakeCheckout).down = false;
    expect(shown(await bot.say('+49 30 901820'))).toContain('postcode and country');
    (bot.catalog as FakeCatalog).down = true;
    expect(shown(await bot.say('Germany'))).toContain('the shop is not reachable');
    (bot.catalog as FakeCatalog).down = false;
    expect(shown(await bot.say('Germany'))).toContain('Which region or state in Germany?');
  });

  it('keeps a half-finished order when the customer leaves and comes back', async () => {
    const storage = new MemoryStorage();
    const first = botUnderTest(channelId, { storage });
    await first.say('2 red canon'); // product and option named: straight into the cart, no 'Choose'
    await first.press('Checkout');
    await first.say('Jane');
    const later = botUnderTest(channelId, { storage, checkout: first.checkout });
    expect(shown(await later.say('Doe'))).toContain('email');
    expect(shown(await later.say('cart'))).toContain('Canon EOS 5D');
  });

  it('offers a returning customer their saved details, only after consent', async () => {
    const storage = new MemoryStorage();
    const first = botUnderTest(channelId, { storage, userId: 'u1', conversationId: 'c1' });
    for (const turn of TO_SUMMARY) {
      if (turn.say !== undefined) await first.say(turn.say);
      else await first.press(turn.press!);
    }
    await first.press('Place order');
    await first.press('Yes');
    const next = botUnderTest(channelId, { storage, userId: 'u1', conversationId: 'c2' });
    await next.say('ipod');
    await next.press('Choose');
    await next.press('Skip');
    await next.say('1');
    // One question for contact, address and methods; one click takes them all to the summary.
    const offer = shown(await next.press('Checkout'));
    expect(offer).toContain('Shall I use your saved details? Jane Doe, jane@example.com');
    expect(offer).toContain('Jane Doe, Unter den Linden 1, 10117 Berlin');
    const summary = shown(await next.press('Yes'));
    expect(summary).toContain('Please check your order.');
    expect(summary).toContain('Jane Doe, Unter den Linden 1, 10117 Berlin');
    expect(summary).toContain('Flat Shipping Rate');
    await next.say('forget me');
    const third = botUnderTest(channelId, { storage, userId: 'u1', conversationId: 'c3' });
    await third.say('ipod');
    await third.press('Choose');
    await third.press('Skip');
    await third.say('1');
    expect(shown(await third.press('Checkout'))).toContain('contact details');
  });
});

describe('greeting and language per channel', () => {
  it.each(['webchat', 'msteams'] as const)('greets new members on %s in their language', async (channelId) => {
    const bot = botUnderTest(channelId);
    const replies = await bot.send({ type: 'conversationUpdate', membersAdded: [{ id: 'user1', name: 'user' }], locale: 'de-DE' });
    expect(shown(replies)).toContain('Hallo! Ich nehme gern Ihre Bestellung');
  });

  it('greets on /start on Telegram in the language of the Telegram user, and not on conversationUpdate', async () => {
    const bot = botUnderTest('telegram', { template: { channelData: { message: { from: { language_code: 'ru' } } } } });
    expect(await bot.send({ type: 'conversationUpdate', membersAdded: [{ id: 'user1', name: 'user' }] })).toEqual([]);
    expect(shown(await bot.say('/start'))).toContain('Здравствуйте!');
    expect(shown(await bot.say('macbook'))).toContain('Нашёл 3 товара по запросу «macbook»');
  });

  it('reads the Teams clientInfo locale and sets the euro for German customers', async () => {
    const bot = botUnderTest('msteams', { template: { entities: [{ type: 'clientInfo', locale: 'de-DE' }] } });
    await bot.say('macbook');
    await bot.press('Auswählen');
    expect(shown(await bot.say('1'))).toContain('1 × MacBook liegt jetzt in Ihrem Warenkorb.');
    expect((bot.checkout as FakeCheckout).calls).toContain('setCurrency');
  });
});

dialogTable('currency', [
  { name: '"currency EUR" switches the currency and shows the cart again', turns: [...ADD_MACBOOK, { say: 'currency eur', expect: ['Prices are now shown in EUR.', 'Your cart'] }] },
  { name: 'a currency the shop does not offer is said plainly', turns: [...ADD_MACBOOK, { say: 'currency XYZ', expect: ["The shop doesn't offer that currency.", 'Your cart'] }] },
  { name: '"currency" alone explains how', turns: [{ say: 'currency', expect: ['for example "currency EUR"'] }] },
]);

describe.each(CHANNELS)('a double click on "place order" on %s', (channelId) => {
  it('places one order and answers both clicks with the same number', async () => {
    const bot = botUnderTest(channelId);
    for (const turn of TO_SUMMARY) {
      if (turn.say !== undefined) await bot.say(turn.say);
      else await bot.press(turn.press!);
    }
    const summary = bot.last;
    const [first, second] = await Promise.all([bot.press('Place order', summary), bot.press('Place order', summary)]);
    expect((bot.checkout as FakeCheckout).placedOrders).toBe(1);
    expect(shown([...first, ...second])).toMatch(/Your order number is 1001[\s\S]*Your order 1001 has already been placed/);
  });
});
