import type { DemoCatalogData, DemoCategory, DemoProduct } from '../model';

const lower = (text: string) => text.toLocaleLowerCase();

export interface ProductFilter {
  search: string;
  tag: string;
  description: boolean;
  categoryId: number | null;
  subCategory: boolean;
}

function childrenOf(data: DemoCatalogData, categoryId: number): number[] {
  const direct = data.categories.filter((c) => c.parentId === categoryId).map((c) => c.categoryId);
  return [categoryId, ...direct.flatMap((id) => childrenOf(data, id))];
}

const words = (text: string) => lower(text).trim().split(/\s+/).filter(Boolean);

/**
 * ModelCatalogProduct::getProducts in 3.0: every search word inside the name, or the whole text inside the
 * description (with description=true), or every tag word inside the tags, or the model equal to the text.
 */
export function searchProducts(data: DemoCatalogData, filter: ProductFilter): DemoProduct[] {
  const categories = filter.categoryId === null ? null : filter.subCategory ? childrenOf(data, filter.categoryId) : [filter.categoryId];
  return data.products
    .filter((p) => p.status)
    .filter((p) => categories === null || p.categoryIds.some((id) => categories.includes(id)))
    .filter((p) => {
      if (!filter.search && !filter.tag) return true;
      const name = lower(p.name);
      const byName = filter.search !== '' && words(filter.search).every((w) => name.includes(w));
      const byDescription = filter.search !== '' && filter.description && lower(p.description).includes(lower(filter.search));
      const byTag = filter.tag !== '' && words(filter.tag).every((w) => lower(p.tag).includes(w));
      const byModel = filter.search !== '' && lower(p.model) === lower(filter.search);
      return byName || byDescription || byTag || byModel;
    })
    .sort((a, b) => a.sortOrder - b.sortOrder || lower(a.name).localeCompare(lower(b.name)));
}

export function productsInCategory(data: DemoCatalogData, categoryId: number): DemoProduct[] {
  return searchProducts(data, { search: '', tag: '', description: false, categoryId, subCategory: false });
}

export function topCategories(data: DemoCatalogData): DemoCategory[] {
  return data.categories.filter((c) => c.parentId === 0 && c.top).sort((a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name));
}

export function subcategories(data: DemoCatalogData, parentId: number): DemoCategory[] {
  // Stable sort: equal sort orders keep the seed's order, which follows the reference store's listing.
  return data.categories.filter((c) => c.parentId === parentId).sort((a, b) => a.sortOrder - b.sortOrder);
}

/** "20_27" -> the category 27, if every step is a child of the one before. */
export function categoryByPath(data: DemoCatalogData, path: string): DemoCategory | null {
  const ids = path.split('_').map(Number);
  let parentId = 0;
  let found: DemoCategory | null = null;
  for (const id of ids) {
    found = data.categories.find((c) => c.categoryId === id && c.parentId === parentId) ?? null;
    if (!found) return null;
    parentId = id;
  }
  return found;
}

export function pathOf(data: DemoCatalogData, category: DemoCategory): string {
  const parent = data.categories.find((c) => c.categoryId === category.parentId);
  return parent ? `${pathOf(data, parent)}_${category.categoryId}` : String(category.categoryId);
}
