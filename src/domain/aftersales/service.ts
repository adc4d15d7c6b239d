import pino, { type Logger } from 'pino';
import { loggerFor } from '../../log';
import type { Clock } from '../../clock';
import type { OpenCartApi, OpenCartSessionFactory, OrderInfo } from '../../opencart/api';
import type { CheckoutState } from '../checkout-port';
import { serialized } from '../checkout/serial';
import { openSession } from '../checkout/session';
import {
  conversationAllows,
  DEFAULT_ATTEMPT_POLICY,
  OrderProbeLimiter,
  recordConversationAttempt,
  type AttemptLog,
  type AttemptPolicy,
} from './attempts';

/**
 * After the order: an order's status for its buyer, and a cancellation request recorded as an order history entry.
 * Uses the conversation's OpenCart API session (queued with the checkout's calls on the same state) and only
 * order/info and order/history: this service can neither edit nor delete an order. Framework-free.
 */

/** What a customer is shown of an order: no name, email, address or telephone. */
export interface OrderFacts {
  orderId: number;
  statusId: number;
  /** order/info's `order_status`: the store's name of the status, '' when it has none. */
  storeStatusName: string;
  /** The day it was placed, YYYY-MM-DD as the store wrote it; null when unreadable. */
  dateAdded: string | null;
  /** The total in the order's own currency (the store keeps it in its default one, with the rate used). */
  total: number | null;
  currencyCode: string;
  shippingMethod: string;
  paymentMethod: string;
}

export type VerifyOutcome =
  | { kind: 'verified'; facts: OrderFacts }
  /** A wrong email and an order that does not exist are one and the same answer. */
  | { kind: 'notVerified' }
  | { kind: 'limited' };

export type CancelOutcome =
  | { kind: 'requested'; facts: OrderFacts }
  | { kind: 'alreadyRequested'; facts: OrderFacts }
  /** Past the shop's initial status: only the shop can help now. */
  | { kind: 'tooLate'; facts: OrderFacts }
  /** No CANCEL_REQUEST_STATUS_ID: the customer is given the shop's contact details. */
  | { kind: 'notConfigured'; facts: OrderFacts }
  | { kind: 'notFound' }
  | { kind: 'refused' };

export interface AftersalesSettings {
  /** The status a cancellation request sets (CANCEL_REQUEST_STATUS_ID); null: requests go to the shop's contact. */
  cancelRequestStatusId: number | null;
  /** The status the store gives new orders (config_order_status_id, OpenCart's default 1, Pending). */
  initialStatusId: number;
}

export interface AftersalesDeps extends AftersalesSettings {
  sessions: OpenCartSessionFactory;
  clock: Clock;
  logger?: Logger;
  policy?: AttemptPolicy;
  /** Shared by every conversation of the process; one is made when absent. */
  probes?: OrderProbeLimiter;
}

export interface AftersalesService {
  readonly settings: AftersalesSettings;
  /** An order placed in this conversation: no email asked. null when the store no longer has it. */
  ownOrder(state: CheckoutState, orderId: number): Promise<OrderFacts | null>;
  /** Whether another lookup of `orderId` is allowed now (asked before the email is). */
  mayTry(log: AttemptLog, orderId: number): boolean;
  /** Any other order: shown only when `email` is the one it was placed with; counts as an attempt. */
  verify(state: CheckoutState, log: AttemptLog, orderId: number, email: string): Promise<VerifyOutcome>;
  /** For a verified buyer (the caller checked): adds the cancellation request to the order's history. */
  requestCancellation(state: CheckoutState, orderId: number): Promise<CancelOutcome>;
  /** Whether the order may still be asked to be cancelled in the chat. */
  cancellable(facts: OrderFacts): boolean;
}

/** order/history's comment, for the shop's staff (admin, order history tab). */
export const CANCEL_REQUEST_COMMENT = 'The customer asked in the chat to cancel this order. Please confirm or decline it with the customer.';

const LONGEST_EMAIL = 96;

/** Emails compared as OpenCart keeps them: trimmed, any case. */
export function sameEmail(a: string, b: string): boolean {
  const left = a.trim().toLowerCase();
  return left !== '' && left.length <= LONGEST_EMAIL && left === b.trim().toLowerCase();
}

function rawString(info: OrderInfo, key: string): string {
  const value = info.raw[key];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

/** order/info's header as shown to its buyer. */
export function orderFacts(info: OrderInfo): OrderFacts {
  const date = /^(\d{4}-\d{2}-\d{2})/.exec(rawString(info, 'date_added'));
  const total = Number(info.total);
  const rate = Number(rawString(info, 'currency_value') || '1');
  const inCurrency = Number.isFinite(total) && Number.isFinite(rate) && rate > 0 ? Math.round(total * rate * 100) / 100 : null;
  return {
    orderId: info.orderId,
    statusId: info.orderStatusId,
    storeStatusName: rawString(info, 'order_status'),
    dateAdded: date ? date[1] : null,
    total: inCurrency,
    currencyCode: info.currencyCode,
    shippingMethod: info.shippingMethod,
    paymentMethod: info.paymentMethod,
  };
}

export function createAftersalesService(deps: AftersalesDeps): AftersalesService {
  // Each call logs with the turn its state is bound to (src/log.ts, bindTurnLog).
  const baseLogger = deps.logger ?? pino({ level: 'silent' });
  const policy = deps.policy ?? DEFAULT_ATTEMPT_POLICY;
  const probes = deps.probes ?? new OrderProbeLimiter(policy);
  const settings: AftersalesSettings = { cancelRequestStatusId: deps.cancelRequestStatusId, initialStatusId: deps.initialStatusId };

  /** One call on the conversation's session, queued behind its checkout calls; a re-login keeps going. */
  const inSession = <T>(state: CheckoutState, work: (api: OpenCartApi) => Promise<T>): Promise<T> =>
    serialized(state, async () => {
      const session = openSession(deps.sessions, state, 'continue');
      try {
        return await work(session.api);
      } finally {
        session.store();
      }
    });

  /** order/info; null for NOT_FOUND. Other refusals are logged by code and read as not found too. */
  const info = (state: CheckoutState, orderId: number): Promise<OrderInfo | null> =>
    inSession(state, async (api) => {
      const answer = await api.orderInfo(orderId);
      if (answer.ok) return answer.value;
      if (answer.code !== 'NOT_FOUND') loggerFor(state, baseLogger).warn({ code: answer.code }, 'order/info refused');
      return null;
    });

  const mayTry = (log: AttemptLog, orderId: number): boolean => {
    const now = deps.clock.now();
    return conversationAllows(log, orderId, now, policy) && probes.allows(orderId, now);
  };

  return {
    settings,
    ownOrder: async (state, orderId) => {
      const found = await info(state, orderId);
      return found ? orderFacts(found) : null;
    },
    mayTry,
    verify: async (state, log, orderId, email) => {
      if (!mayTry(log, orderId)) return { kind: 'limited' };
      const now = deps.clock.now();
      recordConversationAttempt(log, orderId, now, policy);
      probes.record(orderId, now);
      const found = await info(state, orderId);
      // The same answer whether the order is missing or the email differs: nothing tells one from the other.
      if (!found || !sameEmail(email, found.email)) return { kind: 'notVerified' };
      return { kind: 'verified', facts: orderFacts(found) };
    },
    requestCancellation: (state, orderId) =>
      inSession(state, async (api): Promise<CancelOutcome> => {
        const answer = await api.orderInfo(orderId);
        if (!answer.ok) return { kind: answer.code === 'NOT_FOUND' ? 'notFound' : 'refused' };
        const facts = orderFacts(answer.value);
        if (settings.cancelRequestStatusId !== null && facts.statusId === settings.cancelRequestStatusId) return { kind: 'alreadyRequested', facts };
        if (facts.statusId !== settings.initialStatusId) return { kind: 'tooLate', facts };
        if (settings.cancelRequestStatusId === null) return { kind: 'notConfigured', facts };
        const added = await api.orderHistory(orderId, {
          order_status_id: settings.cancelRequestStatusId,
          comment: CANCEL_REQUEST_COMMENT,
          notify: false,
        });
        if (added.ok) {
          loggerFor(state, baseLogger).info({ orderId }, 'cancellation request added to the order history');
          return { kind: 'requested', facts: { ...facts, statusId: settings.cancelRequestStatusId, storeStatusName: '' } };
        }
        loggerFor(state, baseLogger).warn({ code: added.code }, 'order/history refused');
        return { kind: added.code === 'NOT_FOUND' ? 'notFound' : 'refused' };
      }),
    cancellable: (facts) => facts.statusId === settings.initialStatusId,
  };
}
