import type { Category } from '../catalog/types';
import type { CardModel, Translate } from './model';

export interface CategoriesView {
  title: string;
  categories: Category[];
}

/** Categories to browse when the customer has no words for what they want. */
export function categoriesCard(view: CategoriesView, t: Translate): CardModel {
  return {
    title: view.title,
    text: t('cards.categoriesHint'),
    buttons: view.categories.map((c) => ({ title: c.name, action: { a: 'cat' as const, v: c.path } })),
  };
}
