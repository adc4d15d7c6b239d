import type { ConversationState, StatePropertyAccessor, TurnContext } from 'botbuilder';
import { z } from 'zod';
import type { Clock } from '../src/clock';
import { turnLog, type Logger } from '../src/log';
import { verifyShopIdentity, type ShopCustomer } from '../src/shop-identity';
import { dropFormInProgress, formInProgress } from './order-state';
import type { DialogDeps } from './turn';

/** A verified customer as kept in conversation state, checked again when loaded. */
const keptCustomerSchema = z.object({
  customerId: z.number().int().positive(),
  firstName: z.string(),
  lastName: z.string(),
  email: z.string(),
  telephone: z.string(),
});

export interface SignedCustomerOptions {
  /** SHOP_SHARED_SECRET: without it every identity is refused (everyone is a guest). */
  secret: string | undefined;
  clock: Clock;
  logger: Logger;
}

/**
 * The customer signed in on the storefront, as the widget's join passes the extension's signed identity. Only a valid,
 * fresh signature is trusted; a forged, stale or missing one makes the customer a guest, never an error (the log gets
 * only the refusal's code). A signed-in customer's order carries their OpenCart customer_id and their contact details,
 * so the checkout does not ask for them (only for a telephone the account lacks).
 */
export class SignedCustomer {
  private readonly kept: StatePropertyAccessor<unknown>;

  constructor(conversationState: ConversationState, private readonly deps: DialogDeps, private readonly options: SignedCustomerOptions) {
    this.kept = conversationState.createProperty<unknown>('shopCustomer');
  }

  /** On each webchat/join: who the page says is signed in (or nobody); the order is prefilled for them. */
  async join(ctx: TurnContext): Promise<ShopCustomer | null> {
    const value = ctx.activity.value as { customer?: unknown } | undefined;
    const signed = typeof value === 'object' && value !== null ? value.customer : undefined;
    const check = signed === undefined ? null : verifyShopIdentity(signed, this.options.secret, this.options.clock.now());
    const before = await this.current(ctx);
    if (check?.ok) await this.kept.set(ctx, check.customer);
    else await this.kept.delete(ctx);
    if (before && (!check?.ok || check.customer.customerId !== before.customerId)) await this.signedOut(ctx, before);
    if (check && !check.ok) turnLog(ctx, this.options.logger).info({ reason: check.code }, 'shop identity not accepted; chatting as a guest');
    await this.prefill(ctx);
    return check?.ok ? check.customer : null;
  }

  /**
   * The customer signed out (or another signed in): their details leave the open order, and an OpenCart session logged
   * in as them is left for a new one (api/customer cannot undo a login, corpus 11), so nobody orders on their account.
   */
  private async signedOut(ctx: TurnContext, before: ShopCustomer): Promise<void> {
    const state = await this.deps.store.checkout(ctx);
    if (state.draft.status !== 'open') return;
    if (state.draft.sync.customerLogin !== null) state.session = null;
    if (state.draft.contact?.email === before.email) state.draft.contact = null;
    dropFormInProgress(await this.deps.store.flow(ctx), 'contact');
  }

  /** The signed-in customer of this conversation, if any. */
  async current(ctx: TurnContext): Promise<ShopCustomer | null> {
    const kept = await this.kept.get(ctx);
    if (kept === undefined || kept === null) return null; // a guest: no failed parse (and its error) every turn
    const parsed = keptCustomerSchema.safeParse(kept);
    return parsed.success ? parsed.data : null;
  }

  /**
   * Before each turn's dialogs (and on join): an open order is the signed-in customer's (customer_id), with their
   * contact details unless the order has some; a missing telephone is left for the contact form to ask alone.
   * A customer who signed out: the order is a guest's again.
   */
  async prefill(ctx: TurnContext): Promise<void> {
    const customer = await this.current(ctx);
    const { draft } = await this.deps.store.checkout(ctx);
    if (draft.status !== 'open') return;
    draft.customerId = customer?.customerId ?? null;
    if (!customer || draft.contact) return;
    const contact = { firstname: customer.firstName, lastname: customer.lastName, email: customer.email, telephone: customer.telephone };
    if (contact.telephone) {
      draft.contact = contact;
      return;
    }
    const form = formInProgress(await this.deps.store.flow(ctx), 'contact').values;
    for (const [field, given] of Object.entries(contact)) if (given && !form[field]) form[field] = given;
  }
}
