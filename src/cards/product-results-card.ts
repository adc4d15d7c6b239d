import type { ProductSummary } from '../catalog/types';
import type { CardItem, CardModel, Translate } from './model';

export interface ProductResultsView {
  title: string;
  products: ProductSummary[];
  hasMore: boolean;
}

/** The price line: a special is shown as such, with the regular price it replaces. */
export function priceText(product: Pick<ProductSummary, 'price' | 'special'>, t: Translate): string {
  return product.special ? t('cards.specialPrice', { special: product.special, price: product.price }) : product.price;
}

export function productItem(product: ProductSummary, t: Translate): CardItem {
  return {
    title: product.name,
    subtitle: priceText(product, t),
    image: product.thumb,
    buttons: [{ title: t('cards.choose'), action: { a: 'pick', v: String(product.productId) } }],
  };
}

/** Search or category results: one item per product with image, name, price and a choose button. */
export function productResultsCard(view: ProductResultsView, t: Translate): CardModel {
  const buttons = [];
  if (view.hasMore) buttons.push({ title: t('cards.moreResults'), action: { a: 'more' as const } });
  buttons.push({ title: t('cards.browseCategories'), action: { a: 'cats' as const } });
  return { title: view.title, items: view.products.map((p) => productItem(p, t)), buttons, gallery: true };
}
