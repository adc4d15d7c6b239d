import { normalizeAnswer, parseOrderConsent, parseYesNo, type ConsentLocale } from '../../src/domain/parsers';

const HIDDEN = ['\u0000', '\u0007', '\u001b', '\u007f', '\u0085', '\u200b', '\u200e', '\u202e', '\ufeff'];

describe('parseOrderConsent', () => {
  const consent: [ConsentLocale, string][] = [
    ['en', 'yes'],
    ['en', 'Yes please!'],
    ['en', '  YES,   please. '],
    ['en', 'place the order'],
    ['en', 'Place order'],
    ['en', 'confirm'],
    ['en', 'I confirm!!'],
    ['ru', 'да'],
    ['ru', 'Да, пожалуйста'],
    ['ru', 'подтверждаю'],
    ['ru', 'Оформить заказ!'],
    ['ru', 'оформляйте'],
    ['de', 'ja'],
    ['de', 'Ja, bitte.'],
    ['de', 'bestellen'],
    ['de', 'Bestellung absenden'],
    ['de', 'Jetzt bestellen!'],
    // English is understood from every customer
    ['ru', 'yes'],
    ['de', 'place the order'],
  ];
  it.each(consent)('%s: %p places the order', (locale, input) => {
    expect(parseOrderConsent(input, locale)).toEqual({ ok: true, value: true });
  });

  const notConsent: [ConsentLocale, string][] = [
    ['en', 'please change the address'],
    ['en', 'please wait'],
    ['en', 'ok wait'],
    ['en', 'k'],
    ['en', '+'],
    ['en', 'ok'],
    ['en', 'okay'],
    ['en', 'sure'],
    ['en', 'please'],
    ['en', '👍'],
    ['en', 'yes but change the address'],
    ['en', 'no'],
    ['en', 'yes no'],
    ['en', 'Jane Doe'],
    ['en', ''],
    ['en', '   '],
    ['en', 'yesterday'],
    ['ru', 'пожалуйста, измените адрес'],
    ['ru', 'подождите'],
    ['ru', 'ок, подожди'],
    ['ru', 'к'],
    ['ru', '+'],
    ['ru', 'ок'],
    ['ru', 'ага'],
    ['ru', 'да нет'],
    ['ru', 'ja'],
    ['de', 'bitte die Adresse ändern'],
    ['de', 'bitte warten'],
    ['de', 'ok warte'],
    ['de', 'k'],
    ['de', '+'],
    ['de', 'ok'],
    ['de', 'klar'],
    ['de', 'ja, aber später'],
    ['de', 'да'],
  ];
  it.each(notConsent)('%s: %p is not consent', (locale, input) => {
    expect(parseOrderConsent(input, locale)).toEqual({ ok: false, reason: 'NOT_CONSENT' });
  });

  it.each(HIDDEN.map((c) => [JSON.stringify(c)] as const))('never takes a yes carrying %s', (json) => {
    const c = JSON.parse(json) as string;
    for (const [locale, yes] of [['en', 'yes'], ['ru', 'да'], ['de', 'ja']] as const) {
      for (const input of [`${yes}${c}`, `${c}${yes}`, `y${c}es`, `Jane${c}${yes}`]) expect(parseOrderConsent(input, locale).ok).toBe(false);
    }
  });

  it('refuses long and huge answers without scanning them', () => {
    expect(parseOrderConsent('yes '.repeat(40), 'en').ok).toBe(false);
    expect(parseOrderConsent('yes'.padEnd(100_000, '!'), 'en').ok).toBe(false);
  });
});

describe('parseYesNo (an ordinary yes/no question)', () => {
  it.each(['yes', 'Yes!', 'ok', 'k', '+', 'sure', 'yes, go ahead', 'yes please', 'ja', 'Ja, bitte', 'ja gerne', 'да', 'Да, конечно', 'ок', 'да, пожалуйста', '👍'])(
    '%p means yes',
    (input) => expect(parseYesNo(input)).toEqual({ ok: true, value: true }),
  );

  it.each(['no', 'No thanks.', 'nope', 'nein', 'Nein, danke', 'нет', 'нет, спасибо', 'не надо'])('%p means no', (input) => {
    expect(parseYesNo(input)).toEqual({ ok: true, value: false });
  });

  it.each([
    'ok wait',
    'yes wait',
    'please wait',
    'ok Jane',
    'yes, but change the address',
    'yes no',
    'no, sure',
    'ок, подожди',
    'да нет',
    'нет, конечно',
    'ok warte',
    'ja nein',
    'ja, aber später',
    'maybe',
    '',
  ])('%p is unclear', (input) => {
    expect(parseYesNo(input)).toEqual({ ok: false, reason: 'YES_NO_UNCLEAR' });
  });

  it.each(HIDDEN.map((c) => [JSON.stringify(c)] as const))('is unclear for a yes or no carrying %s', (json) => {
    const c = JSON.parse(json) as string;
    for (const input of [`yes${c}`, `ok${c}Jane`, `${c}no`, `да${c}`, `ja${c}`]) expect(parseYesNo(input).ok).toBe(false);
  });
});

describe('normalizeAnswer', () => {
  it.each([
    ['  Yes,   please!!! ', 'yes please'],
    ['Да,пожалуйста…', 'да пожалуйста'],
    ['Ещё', 'еще'],
    ['ＹＥＳ', 'yes'],
    ['Ja\tbitte\n', 'ja bitte'],
  ])('%p => %p', (input, expected) => {
    expect(normalizeAnswer(input)).toBe(expected);
  });

  it('is null for hidden characters and for long text', () => {
    expect(normalizeAnswer('yes\u0000')).toBeNull();
    expect(normalizeAnswer('a'.repeat(65))).toBeNull();
    expect(normalizeAnswer('a'.repeat(1_000_000))).toBeNull();
  });
});
