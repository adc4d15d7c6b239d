import { printPrice, readPrice, unitPrice } from '../../src/cards/money';

describe('storefront prices read back and printed the same way', () => {
  it.each([
    ['$1,202.00', '$2,404.00'],
    ['96,66€', '193,32€'],
    ['1.202,50 €', '2.405,00 €'],
    ['1 202 р.', '2 404 р.'],
    ['£75.46', '£150.92'],
    ['$0.05', '$0.10'],
    ['1.000', '2.000'],
  ])('%s twice is %s', (text, doubled) => {
    const price = readPrice(text);
    expect(price && printPrice(price, 2)).toBe(doubled);
    expect(price && printPrice(price)).toBe(text);
  });

  it('reads deltas with their sign and a minus after the left symbol', () => {
    expect(readPrice('+$4.80')?.minor).toBe(480);
    expect(readPrice('-4,80€')?.minor).toBe(-480);
    const price = readPrice('$-10.10');
    expect(price && printPrice(price)).toBe('$-10.10');
  });

  it.each(['', 'free', '$1.2.3,4,5', 'x'.repeat(41), '1'.repeat(30)])('refuses %j', (text) => {
    expect(readPrice(text)).toBeNull();
  });

  it('prices a product: the special price when there is one, plus the chosen values deltas', () => {
    const options = [
      { productOptionId: 226, name: 'Select', type: 'select' as const, required: true, defaultValue: null, values: [{ productOptionValueId: 15, name: 'Red', priceDelta: '+$4.80' }, { productOptionValueId: 16, name: 'Blue', priceDelta: null }] },
      { productOptionId: 227, name: 'Extras', type: 'checkbox' as const, required: false, defaultValue: null, values: [{ productOptionValueId: 20, name: 'Case', priceDelta: '+$10.00' }, { productOptionValueId: 21, name: 'Strap', priceDelta: '-$1.00' }] },
    ];
    expect(unitPrice({ price: '$122.00', special: '$98.00', options }, { '226': '15', '227': ['20', '21'] })).toBe('$111.80');
    expect(unitPrice({ price: '$122.00', special: null, options }, { '226': '16' })).toBe('$122.00');
    expect(unitPrice({ price: 'Call us', special: null, options }, {})).toBeNull();
  });
});
