import type { TurnContext } from 'botbuilder';
import { ComponentDialog, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { choiceCard } from '../src/cards';
import { SUPPORTED_LOCALES, supportedLocale, type SupportedLocale } from '../src/i18n';
import { normalizeWords } from './commands';
import { applyLocaleCurrency } from './currency';
import { DIALOG } from './ids';
import { InputPrompt, type CustomerInput } from './input-prompt';
import { cardActivity, setTurnLocale, translate, type DialogDeps } from './turn';
import { answerValidator } from './validation';

const PROMPT = 'languagePrompt';

/** "English", "русский", "de"... => the locale, or null. */
export function languageNamed(deps: DialogDeps, text: string): SupportedLocale | null {
  const words = normalizeWords(text);
  const byName = SUPPORTED_LOCALES.find((lng) => normalizeWords(deps.translator.t(lng, 'language.name')) === words);
  return byName ?? (words.length === 2 ? supportedLocale(words) : null);
}

/** Switches the conversation's language (remembered in conversation state) and the currency with it. */
export async function switchLanguage(ctx: TurnContext, deps: DialogDeps, locale: SupportedLocale): Promise<void> {
  (await deps.store.flow(ctx)).chosenLocale = locale;
  setTurnLocale(ctx, locale);
  await ctx.sendActivity(deps.translator.t(locale, 'language.changed'));
  const state = await deps.store.checkout(ctx);
  if (state.draft.lines.length) await applyLocaleCurrency(ctx, deps, state, true);
}

/** Asks which language, unless the customer already said it ("language: deutsch"). */
export class LanguageDialog extends ComponentDialog {
  constructor(private readonly deps: DialogDeps) {
    super(DIALOG.language);
    const validator = answerValidator(deps, {
      actions: ['lang'],
      action: (action) => (supportedLocale(action.v) ? null : { key: 'common.staleButton' }),
      text: (text) => (languageNamed(deps, text) ? null : { key: 'language.unknown' }),
    });
    this.addDialog(new InputPrompt(PROMPT, validator));
    this.addDialog(new WaterfallDialog('languageSteps', [this.ask.bind(this), this.apply.bind(this)]));
    this.initialDialogId = 'languageSteps';
  }

  private async ask(step: WaterfallStepContext) {
    const t = translate(step.context, this.deps.translator);
    const choices = SUPPORTED_LOCALES.map((lng) => ({ title: this.deps.translator.t(lng, 'language.name'), action: { a: 'lang' as const, v: lng } }));
    return step.prompt(PROMPT, { prompt: cardActivity(step.context, choiceCard({ text: t('language.ask'), choices })) });
  }

  private async apply(step: WaterfallStepContext) {
    const input = step.result as CustomerInput;
    const locale = supportedLocale(input.action?.v) ?? languageNamed(this.deps, input.text);
    if (locale) await switchLanguage(step.context, this.deps, locale);
    return step.endDialog(locale);
  }
}
