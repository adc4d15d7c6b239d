import type { DemoCurrency } from '../model';
import { phpJsonEncode, type JsonOut, type PhpArray } from '../php';
import type { SessionData, StoreState } from '../state';
import type { TaxAddresses } from '../tax';

/** One API request as the route handlers see it; `session` is this request's private copy of the session row. */
export interface ApiContext {
  state: StoreState;
  session: SessionData;
  /** '' when no session was resumed (bad token): nothing is saved then. */
  sessionId: string;
  now: number;
  ip: string;
  method: string;
  post: PhpArray;
  query: URLSearchParams;
  userAgent: string;
  acceptLanguage: string;
  /** PHP warnings printed before the JSON (only with config_error_display=1). */
  warnings: string[];
  /** Values OpenCart's startup fixed from the session before the route ran. */
  customerGroupId: number;
  customerId: number;
  currency: DemoCurrency;
  tax: TaxAddresses;
}

/** `[]` in OpenCart terms: a route that did nothing. */
export const EMPTY: JsonOut = [];

export function hasApiAccess(ctx: ApiContext): boolean {
  return ctx.session.api_id !== undefined;
}

export const PERMISSION_TEXT = 'Warning: You do not have permission to access the API!';

export function permissionObject(): JsonOut {
  return { error: { warning: PERMISSION_TEXT } };
}

export function permissionString(): JsonOut {
  return { error: PERMISSION_TEXT };
}

export function renderBody(ctx: ApiContext, json: JsonOut): string {
  const prefix = ctx.state.config.config_error_display ? ctx.warnings.join('') : '';
  return prefix + phpJsonEncode(json);
}

/** The POST field as a string, or undefined when missing (or an array). */
export function postString(ctx: ApiContext, key: string): string | undefined {
  const v = ctx.post.get(key);
  return typeof v === 'string' ? v : undefined;
}
