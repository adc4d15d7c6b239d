import { StorefrontHttpError, StorefrontTransportError } from '../catalog/fetcher';
import { OpenCartError } from '../opencart/errors';

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE', 'ECONNABORTED', 'UND_ERR_SOCKET']);

/** The shop could not be asked (store down, timeout, garbage answer): tell the customer, keep the draft. */
export function isShopUnreachable(error: unknown): boolean {
  if (error instanceof OpenCartError || error instanceof StorefrontTransportError) return true;
  if (error instanceof StorefrontHttpError) return error.status >= 500;
  if (!(error instanceof Error)) return false;
  const code = (error as Error & { code?: unknown }).code;
  if (typeof code === 'string' && NETWORK_CODES.has(code)) return true;
  // botbuilder-dialogs wraps what a step threw in DialogContextError.error; others use `cause`.
  const inner = (error as Error & { error?: unknown; cause?: unknown }).error ?? (error as Error & { cause?: unknown }).cause;
  return inner !== undefined && inner !== error && isShopUnreachable(inner);
}
