/** Where each channel puts the customer's language (DESIGN.md, channel facts); framework-free. */
export const SUPPORTED_LOCALES = ['en', 'ru', 'de'] as const;
export type SupportedLocale = (typeof SUPPORTED_LOCALES)[number];

/** The parts of an activity that can carry a language tag. */
export interface LocaleCarrier {
  locale?: unknown;
  entities?: unknown;
  channelData?: unknown;
}

/**
 * The raw language tag an activity carries. The channel's own field first: Teams' clientInfo entity (its
 * activity.locale may be absent or en-US for a German client), Telegram's from.language_code; then
 * activity.locale (Web Chat, set by the page). Non-strings are ignored (malformed activities).
 */
export function activityLanguageTag(activity: LocaleCarrier): string | undefined {
  const clientInfo = Array.isArray(activity.entities) ? activity.entities.find((e) => isRecord(e) && e.type === 'clientInfo') : undefined;
  if (clientInfo && isLanguageTag(clientInfo.locale)) return clientInfo.locale;
  return telegramLanguageCode(activity.channelData) ?? (isLanguageTag(activity.locale) ? activity.locale : undefined);
}

/** 'de-DE' => 'de', 'RU' => 'ru', 'pt-BR' => null. */
export function supportedLocale(tag: string | undefined | null): SupportedLocale | null {
  if (!tag) return null;
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
  return (SUPPORTED_LOCALES as readonly string[]).includes(primary) ? (primary as SupportedLocale) : null;
}

/** The language for this turn: the customer's explicit choice, else the channel's tag, else the default. */
export function turnLocale(
  activity: LocaleCarrier,
  chosen: SupportedLocale | null | undefined,
  fallback: SupportedLocale,
): SupportedLocale {
  return chosen ?? supportedLocale(activityLanguageTag(activity)) ?? fallback;
}

/** Whether the customer's language is known this turn (chosen, or a tag on the activity), so a greeting can wait for it. */
export function languageKnown(activity: LocaleCarrier, chosen: SupportedLocale | null | undefined): boolean {
  return Boolean(chosen) || activityLanguageTag(activity) !== undefined;
}

function telegramLanguageCode(channelData: unknown): string | undefined {
  if (!isRecord(channelData)) return undefined;
  for (const key of ['message', 'callback_query']) {
    const part = channelData[key];
    const from = isRecord(part) ? part.from : undefined;
    if (isRecord(from) && isLanguageTag(from.language_code)) return from.language_code;
  }
  return undefined;
}

function isLanguageTag(value: unknown): value is string {
  return typeof value === 'string' && value.trim().length > 0 && value.length <= 35;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
