import type { Activity } from 'botbuilder';
import { botUnderTest, buttons, shown, type BotUnderTest } from './harness';
import { TO_SUMMARY, type Turn } from './table';

type Hero = { text?: string; buttons: { title: string; value: string }[] };

async function playTurns(bot: BotUnderTest, turns: Turn[]): Promise<Partial<Activity>[]> {
  for (const turn of turns) {
    if (turn.say !== undefined) await bot.say(turn.say);
    else if (turn.press !== undefined) await bot.press(turn.press);
  }
  return bot.last;
}

const cards = (replies: Partial<Activity>[]) => replies.flatMap((r) => r.attachments ?? []);

describe('messages on telegram', () => {
  it('the order summary is one message: the whole summary as text and one inline keyboard', async () => {
    const bot = botUnderTest('telegram');
    const replies = await playTurns(bot, TO_SUMMARY);
    expect(replies).toHaveLength(1);
    expect(cards(replies)).toHaveLength(1);
    const card = cards(replies)[0].content as Hero;
    expect(replies[0].text).toBeUndefined();
    expect(card.text).toMatch(/^Please check your order\.\n\n\*\*Your order\*\*\n/);
    for (const part of ['1 × MacBook: $602.00', 'Jane Doe, jane@example.com', 'Unter den Linden 1, 10117 Berlin, Berlin, Germany', 'Same as billing address', 'Flat Shipping Rate — $5.00', 'Cash On Delivery', 'none']) {
      expect(card.text).toContain(part);
    }
    expect(card.buttons.map((b) => b.title)).toEqual([
      'Change: Products',
      'Change: Contact',
      'Change: Billing address',
      'Deliver elsewhere',
      'Change: Shipping',
      'Change: Payment',
      'Add a coupon or gift voucher',
      'Place order',
    ]);
  });

  it('a refused answer at the summary comes back as one message with the reason and the same keyboard', async () => {
    const bot = botUnderTest('telegram');
    await playTurns(bot, TO_SUMMARY);
    const replies = await bot.say('hmm');
    expect(replies).toHaveLength(1);
    const card = cards(replies)[0].content as Hero;
    expect(card.text).toMatch(/^Press "Place order" to order/);
    expect(buttons(replies).map((b) => b.title)).toContain('Deliver elsewhere');
    expect(shown(await bot.press('Deliver elsewhere'))).toContain('Where shall we deliver?');
  });

  it('the cart is one message; its line buttons act on their line', async () => {
    const bot = botUnderTest('telegram');
    await bot.say('macbook');
    await bot.press('Choose');
    const added = await bot.say('1');
    expect(cards(added)).toHaveLength(1);
    expect(buttons(added).map((b) => b.title)).toEqual(['Change quantity: MacBook', 'Remove: MacBook', 'Add something else', 'Checkout']);
    await bot.say('canon');
    await bot.press('Choose');
    await bot.press(/^Blue/);
    const two = await bot.say('1');
    expect(cards(two)).toHaveLength(1);
    expect(buttons(two).map((b) => b.title)).toEqual([
      'Change quantity: MacBook',
      'Remove: MacBook',
      'Change quantity: Canon EOS 5D (Select: Blue)',
      'Remove: Canon EOS 5D (Select: Blue)',
      'Add something else',
      'Checkout',
    ]);
    const removed = await bot.press('Remove: MacBook');
    expect(shown(removed)).toContain('Removed MacBook from your cart.');
    expect(buttons(removed).map((b) => b.title)).toEqual(['Change quantity: Canon EOS 5D (Select: Blue)', 'Remove: Canon EOS 5D (Select: Blue)', 'Add something else', 'Checkout']);
  });
});
