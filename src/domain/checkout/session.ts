import type { Logger } from 'pino';
import type { Failure, OpenCartApi, OpenCartSessionFactory } from '../../opencart/api';
import type { CheckoutState } from '../checkout-port';
import { draftHasContent } from './mapping';
import { reapplyDraft } from './reapply';

/** A live client for one operation, and whether OpenCart's session had to be rebuilt from the draft meanwhile. */
export interface SessionContext {
  api: OpenCartApi;
  /** Set when the session was rebuilt from the draft during this operation (token renewal or first login). */
  renewal: { rebuilt: boolean };
}

/**
 * Opens the conversation's OpenCart session. A dead token is healed by the client, which logs in again and calls
 * our onRenewed hook to rebuild everything from the draft. A conversation without a session but with a draft
 * (first turn after a deploy, or after a transport failure dropped it) is logged in and rebuilt here.
 */
export async function openSession(
  sessions: OpenCartSessionFactory,
  state: CheckoutState,
  logger: Logger,
): Promise<{ ok: true; context: SessionContext } | Failure> {
  const renewal = { rebuilt: false };
  const api = sessions(state.session, {
    onRenewed: async (renewed) => {
      renewal.rebuilt = true;
      logger.info({ lines: state.draft.lines.length }, 'opencart session renewed; rebuilding it from the draft');
      await reapplyDraft(renewed, state.draft, logger);
    },
  });
  if (!state.session?.token && draftHasContent(state.draft)) {
    const login = await api.login();
    if (!login.ok) return login;
    // The client may already have run the hook for this login; never apply the draft twice (adds would merge).
    if (!renewal.rebuilt) {
      renewal.rebuilt = true;
      await reapplyDraft(api, state.draft, logger);
    }
  }
  return { ok: true, context: { api, renewal } };
}
