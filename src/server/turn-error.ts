import type { TurnContext } from 'botbuilder';
import { scrubSecrets, turnLogFields, turnLogFieldsOf, turnLogger, type Logger } from '../log';
import { activityLanguageTag } from '../i18n/locale';

/** The customer-facing "something went wrong, go on or start over" text, in their language. */
export type TurnErrorText = (locale: string | undefined) => string;

/** Last resort only, for when no translator is wired (index.ts passes the translated text). */
const FALLBACK_ERROR_TEXT = 'Sorry, something went wrong on our side. You can go on, or type "start over".';

export interface TurnErrorHandlerOptions {
  logger: Logger;
  errorText?: TurnErrorText;
  afterError?: (context: TurnContext, error: unknown) => Promise<void>;
}

/** Describes an error for the log: name, scrubbed message and stack, nothing from the customer's input. */
export function describeError(error: unknown): { name: string; message: string; stack?: string } {
  if (error instanceof Error) {
    return { name: error.name, message: scrubSecrets(error.message), stack: error.stack && scrubSecrets(error.stack) };
  }
  return { name: typeof error, message: scrubSecrets(String(error)) };
}

export function createTurnErrorHandler(options: TurnErrorHandlerOptions) {
  const { logger, errorText, afterError } = options;
  return async (context: TurnContext, error: Error): Promise<void> => {
    const activity = context.activity;
    // The turn's own fields when the bot had set them (so the line matches the turn's others), else the same hash.
    const fields =
      turnLogFieldsOf(context) ?? turnLogFields(`${activity.channelId}/${activity.conversation?.id ?? ''}`, String(activity.channelId));
    const log = turnLogger(logger, fields);
    log.error({ err: describeError(error), activityType: activity.type }, 'turn failed');
    try {
      const locale = activityLanguageTag(activity);
      await context.sendActivity(errorText ? errorText(locale) : FALLBACK_ERROR_TEXT);
      await context.sendTraceActivity('OnTurnError Trace', describeError(error).message, undefined, 'TurnError');
      if (afterError) await afterError(context, error);
    } catch (sendError) {
      log.error({ err: describeError(sendError) }, 'could not tell the customer about a failed turn');
    }
  };
}

/** The translation key of the turn-error text (locales/<lng>/common.json, key "turnFailed"). */
export const TURN_ERROR_KEY = 'common.turnFailed';

/** Uses the translator's text when the key exists; i18next answers the key itself when it does not. */
export function translatedTurnErrorText(translator: { t(locale: string | undefined, key: string): string }): TurnErrorText {
  return (locale) => {
    const text = translator.t(locale, TURN_ERROR_KEY);
    return text && text !== TURN_ERROR_KEY ? text : FALLBACK_ERROR_TEXT;
  };
}
