import type { ChatSession, ChatTurn } from '../../src/server/local-channel';

/** One step of a conversation: something typed, or a button of the last turn clicked by its label. */
export type Step = { say: string } | { click: RegExp };

/**
 * A complete order of 2 red Canon EOS 5D to Berlin, flat-rate shipping, cash on delivery, no code, every field typed
 * one at a time (the search finds one product: no 'choose'; delivery to the billing address and no code by default).
 */
export const CANON_TO_BERLIN: Step[] = [
  { say: 'canon eos' },
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
  { click: /flat shipping/i },
  { click: /cash on delivery/i },
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

/** The same order in German on Teams, answered in German: number words, "ja" typed for yes. */
export const GERMAN_ORDER_TO_MUNICH: Step[] = [
  { say: 'rote canon' },
  { say: 'zwei' },
  { click: /zur kasse/i },
  { say: 'Hans' },
  { say: 'Müller' },
  { say: 'hans@example.de' },
  { say: '+49 89 1234567' },
  { say: 'Deutschland' },
  { say: 'Bayern' },
  { say: 'München' },
  { say: 'Marienplatz 1' },
  { say: '80331' },
  { click: /flat shipping/i },
  { click: /cash on delivery/i },
  { say: 'ja' }, // Bestellung absenden
];

/** The same order in Russian on Telegram, to Kaliningrad (no postcode there), answered in Russian. */
export const RUSSIAN_ORDER_TO_KALININGRAD: Step[] = [
  { say: 'canon eos' },
  { click: /^red$/i },
  { say: 'два' },
  { click: /оформить заказ/i },
  { say: 'Иван' },
  { say: 'Петров' },
  { say: 'ivan@example.ru' },
  { say: '+7 4012 123456' },
  { say: 'Россия' },
  { say: 'Калининград' },
  { say: 'Калининград' },
  { say: 'ул. Ленина, 5' },
  { click: /flat shipping/i },
  { click: /cash on delivery/i },
  { say: 'да' }, // оформить заказ
];
