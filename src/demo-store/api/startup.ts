import { randomBytes } from 'node:crypto';
import { currencyByCode, type SessionData, type StoreState } from '../state';
import { taxAddressesFor } from '../tax';
import type { ApiContext } from './context';

const ONE_HOUR = 60 * 60 * 1000;
const SESSION_ID = /^[a-zA-Z0-9,-]{22,52}$/;

export const newSessionId = (): string => randomBytes(13).toString('hex');

/** REMOTE_ADDR as PHP sees it behind a plain IPv4 listener. */
export function normalizeIp(ip: string | undefined): string {
  if (!ip) return '';
  return ip.startsWith('::ffff:') ? ip.slice(7) : ip;
}

export interface StartedSession {
  sessionId: string;
  data: SessionData;
  /** OCSESSID to send back (cookie path only). */
  setCookie: string | null;
}

/** Reads the stored session row (a deep copy: the request works on its own snapshot). */
function load(state: StoreState, id: string, now: number): SessionData {
  const row = state.sessions.get(id);
  if (!row || row.expiresAt <= now) return {};
  return structuredClone(row.data);
}

/**
 * OpenCart's session startup: `api_token` in the query (on api/ routes) resumes that session only when its
 * API session row is fresh (< 1 h idle), the API user enabled and the IP allowed; otherwise nothing is resumed.
 * Without a token the OCSESSID cookie (or a new id) is used, with no API checks at all.
 */
export function startSession(state: StoreState, token: string | null, cookie: string | undefined, ip: string, now: number): StartedSession | 'invalid-cookie' {
  if (token !== null) {
    for (const [t, row] of state.apiSessions) if (row.lastUsedAt < now - ONE_HOUR) state.apiSessions.delete(t);
    const row = state.apiSessions.get(token);
    const user = row && state.catalog.apiUsers.find((u) => u.apiId === row.apiId);
    const enabled = user ? state.apiUserEnabled.get(user.username) ?? user.status : false;
    if (!row || !enabled || !state.allowedIps.includes(ip)) return { sessionId: '', data: {}, setCookie: null };
    row.lastUsedAt = now;
    return { sessionId: token, data: load(state, token, now), setCookie: null };
  }
  if (cookie !== undefined) {
    if (!SESSION_ID.test(cookie)) return 'invalid-cookie';
    return { sessionId: cookie, data: load(state, cookie, now), setCookie: cookie };
  }
  const id = newSessionId();
  return { sessionId: id, data: {}, setCookie: id };
}

/** Writes the whole session row back (last writer wins, as REPLACE INTO oc_session does). */
export function saveSession(state: StoreState, sessionId: string, data: SessionData, now: number): void {
  if (!sessionId) return;
  state.sessions.set(sessionId, { data: structuredClone(data), expiresAt: now + state.sessionLifetimeMs });
}

/** The request as the server read it; startup derives the rest of ApiContext from it. */
export type ContextInput = Pick<ApiContext, 'state' | 'now' | 'ip' | 'method' | 'post' | 'query' | 'userAgent' | 'acceptLanguage'> & {
  started: StartedSession;
};

/** What startup derives from the session before the route runs: currency, customer group, tax addresses. */
export function buildContext(input: ContextInput): ApiContext {
  const { state, started } = input;
  const session = started.data;
  const known = state.catalog.currencies.some((c) => c.code === session.currency);
  if (!known) session.currency = state.catalog.settings.currency;
  session.language ??= state.catalog.settings.language;
  const loggedIn = session.customer_id ? state.catalog.customers.find((c) => c.customerId === session.customer_id) : undefined;
  const customerGroupId = loggedIn?.customerGroupId ?? session.customer?.customer_group_id ?? state.catalog.settings.customerGroupId;
  return {
    state, session, sessionId: started.sessionId, now: input.now, ip: input.ip, method: input.method, post: input.post,
    query: input.query, userAgent: input.userAgent, acceptLanguage: input.acceptLanguage, warnings: [], customerGroupId,
    customerId: loggedIn?.customerId ?? 0, currency: currencyByCode(state, session.currency), tax: taxAddressesFor(state, session),
  };
}
