import { readThisProduct } from '../../src/catalog/query/this-product';

describe('readThisProduct: a sentence about the product on the page', () => {
  it.each<[string, number | null, string[]]>([
    ["I'll take this in red", null, ['red']],
    ['add this', null, []],
    ['add this to my cart', null, []],
    ['2 of these', 2, []],
    ['this one', null, []],
    ['I want this', null, []],
    ['I want two of those in blue please', 2, ['blue']],
    ['nehme ich', null, []],
    ['das hier', null, []],
    ['Ich nehme das in Rot', null, ['rot']],
    ['2 davon bitte', 2, []],
    ['ich will das', null, []],
    ['это', null, []],
    ['вот этот', null, []],
    ['возьму это в красном', null, ['красном']],
    ['2 таких', 2, []],
    ['беру', null, []],
  ])('%j means the product on the page (quantity %p, options %j)', (text, quantity, optionWords) => {
    expect(readThisProduct(text)).toEqual({ quantity, optionWords });
  });

  it.each(['macbook', 'I want this camera', '2 red canon cameras', 'ich nehme das MacBook', 'хочу iphone', 'yes', 'red', '2', 'one', ''])(
    '%j is a search, not this product',
    (text) => {
      expect(readThisProduct(text)).toBeNull();
    },
  );

  it('reads only the start of a very long text', () => {
    expect(readThisProduct(`add this ${'this '.repeat(100_000)}`)).toEqual({ quantity: null, optionWords: [] });
  });
});
