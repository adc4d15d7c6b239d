import type { ConversationState, TurnContext } from 'botbuilder';
import { DialogSet, DialogTurnStatus, type DialogContext, type DialogState } from 'botbuilder-dialogs';
import { decodeAction } from '../src/cards';
import type { CheckoutState, OrderDraft } from '../src/domain/checkout-port';
import { AddressDialog } from './checkout/address-dialog';
import { AftersalesDialog } from './aftersales/aftersales-dialog';
import { CartDialog } from './shopping/cart-dialog';
import { CodesDialog } from './checkout/codes-dialog';
import { CommandRecognizer, YesNoRecognizer } from './commands/commands';
import { ConfirmDialog, type ConfirmOutcome } from './checkout/confirm-dialog';
import { ConsentDialog } from './checkout/consent-dialog';
import { RewardDialog } from './checkout/reward-dialog';
import { ContactDialog } from './checkout/contact-dialog';
import { greetingActivity } from './commands/greeting';
import { DIALOG } from './ids';
import { handleInterruption } from './commands/interruptions';
import { OrderFlowDialog, type OrderFlowOptions } from './order-flow-dialog';
import { PaymentMethodDialog } from './checkout/payment-method-dialog';
import { ShippingAddressDialog } from './checkout/shipping-address-dialog';
import { ShippingMethodDialog } from './checkout/shipping-method-dialog';
import { ShoppingDialog } from './shopping/shopping-dialog';
import { GiftVoucherDialog } from './shopping/gift-voucher-dialog';
import { SummaryAnswerRecognizer } from './commands/summary-answers';
import { problemKey } from './prompts/problems';
import { localeOf, showTyping, translate, type DialogDeps } from './turn';
import { DialogStateConfiguration } from './dialog-stack';

/**
 * Every dialog of the order conversation in one set (nested dialogs find their children here), plus the
 * one place where global commands and out-of-place buttons are handled before the active dialog sees a turn.
 */
export class OrderDialogs {
  private readonly dialogs: DialogSet;
  private readonly stateConfiguration = new DialogStateConfiguration();
  private readonly commands: CommandRecognizer;
  private readonly summaryAnswers: SummaryAnswerRecognizer;

  constructor(private readonly deps: DialogDeps, conversationState: ConversationState) {
    this.dialogs = new DialogSet(conversationState.createProperty<DialogState>('dialogState'));
    this.commands = new CommandRecognizer(deps.translator);
    const words = new YesNoRecognizer(deps.translator);
    this.summaryAnswers = new SummaryAnswerRecognizer(deps.translator, words);
    for (const dialog of [
      new OrderFlowDialog(deps),
      new ShoppingDialog(deps),
      new CartDialog(deps),
      new ContactDialog(deps, words),
      new AddressDialog(deps, words),
      new ShippingAddressDialog(deps, words),
      new ShippingMethodDialog(deps),
      new PaymentMethodDialog(deps),
      new CodesDialog(deps),
      new ConfirmDialog(deps, words),
      new ConsentDialog(deps, words),
      new AftersalesDialog(deps, conversationState),
      new RewardDialog(deps, words),
      new GiftVoucherDialog(deps),
      GiftVoucherDialog.prompt(deps),
    ]) {
      this.dialogs.add(dialog);
    }
  }

  /** One message turn. */
  async run(ctx: TurnContext): Promise<void> {
    const dc = await this.stateConfiguration.createContext(this.dialogs, ctx);
    if (await this.settleInterruptedPlacement(dc)) return;
    if (await handleInterruption(dc, this.deps, this.commands)) return;
    const result = await dc.continueDialog();
    if (result.status === DialogTurnStatus.empty) await this.startFromIdle(dc);
  }

  async greet(ctx: TurnContext): Promise<void> {
    await ctx.sendActivity(greetingActivity(ctx, this.deps));
  }

  /**
   * A draft saved as 'placing': order/add was on its way when the process died or the shop stopped answering. The
   * checkout settles it by looking (it sends order/add only where it found the order not taken, and then only for a
   * press of "Place order"), and the customer hears the outcome before this turn's words go anywhere.
   */
  private async settleInterruptedPlacement(dc: DialogContext): Promise<boolean> {
    const state = await this.deps.store.checkout(dc.context);
    if (state.draft.status !== 'placing') return false;
    const t = translate(dc.context, this.deps.translator);
    await showTyping(dc.context);
    const outcome = (await this.pressedPlace(dc)) ? await this.placeAgain(dc, state) : await this.settled(state);
    if (outcome && 'unconfirmed' in outcome) await dc.context.sendActivity(t('problems.ORDER_OUTCOME_UNKNOWN'));
    if (!outcome) await dc.context.sendActivity(t('restart.notPlaced'));
    // The summary's own next step tells a placed order and asks what follows; a draft open again shows the summary.
    const atSummary = dc.activeDialog?.id === DIALOG.confirm;
    if (atSummary && outcome) await dc.endDialog(outcome);
    else if (atSummary) await dc.replaceDialog(DIALOG.confirm);
    else if (outcome && 'placed' in outcome) await dc.context.sendActivity(t('order.placed', { orderId: outcome.placed }));
    return true;
  }

  /** "Place order" of this order's summary, pressed or typed as the summary takes it ("yes", "ja"). */
  private async pressedPlace(dc: DialogContext): Promise<boolean> {
    const decoded = decodeAction(dc.context.activity);
    const text = dc.context.activity.text ?? '';
    if (decoded.kind === 'none') return this.summaryAnswers.recognize(text, localeOf(dc.context)).kind === 'place';
    if (decoded.kind !== 'action' || decoded.action.a !== 'place') return false;
    return decoded.action.v === undefined || decoded.action.v === String((await this.deps.store.flow(dc.context)).orderSeq);
  }

  /** Every checkout operation settles a leftover 'placing' first; reading the cart is the one that changes nothing. */
  private async settled(state: CheckoutState): Promise<ConfirmOutcome | null> {
    await this.deps.checkout.cart(state);
    return outcomeOf(state.draft);
  }

  private async placeAgain(dc: DialogContext, state: CheckoutState): Promise<ConfirmOutcome | null> {
    const placed = await this.deps.checkout.placeOrder(state, { beforeSend: () => this.deps.store.saveNow(dc.context) });
    if (placed.ok) return { placed: placed.value.orderId, alreadyPlaced: placed.value.alreadyPlaced };
    if (placed.problem.code !== 'ORDER_OUTCOME_UNKNOWN') await dc.context.sendActivity(translate(dc.context, this.deps.translator)(problemKey(placed.problem)));
    return outcomeOf(state.draft);
  }

  /** Nothing was being asked: typed words are a search; a button from an older card is followed if it can be. */
  private async startFromIdle(dc: DialogContext): Promise<void> {
    const decoded = decodeAction(dc.context.activity);
    const text = dc.context.activity.text?.trim() ?? '';
    let options: OrderFlowOptions | null = decoded.kind === 'none' && text ? { text } : null;
    if (decoded.kind === 'action') {
      const { a, v } = decoded.action;
      if (a === 'pick' && Number(v) > 0) options = { productId: Number(v) };
      if (a === 'cats' || a === 'cat') options = { browse: a === 'cat' ? (v ?? null) : null };
      if (a === 'add' || a === 'more') options = { entry: 'shop' };
    }
    if (options) {
      await dc.beginDialog(DIALOG.orderFlow, options);
      return;
    }
    if (decoded.kind !== 'none') await dc.context.sendActivity(translate(dc.context, this.deps.translator)('common.staleButton'));
    await this.greet(dc.context);
  }
}

/** What a settled draft means for the summary: placed, unconfirmed (the shop will tell), or open again (null). */
function outcomeOf(draft: OrderDraft): ConfirmOutcome | null {
  if (draft.status === 'placed' && draft.orderId !== null) return { placed: draft.orderId, alreadyPlaced: false };
  return draft.status === 'unconfirmed' ? { unconfirmed: true } : null;
}
