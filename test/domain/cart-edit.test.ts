import { parseCartEdit, type NamedLine } from '../../src/domain/parsers';

const LINES: NamedLine[] = [
  { lineId: 'a', name: 'MacBook Air', optionValues: [] },
  { lineId: 'b', name: 'iPhone', optionValues: [] },
  { lineId: 'c', name: 'Canon EOS 5D', optionValues: ['Red'] },
  { lineId: 'd', name: 'Canon EOS 5D', optionValues: ['Blue'] },
];

describe('parseCartEdit: changes typed at the cart', () => {
  it.each([
    ['remove the iphone', 'b'],
    ['Delete iPhone please', 'b'],
    ['take out the macbook', 'a'],
    ['remove the red canon', 'c'],
    ['Entferne das iPhone', 'b'],
    ['lösche MacBook Air aus dem Warenkorb', 'a'],
    ['убери iphone', 'b'],
    ['удалить синий canon', 'd'],
    ['entferne die blaue Canon', 'd'],
  ])('"%s" removes line %s', (text, lineId) => {
    expect(parseCartEdit(text, LINES)).toEqual({ kind: 'remove', lineId });
  });

  it.each([
    ['change macbook air to 2', 'a', 2],
    ['iphone to 3', 'b', 3],
    ['set the blue canon to five', 'd', 5],
    ['ändere iPhone auf 4', 'b', 4],
    ['iPhone auf zwei', 'b', 2],
    ['измени macbook на 2', 'a', 2],
    ['iphone на 3 шт', 'b', 3],
  ])('"%s" sets line %s to %d', (text, lineId, quantity) => {
    expect(parseCartEdit(text, LINES)).toEqual({ kind: 'quantity', lineId, quantity });
  });

  it('says when the words name no line, or several', () => {
    expect(parseCartEdit('remove the nikon', LINES)).toEqual({ kind: 'unclear', edit: 'remove', lines: 'none' });
    expect(parseCartEdit('remove the canon', LINES)).toEqual({ kind: 'unclear', edit: 'remove', lines: 'several' });
    expect(parseCartEdit('change canon to 2', LINES)).toEqual({ kind: 'unclear', edit: 'quantity', lines: 'several' });
    // "it" with one line in the cart is that line.
    expect(parseCartEdit('remove it', [LINES[0]])).toEqual({ kind: 'remove', lineId: 'a' });
  });

  it('leaves everything else alone (a search, an address, an answer)', () => {
    for (const text of ['canon', '2 red canon cameras', 'macbook air', 'ship to 2 berlin', 'checkout', '', 'to 2', 'iphone to many']) {
      expect(parseCartEdit(text, LINES)).toBeNull();
    }
    expect(parseCartEdit('x'.repeat(5000), LINES)).toBeNull();
  });
});
