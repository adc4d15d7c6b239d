import type { Activity, TurnContext } from 'botbuilder';
import { choiceCard } from '../../src/cards';
import { SUPPORTED_LOCALES, supportedLocale, type SupportedLocale } from '../../src/i18n';
import { normalizeWords } from './commands';
import { applyLocaleCurrency } from '../currency';
import { cardActivity, setTurnLocale, translate, type DialogDeps } from '../turn';

/** "English", "русский", "Deutsch" (in any letter case) => the locale, or null. */
export function languageNamed(deps: DialogDeps, text: string | undefined): SupportedLocale | null {
  const words = normalizeWords(text ?? '');
  return SUPPORTED_LOCALES.find((lng) => normalizeWords(deps.translator.t(lng, 'language.name')) === words) ?? null;
}

/** The language buttons, each language named in itself. */
export function languageChoice(ctx: TurnContext, deps: DialogDeps): Partial<Activity> {
  const t = translate(ctx, deps.translator);
  const choices = SUPPORTED_LOCALES.map((lng) => ({ title: deps.translator.t(lng, 'language.name'), action: { a: 'lang' as const, v: lng } }));
  return cardActivity(ctx, choiceCard({ text: t('language.ask'), choices }));
}

/** Switches the conversation's language (remembered in conversation state) and the currency with it. */
export async function switchLanguage(ctx: TurnContext, deps: DialogDeps, locale: string | undefined): Promise<boolean> {
  const chosen = supportedLocale(locale);
  if (!chosen) return false;
  (await deps.store.flow(ctx)).chosenLocale = chosen;
  setTurnLocale(ctx, chosen);
  await ctx.sendActivity(deps.translator.t(chosen, 'language.changed'));
  const state = await deps.store.checkout(ctx);
  if (state.draft.lines.length && state.draft.status === 'open') await applyLocaleCurrency(ctx, deps, state, true);
  return true;
}
