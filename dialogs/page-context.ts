import type { TurnContext } from 'botbuilder';
import { turnLog } from '../src/log';
import type { PageContext } from '../src/bot/webchat-join';
import type { DialogDeps } from './turn';

/**
 * The customer moved to a page in another currency (the shop's currency switch): an open order follows it, unless
 * the customer chose the order's currency in the chat (it differs from the page they came from). An order without
 * a currency yet takes the page's with its first line (applyLocaleCurrency).
 */
export async function followPageCurrency(ctx: TurnContext, deps: DialogDeps, before: PageContext | undefined, page: PageContext): Promise<void> {
  const state = await deps.store.checkout(ctx);
  const { currency } = state.draft;
  if (!page.currency || !currency || currency === page.currency || state.draft.status !== 'open') return;
  if (currency !== before?.currency) return; // chosen in the chat (a currency command, or a language chosen)
  const result = await deps.checkout.setCurrency(state, page.currency);
  if (!result.ok) turnLog(ctx, deps.logger).debug({ code: page.currency, problem: result.problem.code }, 'page currency not offered by the shop');
}
