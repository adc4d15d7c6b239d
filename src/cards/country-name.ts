/** One Intl.DisplayNames per locale, made on first use (each card used to build its own); bounded by MAX_LOCALES. */
const displayNames = new Map<string, Intl.DisplayNames | null>();
const MAX_LOCALES = 32;

function regionNames(locale: string): Intl.DisplayNames | null {
  let names = displayNames.get(locale);
  if (names !== undefined) return names;
  try {
    names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' });
  } catch {
    names = null; // an unknown locale tag: the store's names are still right
  }
  if (displayNames.size < MAX_LOCALES) displayNames.set(locale, names);
  return names;
}

/** A country's name in the customer's language from its ISO 3166-1 alpha-2 code; else the name the store has. */
export function countryDisplayName(countryIso2: string | undefined, storeName: string, locale: string): string {
  const code = countryIso2?.trim().toUpperCase();
  if (!code || !/^[A-Z]{2}$/.test(code)) return storeName;
  try {
    return regionNames(locale)?.of(code) ?? storeName;
  } catch {
    return storeName;
  }
}
