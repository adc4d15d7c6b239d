import type { ChatSession } from '../../src/server/local-channel';
import { shown, stepTurn, type Step } from './steps';

/**
 * Plays the steps like steps.ts' `play`, but a button the conversation no longer shows (a question other work made
 * unnecessary, or one already answered) is skipped instead of failing: for tests about something else than the steps.
 */
export async function playSkippingAbsent(chat: ChatSession, steps: Step[]): Promise<string[]> {
  const transcript: string[] = [];
  for (const step of steps) {
    if ('click' in step && !chat.lastTurn.rendered.buttons.some((button) => step.click.test(button.label))) continue;
    transcript.push(shown(await stepTurn(chat, step)));
  }
  return transcript;
}
