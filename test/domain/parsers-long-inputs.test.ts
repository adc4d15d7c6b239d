import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseCountrySelect, parseZoneJson, readCountryAnswer, resolveCountryText, resolveZoneText } from '../../src/catalog';
import type { ProductOption } from '../../src/catalog/types';
import { interpretProductText } from '../../src/catalog/query/interpret';
import { matchOptionValues } from '../../src/catalog/query/option-match';
import { osaDistance, osaWithin, withinOneEdit } from '../../src/catalog/query/osa';
import { ProductVocabulary } from '../../src/catalog/query/typo';
import {
  parseAddressLine, parseCity, parseCouponCode, parseEmail, parsePersonName, parsePhone, parsePostcode, parseQuantity, parseVoucherCode,
} from '../../src/domain/parsers';
import { ANSWER_LIMITS, exceedsLength, lengthRefusal } from '../../dialogs/prompts/answer-limits';

const STOREFRONT = path.join(__dirname, '..', 'fixtures', 'opencart-contract', '3.0.5.1', 'storefront');
const countries = parseCountrySelect(readFileSync(path.join(STOREFRONT, 'countries-checkout-guest-fragment.html'), 'utf8'));
const russia = parseZoneJson(readFileSync(path.join(STOREFRONT, 'zones-account-account-country-176.json'), 'utf8'))!;
const resolver = {
  resolveCountry: async (text: string, locale: string) => resolveCountryText(text, countries, locale),
  resolveZone: async (_countryId: number, text: string) => resolveZoneText(text, russia),
};

const lorem = (n: number) => 'lorem ipsum dolor sit amet '.repeat(Math.ceil(n / 27)).slice(0, n);
const INPUTS: [string, string][] = [
  ['words 4,096', lorem(4096)],
  ['words 100,000', lorem(100_000)],
  ['one word', 'x'.repeat(100_000)],
  ['emoji', '😀'.repeat(50_000)],
  ['quotes', '"'.repeat(100_000)],
  ['spaces inside', `a${' '.repeat(100_000)}b`],
  ['punctuation inside', `a${'.,'.repeat(50_000)}b`],
];

/** Each of these took seconds to minutes before; bounded, they take well under a millisecond or two each. */
describe.each(INPUTS)('parsers with a long input: %s', (_name, text) => {
  it('the domain parsers refuse it', () => {
    expect(parsePersonName(text).ok).toBe(false);
    expect(parseEmail(text).ok).toBe(false);
    expect(parsePhone(text, 'DE').ok).toBe(false);
    expect(parseAddressLine(text).ok).toBe(false);
    expect(parseCity(text).ok).toBe(false);
    expect(parsePostcode(text, true, 'DE').ok).toBe(false);
    expect(parseCouponCode(text).ok).toBe(false);
    expect(parseVoucherCode(text).ok).toBe(false);
    expect(parseQuantity(text).ok).toBe(false);
  });

  it('country and region matching answer "none" without trying every split', async () => {
    await expect(readCountryAnswer(resolver, text, 'en')).resolves.toEqual({ kind: 'none' });
    expect(resolveCountryText(text, countries, 'de')).toEqual({ kind: 'none' });
    expect(resolveZoneText(text, russia)).toEqual({ kind: 'none' });
  });

  it('search texts, typos and option words are read in bounded pieces', () => {
    const read = interpretProductText(text);
    expect(read.productWords.length + read.optionWords.length).toBeLessThanOrEqual(20);
    const vocabulary = new ProductVocabulary(['Canon EOS 5D', 'iPhone', 'MacBook Air']);
    expect(vocabulary.correct(text)).toBeNull();
    const option: ProductOption = { productOptionId: 1, name: 'Colour', type: 'select', required: true, defaultValue: null, values: [{ productOptionValueId: 2, name: 'Dark Red', priceDelta: null }] };
    expect(matchOptionValues(option, [text])).toEqual([]);
  });

  it('is longer than every answer limit', () => {
    for (const kind of Object.keys(ANSWER_LIMITS) as (keyof typeof ANSWER_LIMITS)[]) {
      expect(lengthRefusal(text, kind)).toEqual({ key: expect.stringMatching(/^input\.(tooLong|nameTooLong)$/), vars: { max: ANSWER_LIMITS[kind] } });
    }
  });
});

describe('bounded matching still matches', () => {
  it('reads places at the limits of the bounds', async () => {
    await expect(readCountryAnswer(resolver, 'Kaliningrad, Russia', 'en')).resolves.toMatchObject({ kind: 'found', value: { countryId: 176 }, zone: { zoneId: 2743 } });
    await expect(readCountryAnswer(resolver, 'Kaliningrad Russia', 'en')).resolves.toMatchObject({ kind: 'found', zone: { zoneId: 2743 } });
    await expect(readCountryAnswer(resolver, 'Rusia', 'en')).resolves.toMatchObject({ kind: 'found', value: { countryId: 176 } });
  });

  it('osaWithin agrees with osaDistance up to the bound', () => {
    for (const [a, b] of [['iphone', 'ipohne'], ['canon', 'cannon'], ['macbook', 'mac'], ['kaliningrad', 'kalinigrad'], ['😀a', 'a😀']]) {
      for (const max of [0, 1, 2, 3]) expect(osaWithin(a, b, max)).toBe(Math.min(osaDistance(a, b), max + 1));
    }
  });

  it('withinOneEdit says what osaWithin(…, 1) says, on every pair of short words over a small alphabet', () => {
    // Every word of up to 4 letters over "ab" and "😀" (and the empty one): all pairs, so every kind of edit is met.
    const words = [''];
    for (let length = 1; length <= 4; length += 1) {
      for (const word of words.filter((w) => Array.from(w).length === length - 1)) words.push(...['a', 'b', '😀'].map((c) => word + c));
    }
    for (const a of words) for (const b of words) expect([a, b, withinOneEdit(a, b)]).toEqual([a, b, osaWithin(a, b, 1) <= 1]);
    expect(withinOneEdit('thnaks', 'thanks')).toBe(true);
    expect(withinOneEdit('spasiba', 'spasibo')).toBe(true);
    expect(withinOneEdit('helo', 'hello')).toBe(true);
    expect(withinOneEdit('berlin', 'bye')).toBe(false);
  });

  it('counts characters as code points, looking at no more than it needs', () => {
    expect(exceedsLength('😀'.repeat(32), 32)).toBe(false);
    expect(exceedsLength('😀'.repeat(33), 32)).toBe(true);
    expect(lengthRefusal(`  ${'a'.repeat(32)}  `, 'name')).toBeNull();
    expect(lengthRefusal('a'.repeat(33), 'name')).toEqual({ key: 'input.nameTooLong', vars: { max: 32 } });
    expect(lengthRefusal('a'.repeat(201), 'search')).toEqual({ key: 'input.tooLong', vars: { max: 200 } });
  });
});
