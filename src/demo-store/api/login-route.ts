import type { JsonOut } from '../php';
import { newSessionId, saveSession } from './startup';
import { EMPTY, postString, type ApiContext } from './context';

/**
 * api/login: `[]` for every failure except a right key from a non-allowed IP. Success creates a NEW session
 * (its id is the token) that carries api_id; older tokens stay valid.
 */
export function loginRoute(ctx: ApiContext): JsonOut {
  const username = (postString(ctx, 'username') ?? 'Default').toLowerCase();
  const key = postString(ctx, 'key');
  if (ctx.method !== 'POST' || !key) return EMPTY;
  const user = ctx.state.catalog.apiUsers.find((u) => u.username.toLowerCase() === username);
  if (!user) return EMPTY;
  const expectedKey = user.key ?? ctx.state.apiKey;
  const enabled = ctx.state.apiUserEnabled.get(user.username) ?? user.status;
  if (key !== expectedKey || !enabled) return EMPTY;
  if (!ctx.state.allowedIps.includes(ctx.ip)) {
    return { error: { ip: `Warning: Your IP ${ctx.ip} is not allowed to access this API!`, key: 'Warning: Incorrect API Key!' } };
  }
  const token = newSessionId();
  ctx.state.apiSessions.set(token, { apiId: user.apiId, token, ip: ctx.ip, lastUsedAt: ctx.now });
  saveSession(ctx.state, token, { api_id: user.apiId, currency: ctx.state.catalog.settings.currency, language: ctx.state.catalog.settings.language }, ctx.now);
  return { success: 'Success: API session successfully started!', api_token: token };
}
