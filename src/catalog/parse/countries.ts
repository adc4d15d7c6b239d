import { z } from 'zod';
import type { Country, CountryRef } from '../types';
import { cleanText, loadPage } from './markup';

/** checkout/guest fragment: `<select name="country_id">` lists every enabled country (value = country_id). */
export function parseCountrySelect(html: string): CountryRef[] {
  const $ = loadPage(html);
  return $('select[name=country_id] option')
    .toArray()
    .flatMap((option) => {
      const countryId = Number($(option).attr('value'));
      if (!Number.isInteger(countryId) || countryId <= 0) return [];
      return [{ countryId, name: cleanText($(option).text()) }];
    });
}

const numericString = z.union([z.string(), z.number()]).transform((value) => Number(value));

const zoneJsonSchema = z.object({
  country_id: numericString,
  name: z.string(),
  iso_code_2: z.string(),
  iso_code_3: z.string(),
  postcode_required: z.union([z.string(), z.number()]),
  zone: z.array(z.object({ zone_id: numericString, name: z.string(), code: z.string(), status: z.union([z.string(), z.number()]).optional() })),
});

/** The PHP warning OpenCart prints before the JSON when country_id is missing: cut everything before the JSON. */
function jsonPart(body: string): string {
  const trimmed = body.trim();
  const objectStart = trimmed.indexOf('{');
  if (objectStart > 0 && !trimmed.startsWith('[')) return trimmed.slice(objectStart);
  if (trimmed.endsWith('[]')) return '[]';
  return trimmed;
}

/** account/account/country&country_id=N: the country and its zones, or null for `[]` (unknown id). */
export function parseZoneJson(body: string): Country | null {
  const parsed: unknown = JSON.parse(jsonPart(body));
  if (Array.isArray(parsed)) return null;
  const country = zoneJsonSchema.parse(parsed);
  return {
    countryId: country.country_id,
    name: country.name,
    isoCode2: country.iso_code_2,
    isoCode3: country.iso_code_3,
    postcodeRequired: String(country.postcode_required) === '1',
    zones: country.zone
      .filter((zone) => zone.status === undefined || String(zone.status) === '1')
      .map((zone) => ({ zoneId: zone.zone_id, name: zone.name, code: zone.code })),
  };
}
