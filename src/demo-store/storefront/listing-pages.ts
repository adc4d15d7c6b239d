import type { DemoCatalogData } from '../model';
import { htmlEscape } from '../php';
import { categoryByPath, pathOf, productsInCategory, searchProducts, subcategories } from './catalog-queries';
import { breadcrumb, link } from './layout';
import { productThumb, resultsFooter } from './listing-html';
import type { PageView } from './view';

/** Products of the home page's Featured module in the demo data. */
const FEATURED_PRODUCT_IDS = [43, 40, 42, 30];

function pageWindow(query: URLSearchParams, defaultLimit: number): { start: number; limit: number } {
  const limit = Math.max(1, Number.parseInt(query.get('limit') ?? '', 10) || defaultLimit);
  const page = Math.max(1, Number.parseInt(query.get('page') ?? '', 10) || 1);
  return { start: (page - 1) * limit, limit };
}

export function homeBody(view: PageView): string {
  const { data } = view;
  const featured = FEATURED_PRODUCT_IDS.flatMap((id) => data.products.filter((p) => p.productId === id && p.status));
  return `<div id="common-home" class="container">
  <div class="row">
    <div id="content" class="col-sm-12">
<h3>Featured</h3>
<div class="row">
${featured.map((p) => productThumb(view, p, 'featured')).join('\n')}
</div>
    </div>
  </div>
</div>`;
}

/** The search form's category select: every category by id, children indented with six &nbsp; per level. */
function categorySelect(data: DemoCatalogData, selected: number | null): string {
  const options: string[] = ['<option value="0">All Categories</option>'];
  const walk = (parentId: number, depth: number) => {
    for (const category of subcategories(data, parentId)) {
      const marker = category.categoryId === selected ? ' selected="selected"' : '';
      options.push(`<option value="${category.categoryId}"${marker}>${'&nbsp;'.repeat(6 * depth)}${htmlEscape(category.name)}</option>`);
      walk(category.categoryId, depth + 1);
    }
  };
  walk(0, 0);
  return `<select name="category_id" class="form-control">\n            ${options.join('\n            ')}\n          </select>`;
}

/** product/search: search, tag, description, category_id, sub_category, limit, page (OpenCart 3.0 semantics). */
export function searchBody(view: PageView, query: URLSearchParams): { title: string; body: string } {
  const { data, baseUrl } = view;
  const search = query.get('search') ?? '';
  const tag = query.get('tag') ?? (query.has('search') ? search : '');
  const categoryId = Number.parseInt(query.get('category_id') ?? '', 10) || null;
  const asked = query.has('search') || query.has('tag');
  const found = asked ? searchProducts(data, { search, tag, description: query.has('description'), categoryId, subCategory: query.has('sub_category') }) : [];
  const { start, limit } = pageWindow(query, data.settings.productLimit);
  const shown = found.slice(start, start + limit);
  const title = search ? `Search - ${htmlEscape(search)}` : tag ? `Search - Tag - ${htmlEscape(tag)}` : 'Search';
  const results = !asked
    ? ''
    : shown.length === 0
      ? '      <p>There is no product that matches the search criteria.</p>'
      : `      <div class="row">\n${shown.map((p) => productThumb(view, p, 'listing', { search })).join('\n')}\n      </div>\n${resultsFooter(start, shown.length, found.length, limit)}`;
  const body = `<div id="product-search" class="container">
  ${breadcrumb(baseUrl, [{ href: link(baseUrl, 'product/search', { search }), text: 'Search' }])}
  <div class="row">
    <div id="content" class="col-sm-12">
      <h1>${title}</h1>
      <div class="row">
        <div class="col-sm-4"><input type="text" name="search" value="${htmlEscape(search)}" placeholder="Keywords" id="input-search" class="form-control" /></div>
        <div class="col-sm-3">
          ${categorySelect(data, categoryId)}
        </div>
      </div>
      <p><label class="checkbox-inline"><input type="checkbox" name="description" value="1" id="description" /> Search in product descriptions</label></p>
      <h2>Products meeting the search criteria</h2>
${results}
    </div>
  </div>
</div>`;
  return { title, body };
}

/** product/category&path=: name, "Refine Search" subcategories, listing; null for an unknown path (404). */
export function categoryBody(view: PageView, query: URLSearchParams): { title: string; body: string } | null {
  const { data, baseUrl } = view;
  const category = categoryByPath(data, query.get('path') ?? '');
  if (!category) return null;
  const path = pathOf(data, category);
  const children = subcategories(data, category.categoryId);
  const products = productsInCategory(data, category.categoryId);
  const { start, limit } = pageWindow(query, data.settings.productLimit);
  const shown = products.slice(start, start + limit);
  const refine = children.length === 0 ? '' : `      <h3>Refine Search</h3>
      <div class="row">
        <div class="col-sm-3">
          <ul>
            ${children.map((c) => `<li><a href="${link(baseUrl, 'product/category', { path: pathOf(data, c) })}">${htmlEscape(c.name)} (${productsInCategory(data, c.categoryId).length})</a></li>`).join('\n            ')}
          </ul>
        </div>
      </div>`;
  const listing = shown.length === 0
    ? '      <p>There are no products to list in this category.</p>'
    : `      <div class="row">\n${shown.map((p) => productThumb(view, p, 'listing', { path })).join('\n')}\n      </div>\n${resultsFooter(start, shown.length, products.length, limit)}`;
  const body = `<div id="product-category" class="container">
  ${breadcrumb(baseUrl, [{ href: link(baseUrl, 'product/category', { path }), text: htmlEscape(category.name) }])}
  <div class="row">
    <div id="content" class="col-sm-12">
      <h2>${htmlEscape(category.name)}</h2>
      <hr>
${refine}
${listing}
    </div>
  </div>
</div>`;
  return { title: htmlEscape(category.name), body };
}

export function categoryNotFoundBody(baseUrl: string): string {
  return `<div id="error-not-found" class="container">
  ${breadcrumb(baseUrl, [])}
  <div class="row"><div id="content" class="col-sm-12"><h1>Category not found!</h1><p>Category not found!</p></div></div>
</div>`;
}
