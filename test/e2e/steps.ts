import type { ChatSession, ChatTurn } from '../../src/server/local-channel';

/** One step of a conversation: something typed, or a button of the last turn clicked by its label. */
export type Step = { say: string } | { click: RegExp };

/** A complete order of 2 red Canon EOS 5D to Berlin, flat-rate shipping, cash on delivery, no code. */
export const CANON_TO_BERLIN: Step[] = [
  { say: 'canon eos' },
  { click: /^choose$/i },
  { click: /^red$/i },
  { say: '2' },
  { click: /checkout/i },
  { say: 'Jane' },
  { say: 'Doe' },
  { say: 'jane@example.com' },
  { say: '+49 30 1234567' },
  { say: 'Germany' },
  { say: 'Berlin' },
  { say: 'Berlin' },
  { say: 'Hauptstr. 1' },
  { say: '10115' },
  { click: /^yes$/i }, // deliver to the same address
  { click: /flat shipping/i },
  { click: /cash on delivery/i },
  { click: /no code/i },
  { click: /place order/i },
];

/** Index of the step after which the billing address is complete (the postcode answer). */
export const AFTER_ADDRESS = CANON_TO_BERLIN.findIndex((step) => 'say' in step && step.say === '10115') + 1;

export function stepTurn(chat: ChatSession, step: Step): Promise<ChatTurn> {
  return 'say' in step ? chat.say(step.say) : chat.click(step.click);
}

/** Plays the steps in order; the text each answer showed, one string per step. */
export async function play(chat: ChatSession, steps: Step[]): Promise<string[]> {
  const transcript: string[] = [];
  for (const step of steps) transcript.push(shown(await stepTurn(chat, step)));
  return transcript;
}

/** What the customer saw in a turn, without typing indicators (their count is no part of the answer). */
export function shown(turn: ChatTurn): string {
  return turn.rendered.lines.filter((line) => line !== '… typing').join('\n');
}

/** Adds stock so that each test can order without depending on what the others took. */
export function restock(store: { hooks: { setStock(id: number, q: number): void; setOptionStock(id: number, q: number): void } }): void {
  store.hooks.setStock(30, 1000);
  store.hooks.setOptionStock(15, 1000);
}
