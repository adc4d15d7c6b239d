import type { Country, CountryRef, Resolution, Zone } from '../types';
import { foldText } from '../query/fold';
import { ALPHA3_BY_ALPHA2, OPENCART_NAME_ALIASES } from './iso-codes';
import { resolveByName, type NamedCandidate } from './name-match';
import { placeAliases } from './place-aliases';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const ALL_REGION_CODES = [...ALPHABET].flatMap((a) => [...ALPHABET].map((b) => a + b)).filter((code) => ALPHA3_BY_ALPHA2.has(code));

/** Everyday names OpenCart and Intl both lack. */
const COMMON_ALIASES: Readonly<Record<string, string>> = {
  uk: 'GB', england: 'GB', britain: 'GB', 'great britain': 'GB', scotland: 'GB', wales: 'GB',
  america: 'US', 'united states of america': 'US', holland: 'NL', 'czechia': 'CZ', 'turkiye': 'TR',
};

const regionNameCache = new Map<string, Map<string, string>>();

/** Region code -> folded display name in a locale, for every code Intl knows. */
function regionNames(locale: string, style: 'long' | 'short' = 'long'): Map<string, string> {
  const key = `${locale}|${style}`;
  let names = regionNameCache.get(key);
  if (!names) {
    names = new Map();
    let display: Intl.DisplayNames | null = null;
    try {
      display = new Intl.DisplayNames([locale], { type: 'region', fallback: 'none', style });
    } catch {
      display = null; // an invalid locale tag: English names still apply
    }
    for (const code of ALL_REGION_CODES) {
      const name = display?.of(code);
      if (name) names.set(code, foldText(name));
    }
    // The locale is the activity's: bounded, so invented locales can't fill the memory.
    if (regionNameCache.size >= 32) regionNameCache.clear();
    regionNameCache.set(key, names);
  }
  return names;
}

let englishCodeByName: Map<string, string> | null = null;

/** The ISO alpha-2 code of an OpenCart country, from its English name. */
export function isoCodeOfOpenCartName(name: string): string | null {
  if (!englishCodeByName) {
    englishCodeByName = new Map([...regionNames('en')].map(([code, folded]) => [folded, code]));
  }
  const folded = foldText(name);
  return OPENCART_NAME_ALIASES[folded] ?? englishCodeByName.get(folded) ?? null;
}

/** Candidates per country list (the catalog's cached array) and locale: built once, not on every answer. */
const candidatesByList = new WeakMap<readonly CountryRef[], Map<string, NamedCandidate<CountryRef>[]>>();

/** Candidates for the customer's locale: OpenCart's name, Intl's English and localized names, ISO codes. */
export function countryCandidates(countries: CountryRef[], locale: string): NamedCandidate<CountryRef>[] {
  let byLocale = candidatesByList.get(countries);
  if (!byLocale) {
    byLocale = new Map();
    candidatesByList.set(countries, byLocale);
  }
  let candidates = byLocale.get(locale);
  if (!candidates) {
    candidates = buildCountryCandidates(countries, locale);
    // Locales come from activities: a few are expected, and a list past a handful starts afresh.
    if (byLocale.size >= 16) byLocale.clear();
    byLocale.set(locale, candidates);
  }
  return candidates;
}

function buildCountryCandidates(countries: CountryRef[], locale: string): NamedCandidate<CountryRef>[] {
  const language = locale.split(/[-_]/)[0] || 'en';
  // The bot's languages always: a customer may write "Deutschland" or "Германия" in an English chat.
  const localized = [regionNames(locale), regionNames(language), regionNames('en'), regionNames('en', 'short'), regionNames('de'), regionNames('ru')];
  return countries.map((country) => {
    const iso2 = isoCodeOfOpenCartName(country.name);
    const names = new Set([foldText(country.name)]);
    const codes: string[] = [];
    if (iso2) {
      for (const table of localized) {
        const name = table.get(iso2);
        if (name) names.add(name);
      }
      for (const [alias, code] of Object.entries(COMMON_ALIASES)) if (code === iso2) names.add(alias);
      codes.push(iso2, ALPHA3_BY_ALPHA2.get(iso2) ?? '');
    }
    return { value: country, id: country.countryId, names: [...names], codes: codes.filter(Boolean) };
  });
}

export function resolveCountryText(text: string, countries: CountryRef[], locale: string): Resolution<CountryRef> {
  return resolveByName(text, countryCandidates(countries, locale));
}

/** Words customers add to region names that OpenCart's zone names lack. */
const ZONE_NOISE_WORDS = new Set([
  'oblast', 'region', 'province', 'state', 'county', 'krai', 'kray', 'republic', 'of', 'the', 'district',
  'область', 'обл', 'край', 'республика', 'регион', 'bundesland', 'land',
]);

/** Zone candidates per country (the catalog's cached object). */
const zoneCandidates = new WeakMap<Country, NamedCandidate<Zone>[]>();

export function resolveZoneText(text: string, country: Country): Resolution<Zone> {
  const prefix = `${country.isoCode2.toUpperCase()}-`;
  const trimmed = text.trim();
  // ISO 3166-2 style "US-CA": the part after the country prefix is often OpenCart's zone code.
  const withoutPrefix = country.isoCode2 && trimmed.toUpperCase().startsWith(prefix) ? trimmed.slice(prefix.length) : trimmed;
  let candidates = zoneCandidates.get(country);
  if (!candidates) {
    candidates = country.zones.map((zone) => {
      const name = foldText(zone.name);
      return { value: zone, id: zone.zoneId, names: [name, ...placeAliases(name)], codes: [zone.code.toUpperCase()] };
    });
    zoneCandidates.set(country, candidates);
  }
  return resolveByName(withoutPrefix, candidates, ZONE_NOISE_WORDS);
}
