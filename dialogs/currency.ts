import type { TurnContext } from 'botbuilder';
import type { CheckoutState } from '../src/domain/checkout-port';
import type { SupportedLocale } from '../src/i18n';
import { localeOf, type DialogDeps } from './turn';

/** The currency each language's customers expect, used where the shop offers it. */
export const CURRENCY_BY_LOCALE: Readonly<Record<SupportedLocale, string | null>> = { en: null, de: 'EUR', ru: 'RUB' };

/** Sets the customer's currency once, before the first cart line; a shop without it keeps its default. */
export async function applyLocaleCurrency(ctx: TurnContext, deps: DialogDeps, state: CheckoutState, force = false): Promise<void> {
  if (state.draft.currency && !force) return;
  const code = CURRENCY_BY_LOCALE[localeOf(ctx)];
  if (!code || state.draft.currency === code) return;
  const result = await deps.checkout.setCurrency(state, code);
  if (!result.ok) deps.logger.debug({ code, problem: result.problem.code }, 'currency not offered by the shop');
}
