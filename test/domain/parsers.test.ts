import {
  countryFromLocale,
  numberFromWords,
  parseAddressLine,
  parseCity,
  parseCouponCode,
  parseEmail,
  parsePersonName,
  parsePhone,
  parsePostcode,
  parseQuantity,
  parseVoucherCode,
  parseYesNo,
} from '../../src/domain/parsers';

/** Junk every text parser must refuse without throwing. */
const JUNK = ['', '   ', '\n\t', '😀😀😀', "'; DROP TABLE oc_order; --", 'x'.repeat(5000), '\u202e\u202d', '🙂'];

describe('parseEmail', () => {
  it.each([
    ['rita@example.com', 'rita@example.com'],
    ['  Rita.Smith+shop@Example.CO.UK ', 'Rita.Smith+shop@example.co.uk'],
    ['mailto:o.brien@mail-server.de', 'o.brien@mail-server.de'],
    ["o'brien@example.com", "o'brien@example.com"],
  ])('accepts %p', (input, expected) => {
    expect(parseEmail(input)).toEqual({ ok: true, value: expected });
  });

  it.each([
    'plainaddress', 'a@b', '@example.com', 'rita@', 'ri ta@example.com', 'rita@@example.com', 'rita..s@example.com',
    '.rita@example.com', 'rita@-example.com', 'rita@example..com', 'рита@пример.рф', 'rita&co@example.com',
    'rita@example.123', '<script>@example.com', '"rita"@example.com', 'a@b.c@d.com',
  ])('refuses %p as EMAIL_INVALID', (input) => {
    expect(parseEmail(input)).toEqual({ ok: false, reason: 'EMAIL_INVALID' });
  });

  it('refuses more than 96 characters', () => {
    expect(parseEmail(`${'a'.repeat(60)}@${'b'.repeat(32)}.com`)).toEqual({ ok: false, reason: 'EMAIL_TOO_LONG' });
    expect(parseEmail(`${'a'.repeat(60)}@${'b'.repeat(31)}.com`).ok).toBe(true);
  });

  it.each(JUNK)('refuses junk %#', (input) => {
    const result = parseEmail(input);
    expect(result.ok).toBe(false);
  });

  it('names empty input as such', () => {
    expect(parseEmail('  ')).toEqual({ ok: false, reason: 'EMAIL_EMPTY' });
  });
});

describe('parsePhone', () => {
  it.each([
    ['+44 20 7946 0958', undefined, '+44 20 7946 0958'],
    ['020 7946 0958', 'GB', '+44 20 7946 0958'],
    ['8 (912) 345-67-89', 'RU', '+7 912 345 67 89'],
    ['0049 30 12345678', undefined, '+49 30 12345678'],
    ['030 12345678', 'de', '+49 30 12345678'],
    ['(415) 555-2671', 'US', '+1 415 555 2671'],
  ])('normalises %p (default %p)', (input, country, expected) => {
    expect(parsePhone(input, country)).toEqual({ ok: true, value: expected });
  });

  it('needs a country for national numbers', () => {
    expect(parsePhone('020 7946 0958')).toEqual({ ok: false, reason: 'PHONE_INVALID' });
    expect(parsePhone('020 7946 0958', 'XX')).toEqual({ ok: false, reason: 'PHONE_INVALID' });
  });

  it.each(['12', 'call me', '+44 20', '++++', '1'.repeat(30)])('refuses %p', (input) => {
    expect(parsePhone(input, 'GB').ok).toBe(false);
  });

  it.each(JUNK)('refuses junk %#', (input) => {
    expect(parsePhone(input, 'GB').ok).toBe(false);
  });

  it('keeps the result within OpenCart 3–32 characters', () => {
    const result = parsePhone('+7 912 345 67 89');
    expect(result.ok && result.value.length >= 3 && result.value.length <= 32).toBe(true);
  });
});

describe('countryFromLocale', () => {
  it.each([
    ['en-GB', 'GB'],
    ['de-AT', 'AT'],
    ['de', 'DE'],
    ['ru', 'RU'],
    ['ru_RU', 'RU'],
    ['en', undefined],
    [undefined, undefined],
  ])('%p => %p', (locale, expected) => {
    expect(countryFromLocale(locale)).toBe(expected);
  });
});

describe('parsePersonName', () => {
  it.each([
    ['  Rita ', 'Rita'],
    ['Анна-Мария', 'Анна-Мария'],
    ["O'Brien", "O'Brien"],
    ['Jürgen  von der  Heide', 'Jürgen von der Heide'],
    ['שרה', 'שרה'],
    ['X', 'X'],
    ['a'.repeat(32), 'a'.repeat(32)],
  ])('accepts %p', (input, expected) => {
    expect(parsePersonName(input)).toEqual({ ok: true, value: expected });
  });

  it('counts characters as OpenCart does (after its HTML escaping)', () => {
    expect(parsePersonName('Я'.repeat(32)).ok).toBe(true);
    expect(parsePersonName('a'.repeat(33))).toEqual({ ok: false, reason: 'NAME_TOO_LONG' });
    expect(parsePersonName(`${'a'.repeat(27)} & b`)).toEqual({ ok: false, reason: 'NAME_TOO_LONG' });
  });

  it.each(['😀😀', '12345', '<b>', "'; DROP TABLE oc_customer; --", '...'])('refuses %p', (input) => {
    expect(parsePersonName(input).ok).toBe(false);
  });

  it.each(JUNK)('refuses junk %#', (input) => {
    expect(parsePersonName(input).ok).toBe(false);
  });
});

describe('address parts', () => {
  it('address line is 3–128 characters', () => {
    expect(parseAddressLine(' 10  Downing Street ')).toEqual({ ok: true, value: '10 Downing Street' });
    expect(parseAddressLine('ab')).toEqual({ ok: false, reason: 'ADDRESS_TOO_SHORT' });
    expect(parseAddressLine('a'.repeat(129))).toEqual({ ok: false, reason: 'ADDRESS_TOO_LONG' });
    expect(parseAddressLine('a'.repeat(128)).ok).toBe(true);
    expect(parseAddressLine('😀😀😀')).toEqual({ ok: false, reason: 'ADDRESS_INVALID' });
    expect(parseAddressLine('')).toEqual({ ok: false, reason: 'ADDRESS_EMPTY' });
    expect(parseAddressLine('ул. Ленина, д. 5, кв. 12').ok).toBe(true);
    expect(parseAddressLine('רחוב הרצל 5').ok).toBe(true);
  });

  it('city is 2–32 characters, as the payment address is checked', () => {
    expect(parseCity('London')).toEqual({ ok: true, value: 'London' });
    expect(parseCity('Ив')).toEqual({ ok: true, value: 'Ив' });
    expect(parseCity('L')).toEqual({ ok: false, reason: 'CITY_TOO_SHORT' });
    expect(parseCity('a'.repeat(33))).toEqual({ ok: false, reason: 'CITY_TOO_LONG' });
    expect(parseCity('12345')).toEqual({ ok: false, reason: 'CITY_INVALID' });
  });

  it('postcode is 2–10 characters and only required where the country says so', () => {
    expect(parsePostcode(' sw1a 2aa ', true)).toEqual({ ok: true, value: 'SW1A 2AA' });
    expect(parsePostcode('', true)).toEqual({ ok: false, reason: 'POSTCODE_REQUIRED' });
    expect(parsePostcode('', false)).toEqual({ ok: true, value: '' });
    expect(parsePostcode('-', false)).toEqual({ ok: true, value: '' });
    expect(parsePostcode('1', false)).toEqual({ ok: false, reason: 'POSTCODE_TOO_SHORT' });
    expect(parsePostcode('12345678901', true)).toEqual({ ok: false, reason: 'POSTCODE_TOO_LONG' });
    expect(parsePostcode("1'; --", true)).toEqual({ ok: false, reason: 'POSTCODE_INVALID' });
    expect(parsePostcode('236000', false)).toEqual({ ok: true, value: '236000' });
  });

  it.each(JUNK.filter((input) => !input.includes('DROP')))('refuses junk %# everywhere', (input) => {
    expect(parseAddressLine(input).ok).toBe(false);
    expect(parseCity(input).ok).toBe(false);
    expect(parsePostcode(input, true).ok).toBe(false);
  });

  it('passes SQL-ish text through as plain text (it is only ever sent as form data)', () => {
    expect(parseAddressLine("1'; DROP TABLE oc_order; --")).toEqual({ ok: true, value: "1'; DROP TABLE oc_order; --" });
  });
});

describe('parseQuantity', () => {
  it.each([
    ['3', 3], [' 12 ', 12], ['x3', 3], ['3x', 3], ['3 pcs', 3], ['3 шт.', 3], ['2 Stück', 2], ['1,000', 1000],
    ['three', 3], ['a dozen', 12], ['twenty-five', 25], ['twenty five', 25],
    ['две', 2], ['двадцать пять', 25], ['пять штук', 5], ['одну', 1],
    ['zwei', 2], ['fünfundzwanzig', 25], ['einundzwanzig', 21], ['Drei', 3], ['2.0', 2],
  ])('reads %p as %p', (input, expected) => {
    expect(parseQuantity(input, { maximum: 1000 })).toEqual({ ok: true, value: expected });
  });

  it('respects the minimum', () => {
    expect(parseQuantity('1', { minimum: 2 })).toEqual({ ok: false, reason: 'QUANTITY_BELOW_MINIMUM' });
    expect(parseQuantity('2', { minimum: 2 })).toEqual({ ok: true, value: 2 });
    expect(parseQuantity('0')).toEqual({ ok: false, reason: 'QUANTITY_BELOW_MINIMUM' });
    expect(parseQuantity('-3')).toEqual({ ok: false, reason: 'QUANTITY_BELOW_MINIMUM' });
  });

  it('refuses absurd amounts', () => {
    expect(parseQuantity('1000')).toEqual({ ok: false, reason: 'QUANTITY_TOO_LARGE' });
    expect(parseQuantity('2147483648')).toEqual({ ok: false, reason: 'QUANTITY_TOO_LARGE' });
    expect(parseQuantity('999')).toEqual({ ok: true, value: 999 });
    expect(parseQuantity('5', { maximum: 4 })).toEqual({ ok: false, reason: 'QUANTITY_TOO_LARGE' });
  });

  it.each(['1.5', '2,5', '1/2', '½'])('refuses the fraction %p', (input) => {
    expect(parseQuantity(input)).toEqual({ ok: false, reason: 'QUANTITY_NOT_WHOLE' });
  });

  it.each(['many', 'some', '3 or 4', 'twenty twenty twenty five', '1e3', '0x10', '٣', ...JUNK.slice(2)])(
    'refuses %p',
    (input) => {
      expect(parseQuantity(input).ok).toBe(false);
    },
  );

  it('names empty input as such', () => {
    expect(parseQuantity(' ')).toEqual({ ok: false, reason: 'QUANTITY_EMPTY' });
  });

  it('numberFromWords rejects non-numbers', () => {
    expect(numberFromWords('hello world')).toBeNull();
    expect(numberFromWords('')).toBeNull();
  });
});

describe('parseYesNo', () => {
  it.each(['yes', 'Yes!', 'y', 'ok', 'OK.', 'sure', 'yes please', 'ja', 'Ja, bitte', 'да', 'Да, конечно', 'ок', '👍', 'yes, go ahead'])(
    '%p means yes',
    (input) => {
      expect(parseYesNo(input)).toEqual({ ok: true, value: true });
    },
  );

  it.each(['no', 'No.', 'nope', 'nein', 'nö', 'нет', 'Нет, спасибо', 'не', '👎', 'no thanks'])('%p means no', (input) => {
    expect(parseYesNo(input)).toEqual({ ok: true, value: false });
  });

  it.each(['maybe', 'not sure', 'yes no', 'I would like to add another phone please', ...JUNK])('%p is unclear', (input) => {
    expect(parseYesNo(input)).toEqual({ ok: false, reason: 'YES_NO_UNCLEAR' });
  });
});

describe('coupon and voucher codes', () => {
  it('accepts code shapes', () => {
    expect(parseCouponCode(' 2222 ')).toEqual({ ok: true, value: '2222' });
    expect(parseCouponCode('"SUMMER-10"')).toEqual({ ok: true, value: 'SUMMER-10' });
    expect(parseVoucherCode('GIFT100')).toEqual({ ok: true, value: 'GIFT100' });
  });

  it('refuses what cannot be a code', () => {
    expect(parseCouponCode('')).toEqual({ ok: false, reason: 'CODE_EMPTY' });
    expect(parseCouponCode('A'.repeat(21))).toEqual({ ok: false, reason: 'CODE_TOO_LONG' });
    expect(parseVoucherCode('A'.repeat(11))).toEqual({ ok: false, reason: 'CODE_TOO_LONG' });
    expect(parseCouponCode("1' OR '1'='1")).toEqual({ ok: false, reason: 'CODE_INVALID' });
    expect(parseCouponCode('скидка')).toEqual({ ok: false, reason: 'CODE_INVALID' });
  });

  it.each(JUNK)('refuses junk %#', (input) => {
    expect(parseCouponCode(input).ok).toBe(false);
    expect(parseVoucherCode(input).ok).toBe(false);
  });
});
