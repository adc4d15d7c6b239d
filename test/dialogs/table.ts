import type { FakeCheckout } from './fakes';
import { CHANNELS, botUnderTest, shown, type BotUnderTest, type BotUnderTestOptions, type ChannelId } from './harness';

/** One customer turn: say text, press a button of the last replies (or of the replies `from` turns ago), or send raw. */
export interface Turn {
  say?: string;
  press?: string | RegExp;
  /** Press the button on the replies of this earlier turn (index into the case's turns), e.g. an old card. */
  pressFrom?: number;
  /** Which of several buttons with the same title (0-based). */
  nth?: number;
  send?: Record<string, unknown>;
  act?: (bot: BotUnderTest) => void;
  expect?: (string | RegExp)[];
  not?: (string | RegExp)[];
}

export interface DialogCase {
  name: string;
  options?: BotUnderTestOptions;
  turns: Turn[];
}

async function play(bot: BotUnderTest, turns: Turn[]): Promise<void> {
  const history: Parameters<typeof shown>[0][] = [];
  for (const [index, turn] of turns.entries()) {
    turn.act?.(bot);
    let replies = bot.last;
    if (turn.say !== undefined) replies = await bot.say(turn.say);
    else if (turn.press !== undefined) replies = await bot.press(turn.press, turn.pressFrom !== undefined ? history[turn.pressFrom] : undefined, turn.nth);
    else if (turn.send) replies = await bot.send(turn.send);
    history.push(replies);
    const text = shown(replies);
    for (const e of turn.expect ?? []) {
      if (typeof e === 'string' ? !text.includes(e) : !e.test(text)) {
        throw new Error(`turn ${index} (${turn.say ?? String(turn.press ?? 'send')}): expected ${String(e)} in:\n${text}`);
      }
    }
    for (const n of turn.not ?? []) {
      if (typeof n === 'string' ? text.includes(n) : n.test(text)) throw new Error(`turn ${index}: did not expect ${String(n)} in:\n${text}`);
    }
  }
}

/** Runs every case on webchat, msteams and telegram. */
export function dialogTable(title: string, cases: DialogCase[], channels: readonly ChannelId[] = CHANNELS): void {
  describe.each(channels)(`${title} on %s`, (channelId) => {
    it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
      await play(botUnderTest(channelId, c.options), c.turns);
    });
  });
}

/** Common ways into the conversation. */
export const ADD_MACBOOK: Turn[] = [
  { say: 'macbook', expect: ['MacBook Air'] },
  { press: 'Choose', expect: ['How many MacBook would you like?'] },
  { say: '1', expect: ['Added 1 × MacBook to your cart.', 'Your cart'] },
];
export const CONTACT: Turn[] = [
  { press: 'Checkout', expect: ['contact details'] },
  { say: 'Jane' },
  { say: 'Doe' },
  { say: 'jane@example.com' },
  { say: '+49 30 901820', expect: ['Now the billing address.'] },
];
export const ADDRESS_DE: Turn[] = [
  { say: 'Germany' },
  { say: 'Berlin' },
  { say: 'Berlin' },
  { say: 'Unter den Linden 1' },
  { say: '10117', expect: ['How shall we ship it?'] },
];
export const TO_SUMMARY: Turn[] = [
  ...ADD_MACBOOK,
  ...CONTACT,
  ...ADDRESS_DE,
  { press: /^Flat Shipping Rate/, expect: ['How would you like to pay?'] },
  { press: 'Cash On Delivery', expect: ['Please check your order.', 'Place order'] },
];

/** The rest of the US address, ending at the shipping question; then the address sent must be Californian. */
export const FINISH_US: Turn[] = [
  { say: 'Los Angeles', expect: ['Street and house number?'] },
  { say: '1 Main Street', expect: ['postcode'] },
  {
    say: '90001',
    expect: ['How shall we ship it?'],
  },
  {
    act: (bot) => {
      expect((bot.checkout as FakeCheckout).paymentAddresses.at(-1)).toMatchObject({
        countryId: 223,
        countryName: 'United States',
        zoneId: 3624,
        zoneName: 'California',
        city: 'Los Angeles',
        address1: '1 Main Street',
        postcode: '90001',
      });
    },
  },
];
