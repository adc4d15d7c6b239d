import type { Activity } from 'botbuilder';
import { ManualClock } from '../../src/clock';
import { createTranslator } from '../../src/i18n';
import { signShopIdentity, type ShopCustomer } from '../../src/shop-identity';
import type { FakeCheckout } from '../dialogs/fakes';
import { botUnderTest, shown, type BotUnderTest } from '../dialogs/harness';
import { ADDRESS_DE } from '../dialogs/table';

const translator = createTranslator();
const SECRET = 'a-shared-secret-of-at-least-32-characters';
const RITA: ShopCustomer = { customerId: 1, firstName: 'Rita', lastName: 'Rewards', email: 'rita@example.com', telephone: '+44 20 7946 0000' };
const OFFER = translator.t('en', 'reward.offer', { count: 500, usable: 200 });
const SUMMARY = translator.t('en', 'summary.check');

function setUp(signedIn: boolean) {
  const clock = new ManualClock();
  const bot = botUnderTest('webchat', { clock, shopSecret: SECRET });
  const ts = Math.floor(clock.now() / 1000);
  const customer = signedIn ? { v: 2, ...RITA, ts, sig: signShopIdentity(RITA, ts, SECRET) } : undefined;
  const join = () => bot.send({ type: 'event', name: 'webchat/join', value: { language: 'en-gb', productId: '43', customer } });
  return { bot, join, checkout: bot.checkout as FakeCheckout };
}

/** One MacBook from its page, the checkout up to the payment method chosen: what comes next. */
async function throughPayment(bot: BotUnderTest, signedIn: boolean): Promise<Partial<Activity>[]> {
  await bot.say('add this');
  await bot.say('1');
  await bot.press('Checkout');
  if (!signedIn) for (const say of ['Jane', 'Doe', 'jane@example.com', '+49 30 901820']) await bot.say(say);
  for (const turn of ADDRESS_DE) await bot.say(turn.say!);
  await bot.press(/^Flat Shipping Rate/);
  return bot.press('Cash On Delivery');
}

describe('reward points (issue #12): offered only to a customer signed in on the storefront', () => {
  it('"You have 500 points; use up to 200 on this order?" yes: the points are used, then the summary', async () => {
    const { bot, join, checkout } = setUp(true);
    await join();
    const offered = shown(await throughPayment(bot, true));
    expect(offered).toContain(OFFER);
    expect(offered).not.toContain(SUMMARY);
    const answered = shown(await bot.press(translator.t('en', 'common.yes')));
    expect(answered).toContain(translator.t('en', 'reward.used', { count: 200 }));
    expect(answered).toContain(SUMMARY);
    expect(checkout.calls.filter((c) => c === 'useReward')).toHaveLength(1);
  });

  it('typed "no": no points used, the summary; not asked again when the order changes', async () => {
    const { bot, join, checkout } = setUp(true);
    await join();
    await throughPayment(bot, true);
    const answered = shown(await bot.say('no'));
    expect(answered).toContain(translator.t('en', 'reward.notUsed'));
    expect(answered).toContain(SUMMARY);
    expect(shown(await bot.say('change the shipping'))).not.toContain(OFFER);
    expect(checkout.calls).not.toContain('useReward');
  });

  it('a signed-in customer without points (or a cart taking none) is not asked', async () => {
    const { bot, join, checkout } = setUp(true);
    checkout.rewardPoints = 0;
    await join();
    const next = shown(await throughPayment(bot, true));
    expect(next).not.toContain(OFFER);
    expect(next).toContain(SUMMARY);
  });

  it('a guest is never asked, and the shop is not even asked about points', async () => {
    const { bot, join, checkout } = setUp(false);
    await join();
    const next = shown(await throughPayment(bot, false));
    expect(next).not.toContain(OFFER);
    expect(next).toContain(SUMMARY);
    expect(checkout.calls).not.toContain('rewardOffer');
  });
});
