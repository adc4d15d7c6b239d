import type { DemoProduct, DemoProductOption } from '../model';
import { formatMoney } from '../money';
import { htmlEscape } from '../php';
import { breadcrumb, imageUrl, link } from './layout';
import { shownPrices, withStoreTax } from './pricing';
import type { PageView } from './view';

/** "(+$4.80)": option deltas are shown with percentage taxes only, as OpenCart 3.0 does. */
function delta(view: PageView, product: DemoProduct, price: number, prefix: string): string {
  if (price === 0) return '';
  return `\n                    (${prefix}${formatMoney(withStoreTax(view.data, price, product.taxClassId, true), view.currency)})\n`;
}

function choiceInputs(view: PageView, product: DemoProduct, option: DemoProductOption, kind: 'radio' | 'checkbox'): string {
  const name = kind === 'checkbox' ? `option[${option.productOptionId}][]` : `option[${option.productOptionId}]`;
  return option.values.map((v) => {
    const image = option.type === 'image' ? `<img src="${imageUrl('', 'catalog/demo/option.png', '50x50')}" alt="${htmlEscape(v.name)}" class="img-thumbnail" /> ` : '';
    return `                <div class="${kind}">
                  <label>
                    <input type="${kind}" name="${name}" value="${v.productOptionValueId}" />
                    ${image}${htmlEscape(v.name)}${delta(view, product, v.price, v.pricePrefix)}                  </label>
                </div>`;
  }).join('\n');
}

function dateInput(option: DemoProductOption, kind: 'date' | 'time' | 'datetime'): string {
  const format = { date: 'YYYY-MM-DD', time: 'HH:mm', datetime: 'YYYY-MM-DD HH:mm' }[kind];
  return `              <div class="input-group ${kind}">
                <input type="text" name="option[${option.productOptionId}]" value="${htmlEscape(option.value)}" data-date-format="${format}" id="input-option${option.productOptionId}" class="form-control" />
                <span class="input-group-btn"><button class="btn btn-default" type="button"><i class="fa fa-calendar"></i></button></span></div>`;
}

/** One option as the default theme renders it: `div.form-group[.required]` holding the `option[<id>]` control. */
function optionGroup(view: PageView, product: DemoProduct, option: DemoProductOption): string {
  const id = option.productOptionId;
  const label = (withFor: boolean) => `<label class="control-label"${withFor ? ` for="input-option${id}"` : ''}>${htmlEscape(option.name)}</label>`;
  let control: string;
  switch (option.type) {
    case 'select': {
      const values = option.values.map((v) => `                <option value="${v.productOptionValueId}">${htmlEscape(v.name)}${delta(view, product, v.price, v.pricePrefix)}                 </option>`).join('\n');
      control = `${label(true)}
              <select name="option[${id}]" id="input-option${id}" class="form-control">
                <option value=""> --- Please Select --- </option>
${values}
              </select>`;
      break;
    }
    case 'radio':
    case 'image':
      control = `${label(false)}\n              <div id="input-option${id}">\n${choiceInputs(view, product, option, 'radio')}\n              </div>`;
      break;
    case 'checkbox':
      control = `${label(false)}\n              <div id="input-option${id}">\n${choiceInputs(view, product, option, 'checkbox')}\n              </div>`;
      break;
    case 'text':
      control = `${label(true)}\n              <input type="text" name="option[${id}]" value="${htmlEscape(option.value)}" placeholder="${htmlEscape(option.name)}" id="input-option${id}" class="form-control" />`;
      break;
    case 'textarea':
      control = `${label(true)}\n              <textarea name="option[${id}]" rows="5" placeholder="${htmlEscape(option.name)}" id="input-option${id}" class="form-control">${htmlEscape(option.value)}</textarea>`;
      break;
    case 'file':
      control = `${label(false)}
              <button type="button" id="button-upload${id}" data-loading-text="Loading..." class="btn btn-default btn-block"><i class="fa fa-upload"></i> Upload File</button>
              <input type="hidden" name="option[${id}]" value="" id="input-option${id}" />`;
      break;
    default:
      control = `${label(true)}\n${dateInput(option, option.type)}`;
  }
  return `            <div class="form-group${option.required ? ' required' : ''} ">\n              ${control}\n            </div>`;
}

function stockText(view: PageView, product: DemoProduct): string {
  if (product.quantity <= 0) return product.stockStatus;
  return view.stockDisplay ? String(product.quantity) : 'In Stock';
}

function priceList(view: PageView, product: DemoProduct): string {
  const { data } = view;
  const prices = shownPrices(data, product, view.currency);
  const lines: string[] = prices.special === null
    ? [`<li>\n              <h2>${prices.price}</h2>\n            </li>`]
    : [`<li><span style="text-decoration: line-through;">${prices.price}</span></li>`, `<li>\n              <h2>${prices.special}</h2>\n            </li>`];
  if (prices.exTax !== null) lines.push(`<li>Ex Tax: ${prices.exTax}</li>`);
  if (product.points > 0) lines.push(`<li>Price in reward points: ${product.points}</li>`);
  const discounts = product.discounts.filter((d) => d.customerGroupId === data.settings.customerGroupId);
  if (discounts.length > 0) {
    lines.push('<li>\n              <hr>\n            </li>');
    for (const d of discounts) lines.push(`<li>${d.quantity} or more ${formatMoney(withStoreTax(data, d.price, product.taxClassId), view.currency)}</li>`);
  }
  return `<ul class="list-unstyled">\n            ${lines.join('\n            ')}\n          </ul>`;
}

/** product/product: the default theme's page, with the ids in the hidden product_id input and the cart script. */
export function productBody(view: PageView, product: DemoProduct): string {
  const { baseUrl } = view;
  const name = htmlEscape(product.name);
  const self = link(baseUrl, 'product/product', { product_id: product.productId });
  const [main, ...extra] = product.images;
  const thumbnails = [
    `<li><a class="thumbnail" href="${imageUrl(baseUrl, main, '500x500')}" title="${name}"><img src="${imageUrl(baseUrl, main, '228x228')}" title="${name}" alt="${name}" /></a></li>`,
    ...extra.map((image) => `<li class="image-additional"><a class="thumbnail" href="${imageUrl(baseUrl, image, '500x500')}" title="${name}"> <img src="${imageUrl(baseUrl, image, '74x74')}" title="${name}" alt="${name}" /></a></li>`),
  ];
  const facts = [
    product.manufacturer ? `<li>Brand: <a href="${link(baseUrl, 'product/manufacturer/info', { manufacturer_id: product.manufacturerId ?? 0 })}">${htmlEscape(product.manufacturer)}</a></li>` : '',
    `<li>Product Code: ${htmlEscape(product.model)}</li>`,
    product.reward > 0 ? `<li>Reward Points: ${product.reward}</li>` : '',
    `<li>Availability: ${htmlEscape(stockText(view, product))}</li>`,
  ].filter(Boolean);
  const options = [...product.options].sort((a, b) => a.sortOrder - b.sortOrder).map((option) => optionGroup(view, product, option));
  const minimum = Math.max(product.minimum, 1);
  return `<div id="product-product" class="container">
  ${breadcrumb(baseUrl, [{ href: self, text: name }])}
  <div class="row">
    <div id="content" class="col-sm-12">
      <div class="row">
        <div class="col-sm-8">
          <ul class="thumbnails">
            ${thumbnails.join('\n            ')}
          </ul>
          <ul class="nav nav-tabs"><li class="active"><a href="#tab-description" data-toggle="tab">Description</a></li></ul>
          <div class="tab-content">
            <div class="tab-pane active" id="tab-description"><p>${htmlEscape(product.description)}</p></div>
          </div>
        </div>
        <div class="col-sm-4">
          <div class="btn-group">
            <button type="button" data-toggle="tooltip" class="btn btn-default" title="Add to Wish List" onclick="wishlist.add('${product.productId}');"><i class="fa fa-heart"></i></button>
            <button type="button" data-toggle="tooltip" class="btn btn-default" title="Compare this Product" onclick="compare.add('${product.productId}');"><i class="fa fa-exchange"></i></button>
          </div>
          <h1>${name}</h1>
          <ul class="list-unstyled">
            ${facts.join('\n            ')}
          </ul>
          ${priceList(view, product)}
          <div id="product">${options.length > 0 ? `<hr>\n            <h3>Available Options</h3>\n${options.join('\n')}` : ''}
            <div class="form-group">
              <label class="control-label" for="input-quantity">Qty</label>
              <input type="text" name="quantity" value="${minimum}" size="2" id="input-quantity" class="form-control" />
              <input type="hidden" name="product_id" value="${product.productId}" />
              <br/>
              <button type="button" id="button-cart" data-loading-text="Loading..." class="btn btn-primary btn-lg btn-block">Add to Cart</button>
            </div>
${minimum > 1 ? `            <div class="alert alert-info"><i class="fa fa-info-circle"></i> This product has a minimum quantity of ${minimum}</div>\n` : ''}          </div>
        </div>
      </div>
    </div>
  </div>
</div>`;
}

/** The 404 body for an unknown product id. */
export function productNotFoundBody(baseUrl: string, productId: string): string {
  return `<div id="error-not-found" class="container">
  ${breadcrumb(baseUrl, [{ href: link(baseUrl, 'product/product', { product_id: productId }), text: 'Product not found!' }])}
  <div class="row">
    <div id="content" class="col-sm-12">
      <h1></h1>
      <p>Product not found!</p>
      <div class="buttons clearfix"><div class="pull-right"><a href="${link(baseUrl, 'common/home')}" class="btn btn-primary">Continue</a></div></div>
    </div>
  </div>
</div>`;
}
