import type { RunInSession } from '../checkout';
import type { CheckoutProblem, CheckoutResult, CheckoutService } from '../checkout-port';
import type { CartView, GiftVoucherInput, Outcome } from '../../opencart/api';
import type { GiftVoucher, OrderDraft } from '../draft';
import { done, problemFrom, refuse } from './mapping';
import type { Projection } from './projection';

type VoucherOperations = Pick<CheckoutService, 'addGiftVoucher' | 'removeGiftVoucher'>;

const OK: Outcome = { ok: true, value: undefined };

/**
 * voucher_theme_id: api/voucher/add does not check it, and OpenCart's voucher mail shows a theme's image only when
 * one has that id; the bot offers no themes, so none.
 */
const NO_THEME = 0;

function toVoucherInput(voucher: GiftVoucher): GiftVoucherInput {
  return {
    from_name: voucher.fromName,
    from_email: voucher.fromEmail,
    to_name: voucher.toName,
    to_email: voucher.toEmail,
    voucher_theme_id: NO_THEME,
    message: voucher.message,
    amount: voucher.amount,
  };
}

/** Whether the draft holds anything to order: product lines or gift vouchers. */
export function hasSomethingToOrder(draft: OrderDraft): boolean {
  return draft.lines.length > 0 || draft.giftVouchers.length > 0;
}

/**
 * The figures of OpenCart's amount refusal ("Amount must be between $1.00 and $1,000.00!", config_voucher_min and
 * _max in the session currency): the two prices, whatever language the store answers in. Only figures leave here.
 */
export function amountRange(message: string): { min: string; max: string } | null {
  const prices = message.slice(0, 500).match(/[^\s\d]{0,4}\d[\d.,\u00a0\u202f]*\d?[^\s\d!.,;:)]{0,4}/gu) ?? [];
  const [min, max] = prices;
  return min !== undefined && max !== undefined ? { min, max } : null;
}

function voucherProblem(failure: Exclude<Outcome, { ok: true }>): CheckoutProblem {
  const problem = problemFrom(failure);
  const range = failure.fields?.includes('amount') ? amountRange(failure.message) : null;
  return range ? { ...problem, range } : problem;
}

/** Reads which code OpenCart gave each gift voucher sent to this session: the codes it holds that no voucher has yet. */
function learnCodes(projection: Projection, cart: CartView, sent: GiftVoucher[]): void {
  const codes = projection.sync.giftVoucherCodes;
  const known = new Set(Object.values(codes));
  const fresh = cart.vouchers.filter((line) => !known.has(line.code));
  for (const voucher of sent) {
    const at = fresh.findIndex((line) => line.description === voucher.description || voucher.description === '');
    const line = fresh.splice(at >= 0 ? at : 0, 1)[0];
    if (!line) continue;
    codes[voucher.voucherId] = line.code;
    voucher.description = line.description;
    voucher.price = line.amount;
  }
}

/**
 * Every gift voucher of the draft in the session (a new login holds none): sent again with voucher/add, once each.
 * One OpenCart refuses now (its limits changed) leaves the draft, like a product line it no longer sells.
 */
export async function giftVouchersInSession(projection: Projection): Promise<Outcome> {
  const { draft, sync } = projection;
  const missing = draft.giftVouchers.filter((voucher) => sync.giftVoucherCodes[voucher.voucherId] === undefined);
  if (missing.length === 0) return OK;
  const sent: GiftVoucher[] = [];
  for (const voucher of missing) {
    const added = await projection.api.voucherAdd(toVoucherInput(voucher));
    projection.cartChanged();
    if (added.ok) sent.push(voucher);
    else draft.giftVouchers = draft.giftVouchers.filter((other) => other.voucherId !== voucher.voucherId);
  }
  const read = await projection.readCart();
  if (!read.ok) return read;
  learnCodes(projection, read.value, sent);
  return OK;
}

/** Buying gift vouchers: voucher/add puts one into the session's cart, cart/remove with its code takes it out. */
export function createVoucherOperations(run: RunInSession, newId: () => string): VoucherOperations {
  return {
    addGiftVoucher: (state, input) =>
      run(state, async (projection) => {
        const content = await projection.cartContent();
        if (!content.ok) return refuse<GiftVoucher>(content);
        const voucher: GiftVoucher = { ...input, voucherId: newId(), description: '', price: '' };
        const added = await projection.api.voucherAdd(toVoucherInput(voucher));
        if (!added.ok) return { ok: false, problem: voucherProblem(added) } satisfies CheckoutResult<GiftVoucher>;
        projection.cartChanged();
        const read = await projection.readCart();
        if (!read.ok) return refuse<GiftVoucher>(read);
        learnCodes(projection, read.value, [voucher]);
        state.draft.giftVouchers = [...state.draft.giftVouchers, voucher];
        return done(voucher);
      }),

    removeGiftVoucher: (state, voucherId) =>
      run(state, async (projection) => {
        const { draft, sync } = projection;
        if (!draft.giftVouchers.some((voucher) => voucher.voucherId === voucherId)) return refuse({ code: 'LINE_NOT_FOUND' });
        const code = sync.giftVoucherCodes[voucherId];
        if (code !== undefined) {
          // cart/remove takes a voucher's code as its key (corpus 18-voucher.json).
          const removed = await projection.api.cartRemove(code);
          if (!removed.ok) return refuse(removed);
          projection.cartChanged();
        }
        delete sync.giftVoucherCodes[voucherId];
        draft.giftVouchers = draft.giftVouchers.filter((voucher) => voucher.voucherId !== voucherId);
        return done();
      }),
  };
}
