import { ComponentDialog, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { YesNoRecognizer } from '../commands/commands';
import { DIALOG } from '../ids';
import type { CustomerInput } from '../prompts/input-prompt';
import { translate, type DialogDeps } from '../turn';
import { yesNoAnswer, yesNoPrompt, yesNoQuestion } from '../prompts/yes-no';

const PROMPT = 'consentPrompt';
export const CONSENT_PROMPT_ID = PROMPT;

/** Asks once whether to remember contact details and addresses for next time; stores them only on "yes". */
export class ConsentDialog extends ComponentDialog {
  constructor(private readonly deps: DialogDeps, private readonly words: YesNoRecognizer) {
    super(DIALOG.consent);
    this.addDialog(yesNoPrompt(PROMPT, deps, words));
    this.addDialog(new WaterfallDialog('consentSteps', [this.ask.bind(this), this.answer.bind(this)]));
    this.initialDialogId = 'consentSteps';
  }

  private async ask(step: WaterfallStepContext) {
    (await this.deps.store.flow(step.context)).consentAsked = true;
    const t = translate(step.context, this.deps.translator);
    return step.prompt(PROMPT, { prompt: yesNoQuestion(step.context, this.deps, t('profile.askConsent')) });
  }

  private async answer(step: WaterfallStepContext) {
    const t = translate(step.context, this.deps.translator);
    if (!yesNoAnswer(step.result as CustomerInput, this.words)) {
      await step.context.sendActivity(t('profile.notRemembered'));
      return step.endDialog(false);
    }
    const profile = await this.deps.store.profile(step.context);
    profile.consent = true;
    await rememberOrderDetails(this.deps, step.context);
    await step.context.sendActivity(t('profile.remembered'));
    return step.endDialog(true);
  }
}

/** Copies the order's contact and addresses into the profile, for customers who agreed. */
export async function rememberOrderDetails(deps: DialogDeps, ctx: WaterfallStepContext['context']): Promise<void> {
  const profile = await deps.store.profile(ctx);
  if (!profile.consent) return;
  const { draft } = await deps.store.checkout(ctx);
  profile.contact = draft.contact ?? profile.contact;
  profile.paymentAddress = draft.paymentAddress ?? profile.paymentAddress;
  profile.shippingAddress = draft.shippingSameAsPayment ? null : (draft.shippingAddress ?? profile.shippingAddress);
  profile.shippingMethod = draft.shippingMethod?.code ?? profile.shippingMethod;
  profile.paymentMethod = draft.paymentMethod?.code ?? profile.paymentMethod;
}
