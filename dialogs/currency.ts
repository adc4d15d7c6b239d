import type { TurnContext } from 'botbuilder';
import { turnLog } from '../src/log';
import type { CatalogRequestOptions } from '../src/catalog/types';
import type { CheckoutState } from '../src/domain/checkout-port';
import type { SupportedLocale } from '../src/i18n';
import { pageOf } from '../src/bot/webchat-join';
import { localeOf, type DialogDeps } from './turn';

/** The currency each language's customers expect, used where the shop offers it. */
export const CURRENCY_BY_LOCALE: Readonly<Record<SupportedLocale, string | null>> = { en: null, de: 'EUR', ru: 'RUB' };

/**
 * Sets the customer's currency once, before the first cart line: the shop page's (the widget's), else their language's;
 * a shop without it keeps its default. `force` (a language the customer chose) takes the language's.
 */
export async function applyLocaleCurrency(ctx: TurnContext, deps: DialogDeps, state: CheckoutState, force = false): Promise<void> {
  if (state.draft.currency && !force) return;
  const code = (force ? undefined : pageOf(ctx)?.currency) ?? CURRENCY_BY_LOCALE[localeOf(ctx)];
  if (!code || state.draft.currency === code) return;
  const result = await deps.checkout.setCurrency(state, code);
  if (!result.ok) turnLog(ctx, deps.logger).debug({ code, problem: result.problem.code }, 'currency not offered by the shop');
}

/** The currency the customer sees prices in: the order's (set or chosen), else the page's, else their language's; null = the shop's default. */
export async function conversationCurrency(ctx: TurnContext, deps: DialogDeps): Promise<string | null> {
  const { draft } = await deps.store.checkout(ctx);
  return draft.currency ?? pageOf(ctx)?.currency ?? CURRENCY_BY_LOCALE[localeOf(ctx)];
}

/** Language and currency for catalog pages that show prices, so listings match the cart. */
export async function catalogOptions(ctx: TurnContext, deps: DialogDeps, extra: CatalogRequestOptions = {}): Promise<CatalogRequestOptions> {
  const currency = await conversationCurrency(ctx, deps);
  return { ...extra, language: localeOf(ctx), ...(currency ? { currency } : {}) };
}
