/** Answers to Apple Cinema 30"'s questions (product 42, every option type, all required), by what each question names. */
export const APPLE_CINEMA_ANSWERS: [RegExp, string | RegExp][] = [
  [/Radio/, /^Small/],
  [/Checkbox/, /^Checkbox 1/],
  [/Select/, /^Red/],
  [/Date & Time|Date &amp; Time/, '2026-12-24 18:30'],
  [/Textarea/, 'Please gift wrap.'],
  [/Text/, 'Engraving: HELLO'],
  [/Date/, '2026-12-24'],
  [/Time/, '18:30'],
];

/** The line of a turn that asks the question (the last one naming what to do), or the whole turn. */
export function questionOf(turn: string): string {
  return turn.split('\n').filter((line) => /choose|enter|attach/i.test(line)).pop() ?? turn;
}
