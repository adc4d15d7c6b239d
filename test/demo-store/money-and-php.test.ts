import { formatMoney } from '../../src/demo-store/money';
import { parsePhpForm, phpInt, phpJsonEncode, phpRound } from '../../src/demo-store/php';
import { demoCatalog } from '../../src/demo-store/seed';

const currency = (code: string) => demoCatalog.currencies.find((c) => c.code === code)!;

describe('money formatting as OpenCart does it', () => {
  it.each([
    [123.2, 'USD', '$123.20'],
    [123.2, 'EUR', '96.66€'],
    [123.2, 'GBP', '£75.46'],
    [-10.1, 'USD', '$-10.10'],
    [2581275343694, 'USD', '$2,581,275,343,694.00'],
    [0, 'EUR', '0.00€'],
  ])('%p in %s is %s', (amount, code, text) => {
    expect(formatMoney(amount, currency(code))).toBe(text);
  });

  it('rounds half away from zero like PHP', () => {
    expect(phpRound(1.005, 2)).toBe(1.01);
    expect(phpRound(-2.5)).toBe(-3);
  });
});

describe('PHP request handling', () => {
  it('keeps the posted order of nested keys and appends [] entries', () => {
    const post = parsePhpForm([['option[223][]', '8'], ['option[218]', '5'], ['option[223][]', '10'], ['name', ' a"b ']]);
    expect(phpJsonEncode(post as never)).toBe('{"option":{"223":["8","10"],"218":"5"},"name":"a&quot;b"}');
  });

  it('casts like (int)', () => {
    expect([phpInt('2.9'), phpInt('abc'), phpInt('-2'), phpInt(undefined)]).toEqual([2, 0, -2, 0]);
  });

  it('encodes like json_encode: escaped slashes and non-ASCII, empty arrays as []', () => {
    expect(phpJsonEncode({ a: 'http://x/€', b: new Map(), c: [] })).toBe('{"a":"http:\\/\\/x\\/\\u20ac","b":[],"c":[]}');
  });
});
