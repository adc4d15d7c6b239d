import type {
  CartView,
  FailureCode,
  OpenCartSessionState,
  PaymentMethod,
  ShippingMethod,
  TotalLine,
} from '../opencart/api';
import type { Address, Contact, DraftLine, GiftVoucher, OrderDraft } from './draft';

/** What a conversation keeps about its order: the draft (truth) and the OpenCart session (projection). */
export interface CheckoutState {
  draft: OrderDraft;
  session: OpenCartSessionState | null;
}

export type CheckoutProblemCode =
  | FailureCode
  | 'LINE_NOT_FOUND'
  | 'NOTHING_TO_ORDER'
  | 'ALREADY_PLACING'
  /** The draft was placed (or is 'unconfirmed'): start over before changing it. */
  | 'ORDER_CLOSED'
  /** order/add's answer was lost and the cart was empty afterwards: the shop probably has the order; not retried. */
  | 'ORDER_OUTCOME_UNKNOWN';

export interface CheckoutProblem {
  code: CheckoutProblemCode;
  fields?: string[];
  optionIds?: number[];
  /** OpenCart's raw text, for logs only. */
  detail?: string;
  /** A gift voucher's amount refused: the shop's limits, as OpenCart prints them in the session currency. */
  range?: { min: string; max: string };
}

export type CheckoutResult<T = undefined> = { ok: true; value: T } | { ok: false; problem: CheckoutProblem };

export interface OrderSummary {
  draft: OrderDraft;
  cart: CartView;
  needsShipping: boolean;
  totals: TotalLine[];
}

/** A registered customer's reward points: their balance, and how many this cart takes (reward/maximum, at most the balance). */
export interface RewardOffer {
  available: number;
  usable: number;
}

export interface PlaceOrderHooks {
  /** Awaited once the draft says 'placing' and before order/add is sent (persist the conversation here). */
  beforeSend?: () => Promise<void>;
}

/**
 * The checkout as the dialogs drive it. Every method takes the conversation's CheckoutState, updates it in
 * place (draft and serialized session) and returns an outcome. Transport failures (store down, timeout)
 * are thrown as OpenCartError subclasses and leave the draft as it was, so the customer loses nothing.
 * Whenever OpenCart has forgotten the session (token expired, cart lines expired), it is rebuilt from the
 * draft without asking the customer anything.
 */
export interface CheckoutService {
  addLine(state: CheckoutState, line: Omit<DraftLine, 'lineId'>): Promise<CheckoutResult<DraftLine>>;
  changeQuantity(state: CheckoutState, lineId: string, quantity: number): Promise<CheckoutResult>;
  removeLine(state: CheckoutState, lineId: string): Promise<CheckoutResult>;
  /** cart/products reconciled with the draft (lines OpenCart dropped are added again). */
  cart(state: CheckoutState): Promise<CheckoutResult<CartView>>;
  needsShipping(state: CheckoutState): Promise<boolean>;

  setContact(state: CheckoutState, contact: Contact): Promise<CheckoutResult>;
  setPaymentAddress(state: CheckoutState, address: Address): Promise<CheckoutResult>;
  /** 'same' ships to the payment address. */
  setShippingAddress(state: CheckoutState, address: Address | 'same'): Promise<CheckoutResult>;

  shippingOptions(state: CheckoutState): Promise<CheckoutResult<ShippingMethod[]>>;
  chooseShipping(state: CheckoutState, quoteCode: string): Promise<CheckoutResult>;
  paymentOptions(state: CheckoutState): Promise<CheckoutResult<PaymentMethod[]>>;
  choosePayment(state: CheckoutState, code: string): Promise<CheckoutResult>;

  /** Buys a gift voucher with the order (api/voucher/add); OpenCart's refusal names the fields (`range` for the amount). */
  addGiftVoucher(state: CheckoutState, voucher: Omit<GiftVoucher, 'voucherId' | 'description' | 'price'>): Promise<CheckoutResult<GiftVoucher>>;
  removeGiftVoucher(state: CheckoutState, voucherId: string): Promise<CheckoutResult>;

  applyCoupon(state: CheckoutState, code: string | null): Promise<CheckoutResult>;
  applyVoucher(state: CheckoutState, code: string | null): Promise<CheckoutResult>;
  setCurrency(state: CheckoutState, code: string): Promise<CheckoutResult>;
  /** Only for a signed-in customer's session with points to use on this cart; null otherwise (guests, no points). */
  rewardOffer(state: CheckoutState): Promise<CheckoutResult<RewardOffer | null>>;
  useReward(state: CheckoutState, points: number): Promise<CheckoutResult>;

  summary(state: CheckoutState): Promise<CheckoutResult<OrderSummary>>;
  /**
   * Places the order exactly once: a second call after success answers the same order id. `beforeSend` runs after
   * the draft is marked 'placing' (with its placementId) and before order/add is sent: the bot persists the state
   * there, so a process that dies during order/add leaves a durable 'placing'. If it throws, the draft is reopened,
   * nothing is sent and the error is thrown on.
   */
  placeOrder(state: CheckoutState, hooks?: PlaceOrderHooks): Promise<CheckoutResult<{ orderId: number; alreadyPlaced: boolean }>>;
  /** Forgets the draft and empties the OpenCart cart. */
  startOver(state: CheckoutState): Promise<void>;
}

export type { Address, Contact, DraftLine, GiftVoucher, OrderDraft, PaymentMethod, ShippingMethod };
