import { ComponentDialog, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { YesNoRecognizer } from '../commands/commands';
import { DIALOG } from '../ids';
import type { CustomerInput } from '../prompts/input-prompt';
import { problemKey } from '../prompts/problems';
import { yesNoAnswer, yesNoPrompt, yesNoQuestion } from '../prompts/yes-no';
import { showTyping, stepValues, translate, type DialogDeps } from '../turn';

const PROMPT = 'rewardPrompt';
export const REWARD_PROMPT_ID = PROMPT;

/**
 * "You have 500 points; use up to 200 on this order?": asked once per order, only of a customer signed in on the
 * storefront (their session logged in with their customer_id) who has points this cart can take. Guests never.
 */
export class RewardDialog extends ComponentDialog {
  constructor(private readonly deps: DialogDeps, private readonly words: YesNoRecognizer) {
    super(DIALOG.reward);
    this.addDialog(yesNoPrompt(PROMPT, deps, words));
    this.addDialog(new WaterfallDialog('rewardSteps', [this.ask.bind(this), this.answer.bind(this)]));
    this.initialDialogId = 'rewardSteps';
  }

  private async ask(step: WaterfallStepContext) {
    const state = await this.deps.store.checkout(step.context);
    if (state.draft.customerId === null) return step.endDialog();
    await showTyping(step.context);
    const offer = await this.deps.checkout.rewardOffer(state);
    state.draft.reward = 0; // asked (or nothing to offer) for this order
    if (!offer.ok || !offer.value) return step.endDialog();
    stepValues<{ usable: number }>(step).usable = offer.value.usable;
    const t = translate(step.context, this.deps.translator);
    const question = t('reward.offer', { count: offer.value.available, usable: offer.value.usable });
    return step.prompt(PROMPT, { prompt: yesNoQuestion(step.context, this.deps, question) });
  }

  private async answer(step: WaterfallStepContext) {
    const t = translate(step.context, this.deps.translator);
    const { usable = 0 } = stepValues<{ usable: number }>(step);
    if (!yesNoAnswer(step.result as CustomerInput, this.words)) {
      await step.context.sendActivity(t('reward.notUsed'));
      return step.endDialog();
    }
    const state = await this.deps.store.checkout(step.context);
    await showTyping(step.context);
    const used = await this.deps.checkout.useReward(state, usable);
    await step.context.sendActivity(used.ok ? t('reward.used', { count: usable }) : t(problemKey(used.problem)));
    return step.endDialog();
  }
}
