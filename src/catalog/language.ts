import type { StoreCurrency, StoreLanguage } from './parse/category';

/**
 * OpenCart's code for the customer's language ("de" -> "de-de"), or undefined when the store has one language
 * or not this one (pages then come in the store's default language).
 */
export function storeLanguageFor(customerLanguage: string | undefined, languages: StoreLanguage[]): string | undefined {
  if (!customerLanguage || languages.length < 2) return undefined;
  const wanted = customerLanguage.toLowerCase().replace('_', '-');
  const exact = languages.find((language) => language.code.toLowerCase() === wanted);
  if (exact) return exact.code;
  const primary = wanted.split('-')[0];
  const samePrimary = languages.filter((language) => language.code.toLowerCase().split('-')[0] === primary);
  // "de" with "de-de" and "de-ch" installed: prefer the one whose region repeats the language ("de-de").
  return (samePrimary.find((language) => language.code.toLowerCase() === `${primary}-${primary}`) ?? samePrimary[0])?.code;
}

/**
 * The store's code for the customer's currency ("eur" -> "EUR"), or undefined when the store's header offers no such
 * currency (or no switcher at all: the default theme hides it for a single currency). OpenCart would fall back to its
 * default currency for an unknown code anyway; leaving the cookie out keeps one cache entry for those pages.
 */
export function storeCurrencyFor(customerCurrency: string | undefined, currencies: StoreCurrency[]): string | undefined {
  if (!customerCurrency) return undefined;
  const wanted = customerCurrency.trim().toUpperCase();
  return currencies.find((currency) => currency.code.toUpperCase() === wanted)?.code;
}
