import type { DemoCatalogData, DemoProduct } from '../model';
import { htmlEscape } from '../php';
import { imageUrl, link } from './layout';
import { shownPrices } from './pricing';
import type { PageView } from './view';

export type ThumbStyle = 'listing' | 'featured';

/** The listing's short description: the first N characters and "..", as OpenCart cuts it. */
function shortDescription(data: DemoCatalogData, product: DemoProduct): string {
  return `${htmlEscape(product.description.slice(0, data.settings.descriptionLength))}..`;
}

function priceBlock(view: PageView, product: DemoProduct): string {
  const prices = shownPrices(view.data, product, view.currency);
  const main = prices.special === null ? prices.price : `<span class="price-new">${prices.special}</span> <span class="price-old">${prices.price}</span>`;
  const tax = prices.exTax === null ? '' : ` <span class="price-tax">Ex Tax: ${prices.exTax}</span>`;
  return `<p class="price">\n                  ${main}\n                 ${tax}\n                </p>`;
}

/**
 * One `div.product-layout > div.product-thumb`, as on search and category pages ('listing') or in the home page's
 * Featured module ('featured', whose cart button carries no minimum).
 */
export function productThumb(view: PageView, product: DemoProduct, style: ThumbStyle, extra: Record<string, string | number> = {}): string {
  const { data, baseUrl } = view;
  const href = link(baseUrl, 'product/product', { ...extra, product_id: product.productId });
  const name = htmlEscape(product.name);
  const minimum = Math.max(product.minimum, 1);
  const cartArgs = style === 'featured' ? `'${product.productId}'` : `'${product.productId}', '${minimum}'`;
  const layoutClass = style === 'featured' ? 'product-layout col-lg-3 col-md-3 col-sm-6 col-xs-12' : 'product-layout product-list col-xs-12';
  return `        <div class="${layoutClass}">
          <div class="product-thumb">
            <div class="image"><a href="${href}"><img src="${imageUrl(baseUrl, product.images[0], '228x228')}" alt="${name}" title="${name}" class="img-responsive" /></a></div>
            <div>
              <div class="caption">
                <h4><a href="${href}">${name}</a></h4>
                <p>${shortDescription(data, product)}</p>
                ${priceBlock(view, product)}
              </div>
              <div class="button-group">
                <button type="button" onclick="cart.add(${cartArgs});"><i class="fa fa-shopping-cart"></i> <span class="hidden-xs hidden-sm hidden-md">Add to Cart</span></button>
                <button type="button" data-toggle="tooltip" title="Add to Wish List" onclick="wishlist.add('${product.productId}');"><i class="fa fa-heart"></i></button>
                <button type="button" data-toggle="tooltip" title="Compare this Product" onclick="compare.add('${product.productId}');"><i class="fa fa-exchange"></i></button>
              </div>
            </div>
          </div>
        </div>`;
}

/** "Showing 1 to 4 of 4 (1 Pages)" under a listing. */
export function resultsFooter(start: number, shown: number, total: number, limit: number): string {
  const pages = Math.max(1, Math.ceil(total / limit));
  const text = total === 0 ? '' : `Showing ${start + 1} to ${start + shown} of ${total} (${pages} Pages)`;
  return `      <div class="row">
        <div class="col-sm-6 text-left"></div>
        <div class="col-sm-6 text-right">${text}</div>
      </div>`;
}
