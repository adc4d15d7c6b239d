import { createHash } from 'node:crypto';
import type { TurnContext } from 'botbuilder';
import { scrubSecrets, type Logger } from '../log';
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

/** Short stable tag of an id, so logs can correlate turns without holding chat or user ids. */
export function idTag(id: string | undefined): string | undefined {
  return id ? createHash('sha256').update(id).digest('hex').slice(0, 12) : undefined;
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
    logger.error(
      {
        err: describeError(error),
        channelId: activity.channelId,
        activityType: activity.type,
        conversation: idTag(activity.conversation?.id),
      },
      'turn failed',
    );
    try {
      const locale = activityLanguageTag(activity);
      await context.sendActivity(errorText ? errorText(locale) : FALLBACK_ERROR_TEXT);
      await context.sendTraceActivity('OnTurnError Trace', describeError(error).message, undefined, 'TurnError');
      if (afterError) await afterError(context, error);
    } catch (sendError) {
      logger.error({ err: describeError(sendError), channelId: activity.channelId }, 'could not tell the customer about a failed turn');
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
