import { boundTurnLogFields } from '../../log';
import type { OpenCartApi, OpenCartSessionFactory } from '../../opencart/api';
import type { CheckoutState } from '../checkout-port';
import { sessionSyncSchema, type SessionSync } from '../draft';

/**
 * Thrown out of a call when OpenCart had forgotten the session: the client has logged in again and the draft's sync
 * says the new session holds nothing. The operation is run again from the start, and sends what it needs.
 */
export class SessionRenewed extends Error {
  constructor() {
    super('OpenCart session renewed');
  }
}

/** Nothing is known of a session (a new login); what products ship is theirs, so it is kept. */
export function freshSync(previous: SessionSync, token: string | null): SessionSync {
  return { ...sessionSyncSchema.parse({}), token, ships: previous.ships, productsShip: previous.productsShip };
}

/** One operation's way to OpenCart: the client is made on first use, so an answer from known state costs nothing. */
export interface SessionContext {
  readonly api: OpenCartApi;
  /** The token of the live client, or null when none was made or it has not logged in yet. */
  readonly token: string | null;
  /** Writes the client's session (token, times) and the sync's token into the state. */
  store(): void;
}

/**
 * Opens the conversation's OpenCart session lazily. A stored session the draft's sync does not describe (an older
 * state, a reset draft, a dropped session) is not trusted: a fresh login starts with an empty cart and the
 * operation sends whatever it needs. `onRenewal` decides what a re-login mid-operation does (see SessionRenewed).
 */
export function openSession(
  sessions: OpenCartSessionFactory,
  state: CheckoutState,
  onRenewal: 'restart' | 'continue' = 'restart',
): SessionContext {
  let client: OpenCartApi | null = null;
  // Decided before anything reads the sync: what it says holds only for the session it names.
  const stored = state.session;
  const known = stored?.token != null && state.draft.sync.token === stored.token;
  if (!known) state.draft.sync = freshSync(state.draft.sync, null);
  const logFields = boundTurnLogFields(state);
  const make = (): OpenCartApi =>
    sessions(known ? stored : null, {
      ...(logFields ? { logFields } : {}),
      onRenewed: async (renewed) => {
        state.draft.sync = freshSync(state.draft.sync, renewed.state.token);
        if (onRenewal === 'restart') throw new SessionRenewed();
      },
    });
  return {
    get api() {
      client ??= make();
      return client;
    },
    get token() {
      return client?.state.token ?? null;
    },
    store() {
      if (!client) return;
      state.session = client.state;
      state.draft.sync.token = client.state.token;
    },
  };
}
