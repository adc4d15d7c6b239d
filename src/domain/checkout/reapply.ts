import pino, { type Logger } from 'pino';
import type { CartView, OpenCartApi } from '../../opencart/api';
import type { OrderDraft } from '../draft';
import { shippingTarget, toAddressInput, toCustomerInput } from './mapping';

/**
 * Rebuilds OpenCart's session from the draft after a new login: currency, cart lines, coupon, voucher, customer,
 * payment address, then the shipping address and both methods (re-quoted; a chosen method no longer offered is
 * cleared from the draft). What OpenCart refuses now is dropped from the draft and logged.
 */
export async function reapplyDraft(
  api: OpenCartApi,
  draft: OrderDraft,
  logger: Logger = pino({ level: 'silent' }),
): Promise<void> {
  if (draft.currency) {
    const currency = await api.currency(draft.currency);
    if (!currency.ok) logger.warn({ code: currency.code }, 'currency refused while rebuilding the session');
  }
  for (const line of [...draft.lines]) {
    const added = await api.cartAdd({ productId: line.productId, quantity: line.quantity, options: line.options });
    if (!added.ok) dropLine(draft, line.lineId, added.code, logger);
  }
  await reapplyCodes(api, draft, logger);
  if (draft.contact) {
    const customer = await api.customer(toCustomerInput(draft.contact));
    if (!customer.ok) logger.warn({ code: customer.code, fields: customer.fields }, 'customer refused on rebuild');
  }
  if (draft.paymentAddress) {
    const address = await api.paymentAddress(toAddressInput(draft.paymentAddress));
    if (!address.ok) logger.warn({ code: address.code, fields: address.fields }, 'payment address refused on rebuild');
  }
  const cart = await api.cartProducts();
  if (cart.ok) await projectMethods(api, draft, cart.value, logger);
}

async function reapplyCodes(api: OpenCartApi, draft: OrderDraft, logger: Logger): Promise<void> {
  if (draft.coupon) {
    const coupon = await api.coupon(draft.coupon);
    if (!coupon.ok) {
      logger.info({ code: coupon.code }, 'coupon no longer accepted; dropped from the draft');
      draft.coupon = null;
    }
  }
  if (draft.voucher) {
    const voucher = await api.voucher(draft.voucher);
    if (!voucher.ok) {
      logger.info({ code: voucher.code }, 'voucher no longer accepted; dropped from the draft');
      draft.voucher = null;
    }
  }
}

export function dropLine(draft: OrderDraft, lineId: string, code: string, logger: Logger): void {
  const line = draft.lines.find((candidate) => candidate.lineId === lineId);
  logger.warn({ code, productId: line?.productId }, 'cart line refused by OpenCart; dropped from the draft');
  draft.lines = draft.lines.filter((candidate) => candidate.lineId !== lineId);
}

export function cartNeedsShipping(cart: CartView): boolean {
  return cart.lines.some((line) => line.shipping);
}

/**
 * Puts the shipping address and the chosen methods back after anything that drops them (every cart change, a
 * new address, a currency change). Quotes only what the draft has chosen: choosing happens in its own step.
 */
export async function projectMethods(api: OpenCartApi, draft: OrderDraft, cart: CartView, logger: Logger): Promise<void> {
  const target = shippingTarget(draft);
  if (cartNeedsShipping(cart) && target) {
    const address = await api.shippingAddress(toAddressInput(target));
    if (!address.ok) logger.warn({ code: address.code, fields: address.fields }, 'shipping address refused on rebuild');
    else await requoteShipping(api, draft, logger);
  } else if (!cartNeedsShipping(cart)) {
    draft.shippingMethod = null; // nothing ships, so nothing to choose
  }
  await requotePayment(api, draft, logger);
}

/** Quotes shipping again and re-chooses the draft's method, or clears it when it is no longer offered. */
export async function requoteShipping(api: OpenCartApi, draft: OrderDraft, logger: Logger): Promise<void> {
  const chosen = draft.shippingMethod;
  if (!chosen) return;
  const methods = await api.shippingMethods();
  const quote = methods.ok
    ? methods.value.flatMap((method) => method.quotes).find((candidate) => candidate.code === chosen.code)
    : undefined;
  const applied = quote ? await api.shippingMethod(quote.code) : null;
  if (quote && applied?.ok) {
    draft.shippingMethod = { code: quote.code, title: quote.title, text: quote.text };
  } else {
    logger.info({ code: chosen.code }, 'shipping method no longer offered; cleared');
    draft.shippingMethod = null;
  }
}

/** Quotes payment again and re-chooses the draft's method, or clears it when it is no longer offered. */
export async function requotePayment(api: OpenCartApi, draft: OrderDraft, logger: Logger): Promise<void> {
  const chosen = draft.paymentMethod;
  if (!chosen || !draft.paymentAddress) return;
  const methods = await api.paymentMethods();
  const method = methods.ok ? methods.value.find((candidate) => candidate.code === chosen.code) : undefined;
  const applied = method ? await api.paymentMethod(method.code) : null;
  if (method && applied?.ok) {
    draft.paymentMethod = { code: method.code, title: method.title, text: chosen.text };
  } else {
    logger.info({ code: chosen.code }, 'payment method no longer offered; cleared');
    draft.paymentMethod = null;
  }
}
