import { ComponentDialog, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { AddressDialog, addressForm } from './address-dialog';
import type { YesNoRecognizer } from '../commands/commands';
import { DIALOG } from '../ids';
import type { CustomerInput } from '../prompts/input-prompt';
import { hasFormInProgress } from '../order-state';
import { problemKey } from '../prompts/problems';
import { showTyping, translate, type DialogDeps } from '../turn';
import { yesNoAnswer, yesNoPrompt, yesNoQuestion } from '../prompts/yes-no';

const SAME_PROMPT = 'shipSamePrompt';

export interface ShippingAddressOptions {
  /** Asked from the summary ("Deliver elsewhere", "Change"), not as a step of the checkout. */
  redo?: boolean;
}

/**
 * Delivery goes to the billing address unless the customer picks "Deliver elsewhere" on the summary: then a delivery
 * address is asked, and "Change" on a delivery address of its own asks whether to go back to the billing address.
 */
export class ShippingAddressDialog extends ComponentDialog {
  constructor(private readonly deps: DialogDeps, private readonly words: YesNoRecognizer) {
    super(DIALOG.shippingAddress);
    this.addDialog(new AddressDialog(deps, words));
    this.addDialog(yesNoPrompt(SAME_PROMPT, deps, words));
    this.addDialog(new WaterfallDialog('shippingAddressSteps', [this.ask.bind(this), this.apply.bind(this)]));
    this.initialDialogId = 'shippingAddressSteps';
  }

  private async ask(step: WaterfallStepContext<ShippingAddressOptions>) {
    // A shipping address half typed before an anytime command: "no" was answered already.
    if (hasFormInProgress(await this.deps.store.flow(step.context), addressForm('shipping'))) return step.replaceDialog(DIALOG.address, { kind: 'shipping' });
    if (!step.options?.redo) return step.next({ text: '', action: { a: 'yes' }, unreadableButton: false } satisfies CustomerInput);
    const { draft } = await this.deps.store.checkout(step.context);
    if (draft.shippingSameAsPayment || !draft.shippingAddress) return step.replaceDialog(DIALOG.address, { kind: 'shipping', skipSaved: false });
    const t = translate(step.context, this.deps.translator);
    return step.prompt(SAME_PROMPT, { prompt: yesNoQuestion(step.context, this.deps, t('address.shipToSame')) });
  }

  private async apply(step: WaterfallStepContext) {
    if (!yesNoAnswer(step.result as CustomerInput, this.words)) return step.replaceDialog(DIALOG.address, { kind: 'shipping' });
    const state = await this.deps.store.checkout(step.context);
    await showTyping(step.context);
    const result = await this.deps.checkout.setShippingAddress(state, 'same');
    if (result.ok) return step.endDialog(true);
    await step.context.sendActivity(translate(step.context, this.deps.translator)(problemKey(result.problem)));
    return step.replaceDialog(this.id);
  }
}
