import type { StatePropertyAccessor, TurnContext, ConversationState, UserState } from 'botbuilder';
import { z } from 'zod';
import { CHANGEABLE_SLOTS } from '../src/cards';
import type { CheckoutState } from '../src/domain/checkout-port';
import { addressSchema, contactSchema, emptyDraft, loadDraft } from '../src/domain/draft';
import { bindTurnLog, turnLogFieldsOf, unbindTurnLog } from '../src/log';
import { isValidated, markValidated } from '../src/storage/validated';
import { SUPPORTED_LOCALES } from '../src/i18n/locale';
import type { OpenCartSessionState } from '../src/opencart/api';

/** A country and region as the region question answered them (see region-dialog's Region). */
export const regionSchema = z.object({
  countryId: z.number().int(),
  countryName: z.string(),
  countryIso2: z.string().optional(),
  zoneId: z.number().int(),
  zoneName: z.string(),
  postcodeRequired: z.boolean(),
});

/** Answers of a form not finished yet, so an anytime command ("cart", a language) that restarts the question keeps them. */
export const formInProgressSchema = z.object({
  region: regionSchema.nullable().default(null),
  values: z.record(z.string(), z.string()).default({}),
});
export type FormInProgress = z.infer<typeof formInProgressSchema>;
/** The forms whose answers are kept while they are being filled. */
export type FormKey = 'contact' | 'address.payment' | 'address.shipping';

/** Where the conversation is in the checkout, beyond what the draft says. Plain JSON, validated on load. */
export const flowStateSchema = z.object({
  chosenLocale: z.enum(SUPPORTED_LOCALES).nullable().default(null),
  cartConfirmed: z.boolean().default(false),
  shippingAddressChosen: z.boolean().default(false),
  codesAsked: z.boolean().default(false),
  /** Slots to ask again although filled ("change my address"). */
  redo: z.array(z.enum(CHANGEABLE_SLOTS)).default([]),
  lastOrderId: z.number().int().nullable().default(null),
  consentAsked: z.boolean().default(false),
  /** Counts the orders of this conversation; the summary's "place order" button carries it, so an old one is told apart. */
  orderSeq: z.number().int().min(0).default(0),
  /** Recently placed orders by their orderSeq, to answer an old "place order" button with its own number. */
  placedOrders: z.array(z.object({ seq: z.number().int(), orderId: z.number().int() })).default([]),
  /** Forms being filled, by FormKey; dropped when the form is sent, asked afresh or the order is reset. */
  formsInProgress: z.record(z.string(), formInProgressSchema).default({}),
});
export const PLACED_ORDERS_KEPT = 5;
export type FlowState = z.infer<typeof flowStateSchema>;

/** What a returning customer agreed to let us remember (user state, only with consent). */
export const profileSchema = z.object({
  consent: z.boolean().default(false),
  contact: contactSchema.nullable().default(null),
  paymentAddress: addressSchema.nullable().default(null),
  shippingAddress: addressSchema.nullable().default(null),
  /** The shipping quote and payment method of the last order, chosen again where the shop still offers them. */
  shippingMethod: z.string().nullable().default(null),
  paymentMethod: z.string().nullable().default(null),
});
export type Profile = z.infer<typeof profileSchema>;

const sessionSchema = z
  .object({
    token: z.string().nullable(),
    cookies: z.unknown(),
    loggedInAt: z.number().nullable(),
    lastUsedAt: z.number().nullable(),
  })
  .nullable()
  .catch(null);

export function loadCheckoutState(stored: unknown): CheckoutState {
  const record = typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {};
  const session = sessionSchema.parse(record.session ?? null);
  return { draft: loadDraft(record.draft), session: session ? ({ ...session, cookies: session.cookies ?? null } as OpenCartSessionState) : null };
}

export function loadFlowState(stored: unknown): FlowState {
  const parsed = flowStateSchema.safeParse(stored ?? {});
  return parsed.success ? parsed.data : flowStateSchema.parse({});
}

export function loadProfile(stored: unknown): Profile {
  const parsed = profileSchema.safeParse(stored ?? {});
  return parsed.success ? parsed.data : profileSchema.parse({});
}

/** Loads each part of the state once per turn, validated, and hands out the same object for in-place updates. */
export class OrderStateStore {
  private readonly checkoutProp: StatePropertyAccessor<unknown>;
  private readonly flowProp: StatePropertyAccessor<unknown>;
  private readonly profileProp: StatePropertyAccessor<unknown>;

  constructor(private readonly conversationState: ConversationState, userState: UserState) {
    this.checkoutProp = conversationState.createProperty('checkout');
    this.flowProp = conversationState.createProperty('orderFlow');
    this.profileProp = userState.createProperty('profile');
  }

  /** The checkout state, tied to this turn's log fields (the services it is passed to log with them) until endTurn. */
  async checkout(ctx: TurnContext): Promise<CheckoutState> {
    const state = await this.cached(ctx, 'checkout', this.checkoutProp, loadCheckoutState);
    const fields = turnLogFieldsOf(ctx);
    if (fields) bindTurnLog(state, fields);
    return state;
  }

  /** At the end of the turn: nothing of it stays tied to the state, which may outlive it in a storage cache. */
  endTurn(ctx: TurnContext): void {
    const state = ctx.turnState.get(cacheKey('checkout')) as CheckoutState | undefined;
    if (state) unbindTurnLog(state);
  }

  flow(ctx: TurnContext): Promise<FlowState> {
    return this.cached(ctx, 'flow', this.flowProp, loadFlowState);
  }

  profile(ctx: TurnContext): Promise<Profile> {
    return this.cached(ctx, 'profile', this.profileProp, loadProfile);
  }

  /**
   * Writes the conversation's state now, mid-turn: the checkout calls it after marking the draft 'placing' and
   * before order/add is sent, so a process that dies during order/add leaves that on disk.
   */
  async saveNow(ctx: TurnContext): Promise<void> {
    await this.conversationState.saveChanges(ctx, true);
  }

  async forgetProfile(ctx: TurnContext): Promise<void> {
    ctx.turnState.delete(cacheKey('profile'));
    await this.profileProp.delete(ctx);
  }

  /** A new order after one was placed (or "start over"): fresh draft and flow, same language and OpenCart session. */
  async resetOrder(ctx: TurnContext): Promise<void> {
    const state = await this.checkout(ctx);
    const flow = await this.flow(ctx);
    state.draft = emptyDraft();
    const { chosenLocale, lastOrderId, consentAsked, orderSeq, placedOrders } = flow;
    Object.assign(flow, flowStateSchema.parse({ chosenLocale, lastOrderId, consentAsked, orderSeq: orderSeq + 1, placedOrders }));
  }

  private async cached<T>(ctx: TurnContext, name: string, prop: StatePropertyAccessor<unknown>, load: (v: unknown) => T): Promise<T> {
    const key = cacheKey(name);
    const hit = ctx.turnState.get(key) as T | undefined;
    if (hit) return hit;
    const stored = await prop.get(ctx);
    // Validated once: a part this process validated and wrote itself comes back marked (src/storage/validated.ts).
    const value = isValidated(stored) ? (stored as T) : load(stored);
    markValidated(value);
    await prop.set(ctx, value);
    ctx.turnState.set(key, value);
    return value;
  }
}

/** The answers kept for a form, created empty on first use. */
export function formInProgress(flow: FlowState, key: FormKey): FormInProgress {
  return (flow.formsInProgress[key] ??= { region: null, values: {} });
}

/** Whether anything of the form was answered already. */
export function hasFormInProgress(flow: FlowState, key: FormKey): boolean {
  const form = flow.formsInProgress[key];
  return !!form && (form.region !== null || Object.keys(form.values).length > 0);
}

export function dropFormInProgress(flow: FlowState, key: FormKey): void {
  delete flow.formsInProgress[key];
}

function cacheKey(name: string): symbol {
  return Symbol.for(`orderState.${name}`);
}
