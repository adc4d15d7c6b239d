import { readCountryAnswer } from '../../src/catalog/geo/country-answer';
import { cityOfRegionPart } from '../../src/catalog/geo/place-aliases';
import type { Catalog, Country, CountryRef, Zone } from '../../src/catalog/types';
import { readAddressParts, splitAddressParts } from '../../src/domain/parsers';
import { NO_ZONE_ID, regionOf as regionWithZone, type Region } from './region-dialog';

/** What a typed address answer named: a country (when it named one), its region, and the other fields. */
export type TypedAddress =
  | { kind: 'read'; text: string; country: Country | null; zone: Zone | null; fields: Partial<Record<'city' | 'address1' | 'postcode', string>> }
  /** The country it named is one of several ("united"): the customer picks one. */
  | { kind: 'ambiguous'; candidates: CountryRef[] }
  /** No country known and none named. */
  | { kind: 'none' };

/** A country with the region, or with zone 0 where it has none. */
export function regionOf(country: Country, zone: Pick<Zone, 'zoneId' | 'name'> | null): Region {
  return regionWithZone(country, zone ?? { zoneId: NO_ZONE_ID, name: '' });
}

/**
 * Reads "221B Baker Street, London NW1 6XE, UK" (or just "Germany", or just the answer to the field asked): the
 * country is the part the store knows as one (tried from the end), the region a leftover part or the city, the rest
 * street, city and postcode. At most six parts, each resolved once.
 */
export async function readTypedAddress(catalog: Catalog, text: string, locale: string, known: Country | null): Promise<TypedAddress> {
  const parts = splitAddressParts(text);
  let country = known;
  let named: Country | null = null;
  let zone: Zone | null = null;
  let rest = parts;
  if (!known) {
    const at = await countryPart(catalog, parts, locale);
    if (at) {
      named = at.country;
      rest = parts.filter((_, i) => i !== at.index);
    } else {
      const answer = await readCountryAnswer(catalog, text, locale);
      if (answer.kind === 'ambiguous') return { kind: 'ambiguous', candidates: answer.candidates };
      if (answer.kind === 'none') return { kind: 'none' };
      named = await catalog.country(answer.value.countryId);
      if (!named) return { kind: 'none' };
      return { kind: 'read', text, country: named, zone: answer.zone, fields: {} };
    }
    country = named;
  }
  const iso2 = country?.isoCode2.trim().toUpperCase();
  const found = readAddressParts(rest, iso2 && /^[A-Z]{2}$/.test(iso2) ? iso2 : undefined);
  const fields = { address1: found.address1, city: found.city, postcode: found.postcode };
  const given = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
  // Known country, one field: the whole text answers the question asked ("ул. Ленина, 5" is one street).
  if (known && Object.keys(given).length < 2) return { kind: 'read', text, country: null, zone: null, fields: {} };
  if (country?.zones.length) zone = await zoneOf(catalog, country, [...found.others, ...(found.city ? [found.city] : [])]);
  // "California, USA" and "Mordor, Germany" name a region, not a city; "Hauptstr. 1, 10115 Berlin, Germany" keeps Berlin,
  // and so does "London, UK" (a city that names its region, Greater London).
  if (given.address1 === undefined && given.postcode === undefined && !cityOfRegionPart(given.city ?? '')) delete given.city;
  return { kind: 'read', text, country: named, zone, fields: given };
}

async function countryPart(catalog: Catalog, parts: string[], locale: string): Promise<{ country: Country; index: number } | null> {
  for (let i = parts.length - 1; i >= 0; i -= 1) {
    if (/\d/.test(parts[i])) continue;
    const found = await catalog.resolveCountry(parts[i], locale);
    if (found.kind !== 'found') continue;
    const country = await catalog.country(found.value.countryId);
    if (country) return { country, index: i };
  }
  return null;
}

async function zoneOf(catalog: Catalog, country: Country, candidates: string[]): Promise<Zone | null> {
  for (const text of candidates) {
    const found = await catalog.resolveZone(country.countryId, text);
    if (found.kind === 'found') return found.value;
  }
  return null;
}
