import { cartProducts } from '../cart';
import { convertMoney, formatMoney } from '../money';
import { phpEmpty, phpNumber, phpUndefinedKeyWarning, type JsonOut } from '../php';
import { currencyByCode } from '../state';
import { rewardPointsOf, validCoupon, validVoucher } from '../totals';
import { dropMethods } from './cart-routes';
import { hasApiAccess, permissionObject, permissionString, postString, type ApiContext } from './context';

export function currencyRoute(ctx: ApiContext): JsonOut {
  if (!hasApiAccess(ctx)) return permissionString();
  const code = postString(ctx, 'currency');
  if (code === undefined) ctx.warnings.push(phpUndefinedKeyWarning('currency', 'catalog/controller/api/currency.php', 13));
  // The DB lookup is case-insensitive; the session keeps the code as sent (startup falls back later).
  const found = code !== undefined && ctx.state.catalog.currencies.some((c) => c.code.toLowerCase() === code.toLowerCase());
  if (!found) return { error: 'Warning: Currency code is invalid!' };
  ctx.session.currency = code;
  delete ctx.session.shipping_method;
  delete ctx.session.shipping_methods;
  return { success: 'Success: Your currency has been changed!' };
}

export function couponRoute(ctx: ApiContext): JsonOut {
  if (!hasApiAccess(ctx)) return permissionString();
  delete ctx.session.coupon;
  const code = postString(ctx, 'coupon') ?? '';
  if (!validCoupon(ctx, code, cartProducts(ctx))) return { error: "Warning: Coupon is either invalid, expired or reached it's usage limit!" };
  ctx.session.coupon = code;
  return { success: 'Success: Your coupon discount has been applied!' };
}

export function voucherRoute(ctx: ApiContext): JsonOut {
  if (!hasApiAccess(ctx)) return permissionString();
  delete ctx.session.voucher;
  const code = postString(ctx, 'voucher') ?? '';
  if (!validVoucher(ctx, code)) return { error: 'Warning: Gift Voucher is either invalid or the balance has been used up!' };
  ctx.session.voucher = code;
  return { success: 'Success: Your gift voucher discount has been applied!' };
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** voucher/add: buys a gift certificate (validated), or `voucher[i][...]` replaces the list unchecked. */
export function voucherAddRoute(ctx: ApiContext): JsonOut {
  if (!hasApiAccess(ctx)) return permissionObject();
  const defaultCurrency = currencyByCode(ctx.state, ctx.state.catalog.settings.currency);
  const bulk = ctx.post.get('voucher');
  if (bulk instanceof Map) {
    ctx.session.vouchers = new Map();
    for (const item of bulk.values()) {
      if (!(item instanceof Map)) continue;
      const f = (k: string): string => (typeof item.get(k) === 'string' ? (item.get(k) as string) : '');
      if (!item.has('code') || !item.has('to_name') || !item.has('amount')) continue;
      const amount = convertMoney(phpNumber(item.get('amount')), ctx.currency, defaultCurrency);
      ctx.session.vouchers.set(f('code'), {
        code: f('code'), description: `${formatMoney(amount, ctx.currency)} Gift Certificate for ${f('to_name')}`,
        from_name: f('from_name'), from_email: f('from_email'), to_name: f('to_name'), to_email: f('to_email'),
        voucher_theme_id: f('voucher_theme_id'), message: f('message'), amount,
      });
    }
    dropMethods(ctx);
    return { success: 'Success: You have modified your shopping cart!' };
  }
  const field = (k: string): string => postString(ctx, k) ?? '';
  const error = new Map<string, JsonOut>();
  const len = (s: string): number => [...s].length;
  if (len(field('from_name')) < 1 || len(field('from_name')) > 64) error.set('from_name', 'Your Name must be between 1 and 64 characters!');
  if (len(field('from_email')) > 96 || !EMAIL.test(field('from_email'))) error.set('from_email', 'E-Mail Address does not appear to be valid!');
  if (len(field('to_name')) < 1 || len(field('to_name')) > 64) error.set('to_name', "Recipient's Name must be between 1 and 64 characters!");
  if (len(field('to_email')) > 96 || !EMAIL.test(field('to_email'))) error.set('to_email', 'E-Mail Address does not appear to be valid!');
  const amount = convertMoney(phpNumber(ctx.post.get('amount')), ctx.currency, defaultCurrency);
  if (amount < 1 || amount > 1000) {
    error.set('amount', `Amount must be between ${formatMoney(1, ctx.currency)} and ${formatMoney(1000, ctx.currency)}!`);
  }
  if (error.size > 0) return { error };
  // mt_rand(): a random integer code, sent as a JSON number.
  const code = 100000000 + Math.floor(Math.random() * 2000000000);
  ctx.session.vouchers ??= new Map();
  ctx.session.vouchers.set(String(code), {
    code, description: `${formatMoney(amount, ctx.currency)} Gift Certificate for ${field('to_name')}`,
    from_name: field('from_name'), from_email: field('from_email'), to_name: field('to_name'), to_email: field('to_email'),
    voucher_theme_id: field('voucher_theme_id'), message: field('message'), amount,
  });
  dropMethods(ctx);
  return { success: 'Success: You have modified your shopping cart!' };
}

function pointsTotal(ctx: ApiContext): number {
  return cartProducts(ctx).reduce((n, p) => n + p.points, 0);
}

/** api/reward: empty, then "> available", then "> maximum"; the last failing check wins. */
export function rewardRoute(ctx: ApiContext): JsonOut {
  if (!hasApiAccess(ctx)) return permissionString();
  delete ctx.session.reward;
  const raw = ctx.post.get('reward');
  const file = 'catalog/controller/api/reward.php';
  if (raw === undefined) ctx.warnings.push(phpUndefinedKeyWarning('reward', file, 28), phpUndefinedKeyWarning('reward', file, 32));
  const wanted = phpNumber(raw);
  const available = rewardPointsOf(ctx) ?? 0;
  const maximum = pointsTotal(ctx);
  let error: string | null = null;
  if (phpEmpty(raw)) error = 'Warning: Please enter the amount of reward points to use!';
  if (raw !== undefined && wanted > available) error = `Warning: You don't have ${typeof raw === 'string' ? raw : ''} reward points!`;
  if (raw !== undefined && wanted > maximum) error = `Warning: The maximum number of points that can be applied is ${maximum}!`;
  if (error) return { error };
  ctx.session.reward = Math.abs(wanted);
  return { success: 'Success: Your reward points discount has been applied!' };
}

export function rewardMaximumRoute(ctx: ApiContext): JsonOut {
  if (!hasApiAccess(ctx)) return permissionString();
  return { maximum: pointsTotal(ctx) };
}

export function rewardAvailableRoute(ctx: ApiContext): JsonOut {
  if (!hasApiAccess(ctx)) return permissionString();
  const points = rewardPointsOf(ctx);
  return { points: points === null ? null : String(points) };
}
