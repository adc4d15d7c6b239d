import { ActivityTypes, type TurnContext } from 'botbuilder';
import { Prompt, type PromptOptions, type PromptRecognizerResult, type PromptValidator } from 'botbuilder-dialogs';
import { decodeAction, type CardAction } from '../../src/cards';

/** What the customer answered: typed text, a card button, or a button we can't read (stale or forged). */
export interface CustomerInput {
  text: string;
  action: CardAction | null;
  unreadableButton: boolean;
}

/**
 * One prompt for everything: it accepts typed text and card buttons alike, so every question can be answered
 * either way. Validators send their own translated reason with the question's buttons; an answer nobody
 * responded to (a sticker, an empty message) gets `retryPrompt`, or else the question again.
 */
export class InputPrompt extends Prompt<CustomerInput> {
  constructor(dialogId: string, validator?: PromptValidator<CustomerInput>) {
    super(dialogId, validator);
  }

  protected override async onPrompt(ctx: TurnContext, _state: object, options: PromptOptions, isRetry: boolean): Promise<void> {
    const activity = isRetry ? (options.retryPrompt ?? options.prompt) : options.prompt;
    if (activity) await ctx.sendActivity(activity);
  }

  protected override async onRecognize(ctx: TurnContext): Promise<PromptRecognizerResult<CustomerInput>> {
    if (ctx.activity.type !== ActivityTypes.Message) return { succeeded: false };
    const decoded = decodeAction(ctx.activity);
    const text = decoded.kind === 'none' ? (ctx.activity.text ?? '').trim() : '';
    const value: CustomerInput = {
      text,
      action: decoded.kind === 'action' ? decoded.action : null,
      unreadableButton: decoded.kind === 'invalid',
    };
    return { succeeded: Boolean(value.text || value.action || value.unreadableButton), value };
  }
}
