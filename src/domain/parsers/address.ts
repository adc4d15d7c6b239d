import { cleanText, hasLetterOrDigit, openCartLength, parsed, rejected, type ParseResult } from './result';

export type AddressLineRejection = 'ADDRESS_EMPTY' | 'ADDRESS_TOO_SHORT' | 'ADDRESS_TOO_LONG' | 'ADDRESS_INVALID';
export type CityRejection = 'CITY_EMPTY' | 'CITY_TOO_SHORT' | 'CITY_TOO_LONG' | 'CITY_INVALID';
export type PostcodeRejection = 'POSTCODE_REQUIRED' | 'POSTCODE_TOO_SHORT' | 'POSTCODE_TOO_LONG' | 'POSTCODE_INVALID';

function boundedText<R extends string>(
  input: string,
  min: number,
  max: number,
  codes: { empty: R; short: R; long: R; invalid: R },
): ParseResult<string, R> {
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
 * Postcode: 2–10 letters, digits, spaces or hyphens, upper-cased. Only required where the country says so;
 * elsewhere an empty answer is fine and gives ''.
 */
export function parsePostcode(input: string, required: boolean): ParseResult<string, PostcodeRejection> {
  const text = cleanText(input).toUpperCase();
  if (text === '' || /^[-–—.]$/.test(text)) return required ? rejected('POSTCODE_REQUIRED') : parsed('');
  if (text.length > 10) return rejected('POSTCODE_TOO_LONG');
  if (!/^[\p{L}\p{N}][\p{L}\p{N} -]*$/u.test(text) || !/\p{N}|[A-Z]/u.test(text)) return rejected('POSTCODE_INVALID');
  if (text.length < 2) return rejected('POSTCODE_TOO_SHORT');
  return parsed(text);
}
