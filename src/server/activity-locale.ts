import type { Activity } from 'botbuilder';

/** Where each channel puts the customer's language (see DESIGN.md, channel facts). */
export function activityLocale(activity: Partial<Activity>): string | undefined {
  if (activity.locale) return activity.locale;
  const clientInfo = activity.entities?.find((e) => e.type === 'clientInfo');
  if (clientInfo && typeof clientInfo.locale === 'string') return clientInfo.locale;
  return telegramLanguageCode(activity.channelData);
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
