import type { ProductSummary } from '../../src/catalog/types';
import { onlyFullMatch } from '../../dialogs/shopping/product-results-dialog';

const product = (productId: number, name: string): ProductSummary => ({
  productId,
  name,
  thumb: null,
  price: '$1.00',
  special: null,
  priceExTax: null,
  minimum: 1,
});

describe('onlyFullMatch: when a search names one product without asking', () => {
  const canon = product(30, 'Canon EOS 5D');
  const printer = product(90, 'Canon Pixma');

  it('takes one word only with the options named, two words always', () => {
    expect(onlyFullMatch([canon], 'canon')).toBeNull();
    expect(onlyFullMatch([canon], 'canon', true)).toBe(canon);
    expect(onlyFullMatch([canon, printer], 'canon eos')).toBe(canon);
  });

  it('counts a word that named a category, and then takes only what that category lists', () => {
    const cameras = { words: 1, productIds: [30] };
    expect(onlyFullMatch([canon, printer], 'canon', false, cameras)).toBe(canon);
    expect(onlyFullMatch([canon, printer], 'canon', true, cameras)).toBe(canon);
    // Two listed products with the word: the customer chooses.
    expect(onlyFullMatch([canon, printer], 'canon', false, { words: 1, productIds: [30, 90] })).toBeNull();
    // The category lists none of them: nothing is taken.
    expect(onlyFullMatch([canon, printer], 'canon', false, { words: 1, productIds: [] })).toBeNull();
  });
});
