import type { TurnContext } from 'botbuilder';
import { WaterfallDialog, type DialogTurnResult, type WaterfallStep, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { CardAction, ChangeableSlot } from '../src/cards';
import type { CartOutcome } from './shopping/cart-dialog';
import type { ConfirmOutcome } from './checkout/confirm-dialog';
import { rememberOrderDetails } from './checkout/consent-dialog';
import { hasSomethingToOrder } from '../src/domain/checkout/voucher-operations';
import { DIALOG, type DialogId } from './ids';
import { dropFormInProgress, hasFormInProgress, PLACED_ORDERS_KEPT, type FlowState, type FormKey } from './order-state';
import { stepValues, translate, type DialogDeps } from './turn';

export interface OrderFlowOptions {
  entry?: 'shop' | 'cart' | 'checkout';
  text?: string;
  browse?: string | null;
  productId?: number;
  cartAction?: CardAction;
}

/** Asking a slot again also asks what depends on it (OpenCart drops quoted methods after such changes). */
export const REDO_ALSO: Readonly<Partial<Record<ChangeableSlot, ChangeableSlot[]>>> = {
  cart: ['shippingMethod', 'paymentMethod'],
  paymentAddress: ['paymentMethod', 'shippingMethod'],
  shippingAddress: ['shippingMethod'],
};

/** The form a slot is typed in: asking the slot again starts it afresh. */
const SLOT_FORMS: Partial<Record<ChangeableSlot, FormKey>> = { contact: 'contact', paymentAddress: 'address.payment', shippingAddress: 'address.shipping' };

export function requestRedo(flow: FlowState, slot: ChangeableSlot): void {
  const form = SLOT_FORMS[slot];
  if (form) dropFormInProgress(flow, form);
  for (const s of [slot, ...(REDO_ALSO[slot] ?? [])]) if (!flow.redo.includes(s)) flow.redo.push(s);
}

/** Remembers which order this conversation's current orderSeq became. */
export function recordPlaced(flow: FlowState, orderId: number): void {
  flow.placedOrders = [...flow.placedOrders.filter((p) => p.seq !== flow.orderSeq), { seq: flow.orderSeq, orderId }].slice(-PLACED_ORDERS_KEPT);
}

interface CheckoutSlot {
  slot: Exclude<ChangeableSlot, 'cart'>;
  dialog: DialogId;
  options?: object;
  /** Still to be asked (the draft or flow doesn't have it yet). */
  missing(ctx: TurnContext, deps: DialogDeps): Promise<boolean>;
  /** Whether this order asks it at all (nothing ships => no shipping questions). */
  applies(ctx: TurnContext, deps: DialogDeps): Promise<boolean>;
  done?(flow: FlowState): void;
}

const always = async () => true;
const ships = async (ctx: TurnContext, deps: DialogDeps) => deps.checkout.needsShipping(await deps.store.checkout(ctx));
const draftOf = async (ctx: TurnContext, deps: DialogDeps) => (await deps.store.checkout(ctx)).draft;

/** The checkout, in order: each step skips a filled slot unless the customer asked to change it. */
export const CHECKOUT_SLOTS: CheckoutSlot[] = [
  { slot: 'contact', dialog: DIALOG.contact, applies: always, missing: async (c, d) => !(await draftOf(c, d)).contact },
  { slot: 'paymentAddress', dialog: DIALOG.address, options: { kind: 'payment' }, applies: always, missing: async (c, d) => !(await draftOf(c, d)).paymentAddress },
  {
    slot: 'shippingAddress',
    dialog: DIALOG.shippingAddress,
    applies: ships,
    // Also while a delivery address ("Deliver elsewhere") is half typed before an anytime command: it goes on there.
    missing: async (c, d) => {
      const flow = await d.store.flow(c);
      return !flow.shippingAddressChosen || hasFormInProgress(flow, 'address.shipping');
    },
    done: (flow) => (flow.shippingAddressChosen = true),
  },
  { slot: 'shippingMethod', dialog: DIALOG.shippingMethod, applies: ships, missing: async (c, d) => !(await draftOf(c, d)).shippingMethod },
  { slot: 'paymentMethod', dialog: DIALOG.paymentMethod, applies: always, missing: async (c, d) => !(await draftOf(c, d)).paymentMethod },
  // Asked only from the summary ("Add a coupon or gift voucher"): most customers have none.
  { slot: 'codes', dialog: DIALOG.codes, applies: always, missing: async () => false, done: (flow) => (flow.codesAsked = true) },
];

/** The order from first search to placed order; a parent that only sequences the dialogs that ask. */
export class OrderFlowDialog extends WaterfallDialog<OrderFlowOptions> {
  constructor(private readonly deps: DialogDeps) {
    super(DIALOG.orderFlow);
    this.addStep(this.shop.bind(this));
    this.addStep(this.cart.bind(this));
    this.addStep(this.afterCart.bind(this));
    for (const slot of CHECKOUT_SLOTS) this.addStep(this.slotStep(slot));
    this.addStep(this.reward.bind(this));
    this.addStep(this.confirm.bind(this));
    this.addStep(this.afterConfirm.bind(this));
    this.addStep(async (step) => step.endDialog());
  }

  private async shop(step: WaterfallStepContext<OrderFlowOptions>) {
    const state = await this.deps.store.checkout(step.context);
    if (state.draft.status === 'placed' || state.draft.status === 'unconfirmed') await this.deps.store.resetOrder(step.context);
    const { entry, text, browse, productId } = step.options;
    const hasLines = hasSomethingToOrder(state.draft); // products or gift vouchers
    if (hasLines && (entry === 'cart' || entry === 'checkout')) return step.next();
    if (!hasLines && entry === 'cart') await step.context.sendActivity(translate(step.context, this.deps.translator)('cart.empty'));
    if (!hasLines || entry === 'shop' || text || browse !== undefined || productId) {
      return step.beginDialog(DIALOG.shopping, { text, browse, productId });
    }
    return step.next();
  }

  private async cart(step: WaterfallStepContext<OrderFlowOptions>) {
    const { draft } = await this.deps.store.checkout(step.context);
    if (!hasSomethingToOrder(draft)) return step.replaceDialog(this.id, {});
    if (step.options.entry === 'checkout') return step.next({ next: 'checkout' } satisfies CartOutcome);
    return step.beginDialog(DIALOG.cart, { action: step.options.cartAction });
  }

  private async afterCart(step: WaterfallStepContext<OrderFlowOptions>) {
    const outcome = step.result as CartOutcome;
    if (outcome.next === 'shop') return step.replaceDialog(this.id, { entry: 'shop', text: outcome.text });
    (await this.deps.store.flow(step.context)).cartConfirmed = true;
    return step.next();
  }

  /** A step for one slot: first reacts to the previous step's outcome, then asks this slot if needed. */
  private slotStep(slot: CheckoutSlot): WaterfallStep<OrderFlowOptions> {
    return async (step) => {
      const redirected = await this.handlePrevious(step);
      if (redirected) return redirected;
      const flow = await this.deps.store.flow(step.context);
      const redo = flow.redo.includes(slot.slot);
      if (!(await slot.applies(step.context, this.deps)) || (!redo && !(await slot.missing(step.context, this.deps)))) return step.next();
      flow.redo = flow.redo.filter((s) => s !== slot.slot);
      stepValues<{ asking: string }>(step).asking = slot.slot;
      return step.beginDialog(slot.dialog, { ...slot.options, ...(redo ? { redo } : {}) });
    };
  }

  /** A step that ended with { redo } goes back to that slot; a finished one records what the draft can't. */
  private async handlePrevious(step: WaterfallStepContext<OrderFlowOptions>): Promise<DialogTurnResult | null> {
    const values = stepValues<{ asking: string }>(step);
    const flow = await this.deps.store.flow(step.context);
    const result = step.result as { redo?: ChangeableSlot } | undefined;
    if (result?.redo) {
      requestRedo(flow, result.redo);
      return step.replaceDialog(this.id, { entry: result.redo === 'cart' ? 'cart' : 'checkout' });
    }
    CHECKOUT_SLOTS.find((s) => s.slot === values.asking)?.done?.(flow);
    values.asking = undefined;
    return null;
  }

  /** A signed-in customer's reward points, offered once per order before the summary; guests are never asked. */
  private async reward(step: WaterfallStepContext<OrderFlowOptions>) {
    const redirected = await this.handlePrevious(step);
    if (redirected) return redirected;
    const { draft } = await this.deps.store.checkout(step.context);
    return draft.customerId === null || draft.reward !== null ? step.next() : step.beginDialog(DIALOG.reward);
  }

  private async confirm(step: WaterfallStepContext<OrderFlowOptions>) {
    const redirected = await this.handlePrevious(step);
    if (redirected) return redirected;
    return step.beginDialog(DIALOG.confirm);
  }

  private async afterConfirm(step: WaterfallStepContext<OrderFlowOptions>) {
    const outcome = step.result as ConfirmOutcome;
    const flow = await this.deps.store.flow(step.context);
    if ('redo' in outcome) {
      requestRedo(flow, outcome.redo);
      return step.replaceDialog(this.id, { entry: outcome.redo === 'cart' ? 'cart' : 'checkout' });
    }
    if ('unconfirmed' in outcome) return step.endDialog();
    const t = translate(step.context, this.deps.translator);
    const { draft } = await this.deps.store.checkout(step.context);
    flow.lastOrderId = outcome.placed;
    recordPlaced(flow, outcome.placed);
    await this.deps.onOrderPlaced?.(step.context, outcome.placed);
    await step.context.sendActivity(t(outcome.alreadyPlaced ? 'order.alreadyPlaced' : 'order.placed', { orderId: outcome.placed }));
    await step.context.sendActivity(t('order.whatNext', { email: draft.contact?.email ?? '' }));
    await rememberOrderDetails(this.deps, step.context);
    const profile = await this.deps.store.profile(step.context);
    if (!profile.consent && !flow.consentAsked) return step.beginDialog(DIALOG.consent);
    return step.next();
  }
}
