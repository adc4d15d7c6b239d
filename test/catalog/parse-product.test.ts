import { parseProductPage, splitPriceDelta } from '../../src/catalog/parse/product';
import { capture } from './capture-server';

describe('parseProductPage on the 3.0.5.1 captures', () => {
  it('reads the Canon EOS 5D: special price, tax note, required select 226 with Red 15 / Blue 16', () => {
    const product = parseProductPage(capture('product-30.html'));
    expect(product).toMatchObject({
      productId: 30, name: 'Canon EOS 5D', price: '$122.00', special: '$98.00', priceExTax: '$80.00', minimum: 1,
      stockText: 'In Stock', inStock: true, model: 'Product 3', brand: 'Canon',
    });
    expect(product?.description).toContain("Canon's press material for the EOS 5D");
    expect(product?.images).toHaveLength(3);
    expect(product?.thumb).toMatch(/canon_eos_5d_1-228x228\.jpg$/);
    expect(product?.options).toEqual([
      {
        productOptionId: 226, name: 'Select', type: 'select', required: true, defaultValue: null,
        values: [
          { productOptionValueId: 15, name: 'Red', priceDelta: null },
          { productOptionValueId: 16, name: 'Blue', priceDelta: null },
        ],
      },
    ]);
  });

  it('reads every option type of the Apple Cinema 30" with ids, required flags, deltas and defaults', () => {
    const product = parseProductPage(capture('product-42.html'));
    expect(product).toMatchObject({ productId: 42, name: 'Apple Cinema 30"', minimum: 2, price: '$122.00', special: '$110.00', priceExTax: '$90.00' });
    const byId = Object.fromEntries((product?.options ?? []).map((option) => [option.productOptionId, option]));
    expect(product?.options.map((option) => [option.productOptionId, option.type])).toEqual([
      [218, 'radio'], [223, 'checkbox'], [208, 'text'], [217, 'select'], [209, 'textarea'], [222, 'file'],
      [219, 'date'], [221, 'time'], [220, 'datetime'],
    ]);
    expect(Object.values(byId).every((option) => option.required)).toBe(true);
    expect(byId[218].values).toEqual([
      { productOptionValueId: 5, name: 'Small', priceDelta: '+$12.00' },
      { productOptionValueId: 6, name: 'Medium', priceDelta: '+$24.00' },
      { productOptionValueId: 7, name: 'Large', priceDelta: '+$36.00' },
    ]);
    expect(byId[223].values.map((value) => [value.productOptionValueId, value.name])).toEqual([[8, 'Checkbox 1'], [9, 'Checkbox 2'], [10, 'Checkbox 3'], [11, 'Checkbox 4']]);
    expect(byId[217].values[0]).toEqual({ productOptionValueId: 4, name: 'Red', priceDelta: '+$4.80' });
    expect([byId[208].defaultValue, byId[219].defaultValue, byId[221].defaultValue, byId[220].defaultValue]).toEqual(['test', '2011-02-20', '22:25', '2011-02-20 22:25']);
    expect(byId[220].name).toBe('Date & Time');
    expect(byId[222].values).toEqual([]);
  });

  it('reads a simple product without special', () => {
    expect(parseProductPage(capture('product-40.html'))).toMatchObject({
      productId: 40, name: 'iPhone', price: '$123.20', special: null, priceExTax: '$101.00', options: [], stockText: 'In Stock', inStock: true,
    });
  });

  it('shows the stock status text for an out-of-stock product, also with stock display on', () => {
    for (const file of ['product-49-out-of-stock.html', 'product-49-stock-display-on.html']) {
      expect(parseProductPage(capture(file))).toMatchObject({ productId: 49, stockText: 'Pre-Order', inStock: false, brand: null, model: 'SAM1' });
    }
  });

  it('shows the quantity as stock text when stock display is on', () => {
    expect(parseProductPage(capture('product-40-stock-display-on.html'))).toMatchObject({ stockText: '970', inStock: true });
  });

  it('returns null for the "Product not found!" page', () => {
    expect(parseProductPage(capture('product-9999-not-found.html'))).toBeNull();
    expect(parseProductPage(capture('seo-unknown-keyword.html'))).toBeNull();
  });

  it('reads the same ids from SEO URL pages, where links carry keywords', () => {
    const pairs: [string, string][] = [['seo-product-30.html', 'product-30.html'], ['seo-product-42.html', 'product-42.html'], ['seo-product-40.html', 'product-40.html'], ['seo-product-40-in-category.html', 'product-40.html']];
    for (const [seo, plain] of pairs) {
      const fromSeo = parseProductPage(capture(seo));
      const fromRoute = parseProductPage(capture(plain));
      expect(fromSeo?.productId).toBe(fromRoute?.productId);
      expect(fromSeo?.options).toEqual(fromRoute?.options);
      expect(fromSeo?.brand).toBe(fromRoute?.brand);
    }
  });

  it('splits a label from its price delta', () => {
    expect(splitPriceDelta('Red\n   (+$4.80)\n')).toEqual({ name: 'Red', priceDelta: '+$4.80' });
    expect(splitPriceDelta('Discount (-5,00€)')).toEqual({ name: 'Discount', priceDelta: '-5,00€' });
    expect(splitPriceDelta('Size (XL)')).toEqual({ name: 'Size (XL)', priceDelta: null });
  });
});
