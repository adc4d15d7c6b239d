/** A country's name in the customer's language from its ISO 3166-1 alpha-2 code; else the name the store has. */
export function countryDisplayName(countryIso2: string | undefined, storeName: string, locale: string): string {
  const code = countryIso2?.trim().toUpperCase();
  if (!code || !/^[A-Z]{2}$/.test(code)) return storeName;
  try {
    return new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' }).of(code) ?? storeName;
  } catch {
    // An unknown locale tag: the store's name is still right.
    return storeName;
  }
}
