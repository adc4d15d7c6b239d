/** Where each channel puts the customer's language (DESIGN.md, channel facts); framework-free. */
export const SUPPORTED_LOCALES = ['en', 'ru', 'de'] as const;
export type SupportedLocale = (typeof SUPPORTED_LOCALES)[number];

/** The parts of an activity that can carry a language tag. */
export interface LocaleCarrier {
  locale?: string;
  entities?: { type: string; [key: string]: unknown }[];
  channelData?: unknown;
}

/** The raw language tag an activity carries: Web Chat's locale, Teams' clientInfo, Telegram's language_code. */
export function activityLanguageTag(activity: LocaleCarrier): string | undefined {
  if (activity.locale) return activity.locale;
  const clientInfo = activity.entities?.find((e) => e.type === 'clientInfo');
  if (clientInfo && typeof clientInfo.locale === 'string') return clientInfo.locale;
  return telegramLanguageCode(activity.channelData);
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

function telegramLanguageCode(channelData: unknown): string | undefined {
  if (!isRecord(channelData)) return undefined;
  for (const key of ['message', 'callback_query']) {
    const part = channelData[key];
    const from = isRecord(part) ? part.from : undefined;
    if (isRecord(from) && typeof from.language_code === 'string') return from.language_code;
  }
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
