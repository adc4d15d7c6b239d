import type { Activity, TurnContext } from 'botbuilder';
import { ComponentDialog, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { CheckoutState, DraftLine } from '../../src/domain/checkout-port';
import { cartCard, type CardAction } from '../../src/cards';
import { DIALOG } from '../ids';
import { InputPrompt, type CustomerInput } from '../prompts/input-prompt';
import { problemKey } from '../prompts/problems';
import { parseCartEdit } from '../../src/domain/parsers';
import { QuantityDialog } from './quantity-dialog';
import { cardActivity, showTyping, stepValues, translate, type DialogDeps } from '../turn';
import { answerValidator } from '../prompts/validation';

const PROMPT = 'cartPrompt';
export const CART_PROMPT_ID = PROMPT;

export interface CartOptions {
  /** A cart button pressed elsewhere (an older cart card), to act on right away. */
  action?: CardAction;
}

/**
 * The cart as the customer sees it: its card, or the text "Your cart is empty." when it holds nothing. The
 * draft's own (storefront) prices: OpenCart's cart is read once, for the summary's totals.
 */
export async function cartView(ctx: TurnContext, deps: DialogDeps): Promise<Partial<Activity> | string> {
  const { draft } = await deps.store.checkout(ctx);
  const t = translate(ctx, deps.translator);
  if (!draft.lines.length && !draft.giftVouchers.length) return t('cart.empty');
  return cardActivity(ctx, cartCard(draft.lines, t, draft.giftVouchers));
}

/** Where the customer goes from the cart. */
export type CartOutcome = { next: 'shop'; text?: string } | { next: 'checkout' };

/** Shows the cart as a card (no call to OpenCart) and changes it: per-line quantity and remove, "add something else", "checkout". */
export class CartDialog extends ComponentDialog {
  constructor(private readonly deps: DialogDeps) {
    super(DIALOG.cart);
    this.addDialog(new QuantityDialog(deps));
    this.addDialog(new InputPrompt(PROMPT, answerValidator(deps, { actions: ['qty', 'rm', 'add', 'checkout'], limit: 'search', text: () => null })));
    this.addDialog(new WaterfallDialog('cartSteps', [this.show.bind(this), this.act.bind(this), this.quantityChanged.bind(this)]));
    this.initialDialogId = 'cartSteps';
  }

  private async show(step: WaterfallStepContext<CartOptions>) {
    if (step.options.action) return step.next({ text: '', action: step.options.action, unreadableButton: false });
    const view = await cartView(step.context, this.deps);
    if (typeof view === 'string') {
      await step.context.sendActivity(view);
      return step.endDialog({ next: 'shop' } satisfies CartOutcome);
    }
    return step.prompt(PROMPT, { prompt: view });
  }

  private async act(step: WaterfallStepContext<CartOptions>) {
    const input = step.result as CustomerInput;
    if (!input.action) {
      const edit = await this.typedEdit(step, input.text);
      return edit ?? step.endDialog({ next: 'shop', text: input.text } satisfies CartOutcome);
    }
    const action = input.action;
    if (action.a === 'add') return step.endDialog({ next: 'shop' } satisfies CartOutcome);
    if (action.a === 'checkout') return step.endDialog({ next: 'checkout' } satisfies CartOutcome);
    const t = translate(step.context, this.deps.translator);
    const state = await this.deps.store.checkout(step.context);
    if (action.a === 'rm' && state.draft.giftVouchers.some((v) => v.voucherId === action.v)) return this.removeGiftVoucher(step, action.v ?? '');
    const line = state.draft.lines.find((l) => l.lineId === action.v);
    if (!line) {
      await step.context.sendActivity(t('problems.LINE_NOT_FOUND'));
      return step.replaceDialog(this.id, {});
    }
    if (action.a === 'qty') {
      stepValues<{ lineId: string }>(step).lineId = line.lineId;
      return step.beginDialog(DIALOG.quantity, { productName: line.name, minimum: line.minimum });
    }
    return this.removeLine(step, state, line);
  }

  /** A line's "Remove", pressed or typed: said, then the cart again. */
  private async removeLine(step: WaterfallStepContext<CartOptions>, state: CheckoutState, line: DraftLine) {
    const t = translate(step.context, this.deps.translator);
    await showTyping(step.context);
    const removed = await this.deps.checkout.removeLine(state, line.lineId);
    await step.context.sendActivity(removed.ok ? t('cart.removed', { name: line.name }) : t(problemKey(removed.problem)));
    return step.replaceDialog(this.id, {});
  }

  /** A line's new quantity, chosen or typed; a refusal is said. True when it was changed. */
  private async changeQuantity(step: WaterfallStepContext<CartOptions>, state: CheckoutState, lineId: string, quantity: number) {
    await showTyping(step.context);
    const changed = await this.deps.checkout.changeQuantity(state, lineId, quantity);
    if (!changed.ok) await step.context.sendActivity(translate(step.context, this.deps.translator)(problemKey(changed.problem)));
    return changed.ok;
  }

  /** "remove the iphone", "macbook air to 2": done as the line's buttons do; null when the text asks no change. */
  private async typedEdit(step: WaterfallStepContext<CartOptions>, text: string) {
    const state = await this.deps.store.checkout(step.context);
    const lines = state.draft.lines.map((line) => ({
      lineId: line.lineId,
      name: line.name,
      optionValues: line.optionLabels.map((label) => label.value),
    }));
    const edit = parseCartEdit(text, lines);
    if (!edit) return null;
    const t = translate(step.context, this.deps.translator);
    if (edit.kind === 'unclear') {
      await step.context.sendActivity(t(edit.lines === 'none' ? 'cart.notInCart' : 'cart.whichLine'));
      return step.replaceDialog(this.id, {});
    }
    const line = state.draft.lines.find((l) => l.lineId === edit.lineId)!;
    if (edit.kind === 'remove') return this.removeLine(step, state, line);
    if (edit.quantity < line.minimum) {
      await step.context.sendActivity(t('quantity.belowMinimum', { name: line.name, minimum: line.minimum }));
    } else if (await this.changeQuantity(step, state, line.lineId, edit.quantity)) {
      await step.context.sendActivity(t('cart.quantityChanged', { name: line.name, quantity: edit.quantity }));
    }
    return step.replaceDialog(this.id, {});
  }

  /** A gift voucher's "Remove", like a line's. */
  private async removeGiftVoucher(step: WaterfallStepContext<CartOptions>, voucherId: string) {
    const t = translate(step.context, this.deps.translator);
    const state = await this.deps.store.checkout(step.context);
    const name = state.draft.giftVouchers.find((v) => v.voucherId === voucherId)?.toName ?? '';
    await showTyping(step.context);
    const removed = await this.deps.checkout.removeGiftVoucher(state, voucherId);
    await step.context.sendActivity(removed.ok ? t('cart.removed', { name: t('voucher.lineTitle', { name }) }) : t(problemKey(removed.problem)));
    return step.replaceDialog(this.id, {});
  }

  private async quantityChanged(step: WaterfallStepContext<CartOptions>) {
    const lineId = stepValues<{ lineId: string }>(step).lineId ?? '';
    const state = await this.deps.store.checkout(step.context);
    await this.changeQuantity(step, state, lineId, step.result as number);
    return step.replaceDialog(this.id, {});
  }
}
