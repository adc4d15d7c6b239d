import { ComponentDialog, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { choiceCard } from '../../src/cards';
import { DIALOG } from '../ids';
import { InputPrompt, type CustomerInput } from '../prompts/input-prompt';
import { cardActivity, showTyping, translate, type DialogDeps } from '../turn';
import { answerValidator, refusalOf } from '../prompts/validation';
import { checkCode } from '../prompts/input-checks';

const PROMPT = 'codePrompt';

/** An optional coupon or gift voucher code: tried as a coupon first, then as a voucher. */
export class CodesDialog extends ComponentDialog {
  constructor(private readonly deps: DialogDeps) {
    super(DIALOG.codes);
    const validator = answerValidator(deps, { actions: ['skip'], limit: 'code', text: (text) => refusalOf(checkCode(text)) });
    this.addDialog(new InputPrompt(PROMPT, validator));
    this.addDialog(new WaterfallDialog('codeSteps', [this.ask.bind(this), this.apply.bind(this)]));
    this.initialDialogId = 'codeSteps';
  }

  private async ask(step: WaterfallStepContext) {
    const t = translate(step.context, this.deps.translator);
    const card = choiceCard({ text: t('codes.ask'), choices: [{ title: t('codes.noCode'), action: { a: 'skip' } }] });
    return step.prompt(PROMPT, { prompt: cardActivity(step.context, card) });
  }

  private async apply(step: WaterfallStepContext) {
    const input = step.result as CustomerInput;
    if (input.action?.a === 'skip') return step.endDialog({ done: true });
    const t = translate(step.context, this.deps.translator);
    const state = await this.deps.store.checkout(step.context);
    const code = input.text.trim();
    await showTyping(step.context);
    const coupon = await this.deps.checkout.applyCoupon(state, code);
    if (coupon.ok) {
      await step.context.sendActivity(t('codes.couponApplied', { code }));
      return step.endDialog({ done: true });
    }
    const voucher = await this.deps.checkout.applyVoucher(state, code);
    if (voucher.ok) {
      await step.context.sendActivity(t('codes.voucherApplied', { code }));
      return step.endDialog({ done: true });
    }
    await step.context.sendActivity(t('codes.invalid', { code }));
    return step.replaceDialog(this.id);
  }
}
