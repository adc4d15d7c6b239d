import { postcodeValidator, postcodeValidatorExistsForCountry } from 'postcode-validator';
import { beyondParserLimit, cleanText, hasLetterOrDigit, openCartLength, parsed, rejected, type ParseResult } from './result';

export type AddressLineRejection = 'ADDRESS_EMPTY' | 'ADDRESS_TOO_SHORT' | 'ADDRESS_TOO_LONG' | 'ADDRESS_INVALID';
export type CityRejection = 'CITY_EMPTY' | 'CITY_TOO_SHORT' | 'CITY_TOO_LONG' | 'CITY_INVALID';
export type PostcodeRejection = 'POSTCODE_REQUIRED' | 'POSTCODE_TOO_SHORT' | 'POSTCODE_TOO_LONG' | 'POSTCODE_INVALID' | 'POSTCODE_FORMAT';

function boundedText<R extends string>(
  input: string,
  min: number,
  max: number,
  codes: { empty: R; short: R; long: R; invalid: R },
): ParseResult<string, R> {
  if (beyondParserLimit(input)) return rejected(codes.long);
  const text = cleanText(input);
  if (text === '') return rejected(codes.empty);
  const length = openCartLength(text);
  if (length > max) return rejected(codes.long);
  if (!hasLetterOrDigit(text)) return rejected(codes.invalid);
  if (length < min) return rejected(codes.short);
  return parsed(text);
}

/** Street line (address_1): 3–128 characters. */
export function parseAddressLine(input: string): ParseResult<string, AddressLineRejection> {
  return boundedText(input, 3, 128, {
    empty: 'ADDRESS_EMPTY',
    short: 'ADDRESS_TOO_SHORT',
    long: 'ADDRESS_TOO_LONG',
    invalid: 'ADDRESS_INVALID',
  });
}

/** City: 2–32 characters, the limit OpenCart checks on the payment address (shipping allows 128). */
export function parseCity(input: string): ParseResult<string, CityRejection> {
  const result = boundedText(input, 2, 32, {
    empty: 'CITY_EMPTY',
    short: 'CITY_TOO_SHORT',
    long: 'CITY_TOO_LONG',
    invalid: 'CITY_INVALID',
  });
  if (result.ok && !/\p{L}/u.test(result.value)) return rejected('CITY_INVALID');
  return result;
}

/**
 * Postcode: 2–10 letters, digits, spaces or hyphens, upper-cased (OpenCart's rule). Only required where the country
 * says so; elsewhere an empty answer is fine and gives ''. A postcode given for a country whose format is known
 * (ISO 3166-1 alpha-2, e.g. "DE") must also have that format: "8033" is refused for Germany.
 */
export function parsePostcode(input: string, required: boolean, countryIso2?: string): ParseResult<string, PostcodeRejection> {
  if (beyondParserLimit(input)) return rejected('POSTCODE_TOO_LONG');
  const text = cleanText(input).toUpperCase();
  if (text === '' || /^[-–—.]$/.test(text)) return required ? rejected('POSTCODE_REQUIRED') : parsed('');
  if (text.length > 10) return rejected('POSTCODE_TOO_LONG');
  if (!/^[\p{L}\p{N}][\p{L}\p{N} -]*$/u.test(text) || !/\p{N}|[A-Z]/u.test(text)) return rejected('POSTCODE_INVALID');
  if (text.length < 2) return rejected('POSTCODE_TOO_SHORT');
  if (hasPostcodeFormat(countryIso2) && !postcodeValidator(text, countryIso2)) return rejected('POSTCODE_FORMAT');
  return parsed(text);
}

/** True when the postcode format of this country (ISO 3166-1 alpha-2, upper case) is known. */
export function hasPostcodeFormat(countryIso2: string | undefined): countryIso2 is string {
  return countryIso2 !== undefined && /^[A-Z]{2}$/.test(countryIso2) && postcodeValidatorExistsForCountry(countryIso2);
}

/** A real postcode per country, to show what the format looks like (each one passes its country's check). */
export const POSTCODE_EXAMPLES: Readonly<Record<string, string>> = {
  AT: '1010',
  AU: '2000',
  BE: '1000',
  BR: '01310-100',
  BY: '220030',
  CA: 'K1A 0B1',
  CH: '8001',
  CN: '100000',
  CZ: '110 00',
  DE: '10117',
  DK: '1050',
  ES: '28001',
  FI: '00100',
  FR: '75001',
  GB: 'SW1A 2AA',
  IE: 'D02 X285',
  IN: '110001',
  IT: '00184',
  JP: '100-0001',
  KZ: '010000',
  LT: 'LT-01100',
  NL: '1012 AB',
  NO: '0150',
  PL: '00-950',
  PT: '1100-148',
  RU: '101000',
  SE: '111 22',
  UA: '01001',
  US: '90210',
};

export function postcodeExample(countryIso2: string | undefined): string | null {
  return (countryIso2 && POSTCODE_EXAMPLES[countryIso2]) || null;
}

/** What a typed address said, apart from its country: street, city, postcode, and parts left over (a region). */
export interface AddressParts {
  address1?: string;
  city?: string;
  postcode?: string;
  others: string[];
}

const MAX_PARTS = 6;

/** The comma-separated parts of a typed address ("221B Baker Street, London NW1 6XE, UK"), at most six. */
export function splitAddressParts(input: string): string[] {
  if (beyondParserLimit(input)) return [];
  return input
    .split(/[,;\n]/)
    .map(cleanText)
    .filter(Boolean)
    .slice(0, MAX_PARTS);
}

/** A postcode at the start or the end of a part ("10115 Berlin", "London NW1 6XE"), and what remains of the part. */
function splitPostcode(part: string, countryIso2: string | undefined): { postcode: string; rest: string } | null {
  const words = part.split(' ');
  for (const size of [2, 1]) {
    if (words.length < size) continue;
    const cuts = [
      { code: words.slice(-size), rest: words.slice(0, -size) },
      { code: words.slice(0, size), rest: words.slice(size) },
    ];
    for (const cut of cuts) {
      const candidate = cut.code.join(' ');
      if (!/\d/.test(candidate)) continue;
      // What remains is a city (letters, no house number), or nothing.
      if (cut.rest.some((w) => /\d/.test(w)) || (cut.rest.length && !cut.rest.some((w) => /\p{L}/u.test(w)))) continue;
      const postcode = parsePostcode(candidate, true, countryIso2);
      if (postcode.ok && (hasPostcodeFormat(countryIso2) || /^\d{3,}$|^[A-Z]{1,2}\d/.test(postcode.value))) {
        return { postcode: postcode.value, rest: cut.rest.join(' ') };
      }
    }
  }
  return null;
}

/**
 * The parts of an address without its country: the first part with a house number is the street, a postcode is
 * taken from the start or end of a part, the first part left with letters only is the city. Bounded by the parts.
 */
export function readAddressParts(parts: string[], countryIso2?: string): AddressParts {
  const found: AddressParts = { others: [] };
  const rest: string[] = [];
  for (const part of parts.slice(0, MAX_PARTS)) {
    const split = found.postcode === undefined ? splitPostcode(part, countryIso2) : null;
    if (split) found.postcode = split.postcode;
    const remaining = split ? split.rest : part;
    if (remaining) rest.push(remaining);
  }
  for (const part of rest) {
    if (found.address1 === undefined && isStreet(part) && parseAddressLine(part).ok) found.address1 = cleanText(part);
    else if (found.city === undefined && !/\d/.test(part) && parseCity(part).ok) found.city = cleanText(part);
    else found.others.push(part);
  }
  return found;
}

/** A street line has a house number and a word: "Hauptstr. 1", "221B Baker Street", "ул. Ленина, 5" is two parts. */
function isStreet(part: string): boolean {
  return /\d/.test(part) && /\p{L}{2,}/u.test(part);
}
