import { checkPostcode } from '../../dialogs/prompts/input-checks';
import { hasPostcodeFormat, parsePostcode, POSTCODE_EXAMPLES, postcodeExample } from '../../src/domain/parsers';
import { createTranslator } from '../../src/i18n';

describe('postcode format by country', () => {
  it.each([
    ['DE', '80331', '80331'],
    ['GB', 'SW1A 2AA', 'SW1A 2AA'],
    ['GB', 'sw1a 2aa', 'SW1A 2AA'],
    ['US', '90210', '90210'],
    ['US', '90210-1234', '90210-1234'],
    ['NL', '1012 ab', '1012 AB'],
    ['RU', '236000', '236000'],
  ])('%s takes %s', (country, input, value) => {
    expect(parsePostcode(input, true, country)).toEqual({ ok: true, value });
  });

  it.each([
    ['DE', '8033'],
    ['DE', '803311'],
    ['DE', 'ABCDE'],
    ['GB', '12345'],
    ['US', '9021'],
    ['RU', '23600'],
  ])('%s refuses %s as a wrong format', (country, input) => {
    expect(parsePostcode(input, true, country)).toEqual({ ok: false, reason: 'POSTCODE_FORMAT' });
  });

  it("keeps OpenCart's length rule alone where the format is unknown (Angola) or no country is given", () => {
    expect(hasPostcodeFormat('AO')).toBe(false);
    expect(parsePostcode('8033', true, 'AO')).toEqual({ ok: true, value: '8033' });
    expect(parsePostcode('AB-12', true, 'AO')).toEqual({ ok: true, value: 'AB-12' });
    expect(parsePostcode('1', true, 'AO')).toEqual({ ok: false, reason: 'POSTCODE_TOO_SHORT' });
    expect(parsePostcode('8033', true)).toEqual({ ok: true, value: '8033' });
    // Not an ISO code as OpenCart stores it: never looked up (the library throws for unknown codes).
    expect(parsePostcode('8033', true, 'de')).toEqual({ ok: true, value: '8033' });
    expect(parsePostcode('8033', true, '')).toEqual({ ok: true, value: '8033' });
  });

  it('checks the length before the format, and an empty optional postcode stays empty', () => {
    expect(parsePostcode('12345678901', true, 'DE')).toEqual({ ok: false, reason: 'POSTCODE_TOO_LONG' });
    expect(parsePostcode('', true, 'DE')).toEqual({ ok: false, reason: 'POSTCODE_REQUIRED' });
    expect(parsePostcode('', false, 'DE')).toEqual({ ok: true, value: '' });
    expect(parsePostcode('8033', false, 'DE')).toEqual({ ok: false, reason: 'POSTCODE_FORMAT' });
  });

  it.each(Object.entries(POSTCODE_EXAMPLES))('the example for %s (%s) passes its own check', (country, example) => {
    expect(hasPostcodeFormat(country)).toBe(true);
    expect(parsePostcode(example, true, country)).toEqual({ ok: true, value: example });
  });
});

describe('the postcode check with its message', () => {
  const translator = createTranslator();
  const say = (locale: string, result: ReturnType<typeof checkPostcode>) =>
    result.ok ? result.value : translator.t(locale, result.reason, result.vars);

  it('names the country in the customer language with an example of its format', () => {
    const germany = { countryIso2: 'DE', countryName: 'Germany' };
    expect(say('en', checkPostcode('8033', 'en', germany))).toBe("That postcode doesn't look right for Germany. It looks like 10117 there.");
    expect(say('de', checkPostcode('8033', 'de', germany))).toBe('Diese Postleitzahl passt nicht zu Deutschland. Dort sieht sie so aus: 10117.');
    expect(say('ru', checkPostcode('8033', 'ru', germany))).toBe('Похоже, это не почтовый индекс страны Германия. Там он выглядит так: 10117.');
    expect(say('en', checkPostcode('80331', 'en', germany))).toBe('80331');
  });

  it('says it without an example where none is kept', () => {
    expect(postcodeExample('MC')).toBeNull();
    expect(say('en', checkPostcode('9800', 'en', { countryIso2: 'MC', countryName: 'Monaco' }))).toBe(
      "That postcode doesn't look right for Monaco. Please check it and type it again.",
    );
  });

  it("falls back to OpenCart's length message for a country without a known format", () => {
    expect(say('en', checkPostcode('8033', 'en', { countryIso2: 'AO', countryName: 'Angola' }))).toBe('8033');
    expect(say('en', checkPostcode('1', 'en', { countryIso2: 'AO', countryName: 'Angola' }))).toBe('Please type the postcode (2 to 10 characters).');
  });
});
