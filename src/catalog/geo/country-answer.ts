import type { Catalog, CountryRef, Resolution, Zone } from '../types';

/** What the country question's answer named: a country, and a region when both were given ("Kaliningrad, Russia"). */
export type CountryAnswer = { kind: 'found'; value: CountryRef; zone: Zone | null } | { kind: 'ambiguous'; candidates: CountryRef[] } | { kind: 'none' };

export type CountryResolver = Pick<Catalog, 'resolveCountry' | 'resolveZone'>;

/** Longer than "Kaliningrad Oblast, Russian Federation" many times over: such an answer names no place. */
export const MAX_COUNTRY_ANSWER = 200;
/** "Saint Vincent and the Grenadines" has 5 words: splits past 8 words name nothing new, they only cost. */
const MAX_SPLIT_WORDS = 8;
/** "Moscow, Moscow Oblast, Russia": more parts than 4 are not a region and a country. */
const MAX_PARTS = 4;

const PART_SEPARATORS = /[,;/]| - /u;
/** ISO 3166-2 style "US-CA": a country's alpha-2 code, a hyphen, the region's code. */
const ISO_REGION = /^([A-Za-z]{2})-([A-Za-z0-9]{1,3})$/u;

/**
 * Reads "Germany", "DE", or a region with its country in either order ("California, USA", "CA, US",
 * "California USA", "US-CA"). A country and region found together win; then the whole text as a country
 * ("Korea, Republic of", "United States"); then a country named in one part. Bounded: at most
 * MAX_COUNTRY_ANSWER characters, MAX_PARTS parts and MAX_SPLIT_WORDS words are looked at, so the work per
 * answer has a ceiling whatever is typed.
 */
export async function readCountryAnswer(catalog: CountryResolver, text: string, locale: string): Promise<CountryAnswer> {
  if (text.length > MAX_COUNTRY_ANSWER) return { kind: 'none' };
  const trimmed = text.replace(/\s+/gu, ' ').trim();
  const iso = ISO_REGION.exec(trimmed);
  const coded = iso ? await readParts(catalog, [iso[2], iso[1]], locale, true) : {};
  if (coded.pair) return coded.pair;
  const parts = trimmed.split(PART_SEPARATORS).map((p) => p.trim()).filter(Boolean);
  const separated = parts.length > 1 && parts.length <= MAX_PARTS ? await readParts(catalog, parts, locale) : {};
  if (separated.pair) return separated.pair;
  const whole: Resolution<CountryRef> = await catalog.resolveCountry(trimmed, locale);
  if (whole.kind === 'found') return { ...whole, zone: null };
  let countryOnly = separated.countryOnly ?? coded.countryOnly;
  // No separator ("California USA"): each split between words, as two parts.
  const words = parts.length === 1 ? parts[0].split(' ') : [];
  if (words.length > MAX_SPLIT_WORDS) return countryOnly ?? whole;
  for (let k = 1; k < words.length; k += 1) {
    const split = await readParts(catalog, [words.slice(0, k).join(' '), words.slice(k).join(' ')], locale);
    if (split.pair) return split.pair;
    countryOnly ??= split.countryOnly;
  }
  return countryOnly ?? whole;
}

interface PartsRead {
  pair?: CountryAnswer;
  countryOnly?: CountryAnswer;
}

/** One part as the country, the others as its region; the country is usually last, so parts are tried from the end. */
async function readParts(catalog: CountryResolver, parts: string[], locale: string, lastOnly = false): Promise<PartsRead> {
  const read: PartsRead = {};
  for (let i = parts.length - 1; i >= (lastOnly ? parts.length - 1 : 0); i -= 1) {
    const country = await catalog.resolveCountry(parts[i], locale);
    if (country.kind !== 'found') continue;
    const zone = await catalog.resolveZone(country.value.countryId, parts.filter((_, j) => j !== i).join(', '));
    if (zone.kind === 'found') return { pair: { kind: 'found', value: country.value, zone: zone.value } };
    read.countryOnly ??= { kind: 'found', value: country.value, zone: null };
  }
  return read;
}
