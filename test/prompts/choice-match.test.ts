import { readFileSync } from 'node:fs';
import path from 'node:path';
import { choiceMatcher, PAYMENT_SYNONYM_CODES, SHIPPING_SYNONYM_CODES, type OfferedChoice } from '../../dialogs/prompts/choice-match';
import { matchChoice, choiceVocabulary, MAX_CHOICE_TEXT } from '../../src/domain/parsers/choice';
import { createTranslator, LOCALES_DIR } from '../../src/i18n';

const matcher = choiceMatcher(createTranslator());

const PAYMENT: OfferedChoice[] = [
  { label: 'Cash On Delivery', action: { a: 'pay', v: 'cod' }, code: 'cod' },
  { label: 'Bank Transfer', action: { a: 'pay', v: 'bank_transfer' }, code: 'bank_transfer' },
];
const SHIPPING: OfferedChoice[] = [
  { label: 'Flat Shipping Rate — $5.00', action: { a: 'ship', v: 'flat.flat' }, names: ['Flat Shipping Rate'], code: 'flat' },
  { label: 'Pickup From Store — $0.00', action: { a: 'ship', v: 'pickup.pickup' }, names: ['Pickup From Store'], code: 'pickup' },
];
const UPS: OfferedChoice[] = [
  { label: 'UPS Ground — $9.00', action: { a: 'ship', v: 'ups.GND' }, names: ['UPS Ground', 'United Parcel Service'], code: 'ups' },
  { label: 'UPS 2nd Day Air — $19.00', action: { a: 'ship', v: 'ups.2DA' }, names: ['UPS 2nd Day Air', 'United Parcel Service'], code: 'ups' },
  { label: 'Pickup From Store — $0.00', action: { a: 'ship', v: 'pickup.pickup' }, names: ['Pickup From Store'], code: 'pickup' },
];

const chosen = (text: string, offered: OfferedChoice[]) => matcher.chosen(text, offered)?.action.v ?? null;

describe('typed answers at the payment question', () => {
  it.each([
    ['cash', 'cod'], ['Cash on delivery', 'cod'], ['COD', 'cod'], ['cash on delivry', 'cod'], ['CASH ON DELIVERY', 'cod'],
    ["I'll pay cash on delivery please", 'cod'], ['pay by bank transfer', 'bank_transfer'], ['bank', 'bank_transfer'],
    ['bank trasnfer', 'bank_transfer'], ['transfer', 'bank_transfer'], ['the second one', 'bank_transfer'], ['2', 'bank_transfer'],
    ['second', 'bank_transfer'], ['2nd', 'bank_transfer'], ['#2', 'bank_transfer'], ['last', 'bank_transfer'], ['first', 'cod'], ['one', 'cod'],
    ['наложенный платёж', 'cod'], ['наложенным платежом', 'cod'], ['наличными', 'cod'], ['второй', 'bank_transfer'], ['2-й', 'bank_transfer'],
    ['первый вариант', 'cod'], ['банковский перевод', 'bank_transfer'], ['последний', 'bank_transfer'],
    ['Nachnahme', 'cod'], ['nachname', 'cod'], ['per Nachnahme bitte', 'cod'], ['Vorkasse', 'bank_transfer'], ['Überweisung', 'bank_transfer'],
    ['die zweite', 'bank_transfer'], ['die erste bitte', 'cod'], ['zweite', 'bank_transfer'], ['zwiete', 'bank_transfer'],
  ])('%s => %s', (text, code) => {
    expect(chosen(text, PAYMENT)).toBe(code);
  });

  it.each(['3', 'the fifth one', 'paypal', 'hello there', 'what?', '', 'x'.repeat(MAX_CHOICE_TEXT * 3)])('%s names none', (text) => {
    expect(matcher.match(text, PAYMENT).kind).toBe('none');
  });
});

describe('typed answers at the shipping question', () => {
  it.each([
    ['flat', 'flat.flat'], ['Flat rate', 'flat.flat'], ['flat shiping', 'flat.flat'], ['pickup', 'pickup.pickup'], ['pick up', 'pickup.pickup'],
    ['pick up from store', 'pickup.pickup'], ['Pickup from the store', 'pickup.pickup'], ['самовывоз', 'pickup.pickup'], ['самовывз', 'pickup.pickup'],
    ['Abholung', 'pickup.pickup'], ['abholen', 'pickup.pickup'], ['die zweite', 'pickup.pickup'], ['1', 'flat.flat'], ['доставка', 'flat.flat'],
  ])('%s => %s', (text, code) => {
    expect(chosen(text, SHIPPING)).toBe(code);
  });

  it.each(['cash on delivery', 'Bar bei Lieferung', 'оплата при получении', 'pay on delivery please'])(
    '%s is a payment method: with the payment names as rivals it names no shipping (without them, "delivery" was Flat Rate)',
    (text) => {
      const rivals = matcher.namesOf(PAYMENT_SYNONYM_CODES);
      expect(matcher.match(text, SHIPPING, { positions: true, rivals }).kind).toBe('none');
    },
  );

  it('the rivals leave real shipping answers alone, and the payment question has the shipping names as its rivals', () => {
    const rivals = matcher.namesOf(PAYMENT_SYNONYM_CODES);
    for (const [text, code] of [['delivery', 'flat.flat'], ['standard delivery', 'flat.flat'], ['pickup', 'pickup.pickup'], ['2', 'pickup.pickup']]) {
      expect(matcher.chosen(text, SHIPPING, { positions: true, rivals })?.action.v).toBe(code);
    }
    const shippingRivals = matcher.namesOf(SHIPPING_SYNONYM_CODES);
    expect(matcher.match('pick up from store', PAYMENT, { positions: true, rivals: shippingRivals }).kind).toBe('none');
    expect(matcher.chosen('cash on delivery', PAYMENT, { positions: true, rivals: shippingRivals })?.action.v).toBe('cod');
  });

  it('every method code with synonyms belongs to one question', () => {
    const en = JSON.parse(readFileSync(path.join(LOCALES_DIR, 'en', 'choices.json'), 'utf8')) as { synonyms: Record<string, string> };
    expect([...PAYMENT_SYNONYM_CODES, ...SHIPPING_SYNONYM_CODES].sort()).toEqual(Object.keys(en.synonyms).sort());
  });

  it('"ups" names both UPS quotes: ambiguous, never the first', () => {
    expect(matcher.match('ups', UPS)).toEqual({ kind: 'ambiguous', ids: [0, 1] });
    expect(chosen('ups 2nd day air', UPS)).toBe('ups.2DA');
    expect(chosen('ups ground', UPS)).toBe('ups.GND');
    expect(chosen('2', UPS)).toBe('ups.2DA');
  });
});

describe('the pure matcher', () => {
  const vocabulary = choiceVocabulary([{ position: 1, lists: ['first'] }, { position: -1, lists: ['last'] }], ['the|one']);
  const values = [
    { id: 'r', title: 'Red' },
    { id: 'dr', title: 'Dark Red' },
    { id: 'b', title: 'Blue' },
  ];

  it('a whole title beats a title containing it; a part of one title names it', () => {
    expect(matchChoice('red', values, vocabulary)).toEqual({ kind: 'found', id: 'r' });
    expect(matchChoice('dark', values, vocabulary)).toEqual({ kind: 'found', id: 'dr' });
    expect(matchChoice('blu', values, vocabulary)).toEqual({ kind: 'none' });
    expect(matchChoice('bleu', values, vocabulary)).toEqual({ kind: 'found', id: 'b' });
  });

  it('positions only where asked for', () => {
    expect(matchChoice('the last one', values, vocabulary, { positions: true })).toEqual({ kind: 'found', id: 'b' });
    expect(matchChoice('3', values, vocabulary)).toEqual({ kind: 'none' });
    expect(matchChoice('3', values, vocabulary, { positions: true })).toEqual({ kind: 'found', id: 'b' });
  });

  it('a title made of a number is that title, not a position', () => {
    const quantities = [{ id: 2, title: '2' }, { id: 3, title: '3' }, { id: 4, title: '4' }];
    expect(matchChoice('2', quantities, vocabulary, { positions: true })).toEqual({ kind: 'found', id: 2 });
  });

  it('equally near titles are reported together', () => {
    const sizes = [{ id: 's', title: 'Small box' }, { id: 'l', title: 'Large box' }];
    expect(matchChoice('box', sizes, vocabulary)).toEqual({ kind: 'ambiguous', ids: ['s', 'l'] });
  });

  it('stays fast on long and repetitive answers', () => {
    const many = Array.from({ length: 40 }, (_, i) => ({ id: i, title: `Value number ${i} with a long name`, aliases: ['another alias of it'] }));
    const started = process.hrtime.bigint();
    for (let i = 0; i < 50; i += 1) {
      matchChoice('aaaa '.repeat(16).trim(), many, vocabulary, { positions: true });
      matchChoice('b'.repeat(MAX_CHOICE_TEXT), many, vocabulary, { positions: true });
    }
    expect(Number(process.hrtime.bigint() - started) / 1e6).toBeLessThan(2000);
  });
});

describe('a typed yes or no with a typo', () => {
  const YES_NO: OfferedChoice[] = [
    { label: 'yes', action: { a: 'yes' }, names: ['yes', 'yeah', 'sure', 'okay', 'ja', 'jawohl', 'да', 'конечно'] },
    { label: 'no', action: { a: 'no' }, names: ['no', 'nope', 'nein', 'нет', 'не надо'] },
  ];
  it.each([['yeahh', 'yes'], ['nien', 'no'], ['Konechno', null], ['канешно', 'yes'], ['jawol', 'yes'], ['nope', 'no'], ['2', null], ['maybe', null]])(
    '%s => %s',
    (text, answer) => {
      expect(matcher.chosen(text, YES_NO, { positions: false })?.action.a ?? null).toBe(answer);
    },
  );
});
