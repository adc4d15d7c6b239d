import type { ConversationState, TurnContext } from 'botbuilder';
import { DialogSet, DialogTurnStatus, type DialogContext, type DialogState } from 'botbuilder-dialogs';
import { decodeAction } from '../src/cards';
import { AddressDialog } from './checkout/address-dialog';
import { CartDialog } from './shopping/cart-dialog';
import { CodesDialog } from './checkout/codes-dialog';
import { CommandRecognizer, YesNoRecognizer } from './commands/commands';
import { ConfirmDialog } from './checkout/confirm-dialog';
import { ConsentDialog } from './checkout/consent-dialog';
import { ContactDialog } from './checkout/contact-dialog';
import { greetingActivity } from './commands/greeting';
import { DIALOG } from './ids';
import { handleInterruption } from './commands/interruptions';
import { OrderFlowDialog, type OrderFlowOptions } from './order-flow-dialog';
import { PaymentMethodDialog } from './checkout/payment-method-dialog';
import { ShippingAddressDialog } from './checkout/shipping-address-dialog';
import { ShippingMethodDialog } from './checkout/shipping-method-dialog';
import { ShoppingDialog } from './shopping/shopping-dialog';
import { translate, type DialogDeps } from './turn';

/**
 * Every dialog of the order conversation in one set (nested dialogs find their children here), plus the
 * one place where global commands and out-of-place buttons are handled before the active dialog sees a turn.
 */
export class OrderDialogs {
  private readonly dialogs: DialogSet;
  private readonly commands: CommandRecognizer;

  constructor(private readonly deps: DialogDeps, conversationState: ConversationState) {
    this.dialogs = new DialogSet(conversationState.createProperty<DialogState>('dialogState'));
    this.commands = new CommandRecognizer(deps.translator);
    const words = new YesNoRecognizer(deps.translator);
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
    ]) {
      this.dialogs.add(dialog);
    }
  }

  /** One message turn. */
  async run(ctx: TurnContext): Promise<void> {
    const dc = await this.dialogs.createContext(ctx);
    if (await handleInterruption(dc, this.deps, this.commands)) return;
    const result = await dc.continueDialog();
    if (result.status === DialogTurnStatus.empty) await this.startFromIdle(dc);
  }

  async greet(ctx: TurnContext): Promise<void> {
    await ctx.sendActivity(greetingActivity(ctx, this.deps));
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
