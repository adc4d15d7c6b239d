import type { DemoCatalogData, DemoCurrency } from '../model';
import type { PageView } from './view';
import { htmlEscape } from '../php';
import { pathOf, subcategories, topCategories } from './catalog-queries';

/** A storefront link as OpenCart prints it in markup: `index.php?route=...&amp;...`. */
export function link(baseUrl: string, route: string, params: Record<string, string | number> = {}): string {
  const query = Object.entries(params).map(([key, value]) => `&amp;${key}=${encodeURIComponent(String(value))}`).join('');
  return `${baseUrl}index.php?route=${route}${query}`;
}

export function imageUrl(baseUrl: string, image: string | undefined, size: string): string {
  const file = image ?? 'placeholder.png';
  const dot = file.lastIndexOf('.');
  return `${baseUrl}image/cache/${file.slice(0, dot)}-${size}${file.slice(dot)}`;
}

function languageForm(data: DemoCatalogData, baseUrl: string, current: string): string {
  if (data.languages.length < 2) return '';
  const buttons = data.languages.map((l) => `        <li>
          <button class="btn btn-link btn-block language-select" type="button" name="${htmlEscape(l.code)}"><img src="catalog/language/${htmlEscape(l.code)}/${htmlEscape(l.code)}.png" alt="${htmlEscape(l.name)}" title="${htmlEscape(l.name)}" /> ${htmlEscape(l.name)}</button>
        </li>`).join('\n');
  return `<div class="pull-left">
  <form action="${link(baseUrl, 'common/language/language')}" method="post" enctype="multipart/form-data" id="form-language">
    <div class="btn-group">
      <button class="btn btn-link dropdown-toggle" data-toggle="dropdown"><span class="hidden-xs hidden-sm hidden-md">Language</span>&nbsp;<i class="fa fa-caret-down"></i></button>
      <ul class="dropdown-menu">
${buttons}
      </ul>
    </div>
    <input type="hidden" name="code" value="${htmlEscape(current)}" />
    <input type="hidden" name="redirect" value="${link(baseUrl, 'common/home')}" />
  </form>
</div>`;
}

/** The header's currency switcher; like the default theme's currency.twig, printed only when there is a choice. */
function currencyForm(view: PageView): string {
  const { data, baseUrl, currency } = view;
  if (data.currencies.length < 2) return '';
  const symbolOf = (c: DemoCurrency) => c.symbolLeft || c.symbolRight;
  const buttons = data.currencies.map((c) => `        <li>
          <button class="currency-select btn btn-link btn-block" type="button" name="${htmlEscape(c.code)}">${htmlEscape(symbolOf(c))} ${htmlEscape(c.title)}</button>
        </li>`).join('\n');
  return `<div class="pull-left">
  <form action="${link(baseUrl, 'common/currency/currency')}" method="post" enctype="multipart/form-data" id="form-currency">
    <div class="btn-group">
      <button class="btn btn-link dropdown-toggle" data-toggle="dropdown"><strong>${htmlEscape(symbolOf(currency))}</strong> <span class="hidden-xs hidden-sm hidden-md">Currency</span>&nbsp;<i class="fa fa-caret-down"></i></button>
      <ul class="dropdown-menu">
${buttons}
      </ul>
    </div>
    <input type="hidden" name="code" value="" />
    <input type="hidden" name="redirect" value="${link(baseUrl, 'common/home')}" />
  </form>
</div>`;
}

/** The header menu: top categories, with their children in a dropdown like the default theme. */
function menu(data: DemoCatalogData, baseUrl: string): string {
  const items = topCategories(data).map((top) => {
    const href = link(baseUrl, 'product/category', { path: pathOf(data, top) });
    const children = subcategories(data, top.categoryId);
    if (children.length === 0) return `        <li><a href="${href}">${htmlEscape(top.name)}</a></li>`;
    const childItems = children.map((c) => `            <li><a href="${link(baseUrl, 'product/category', { path: pathOf(data, c) })}">${htmlEscape(c.name)}</a></li>`).join('\n');
    return `        <li class="dropdown"><a href="${href}" class="dropdown-toggle" data-toggle="dropdown">${htmlEscape(top.name)}</a>
          <div class="dropdown-menu">
            <div class="dropdown-inner"><ul class="list-unstyled">
${childItems}
            </ul></div>
            <a href="${href}" class="see-all">Show All ${htmlEscape(top.name)}</a> </div>
        </li>`;
  });
  return `<div class="container">
  <nav id="menu" class="navbar">
    <div class="collapse navbar-collapse navbar-ex1-collapse">
      <ul class="nav navbar-nav">
${items.join('\n')}
      </ul>
    </div>
  </nav>
</div>`;
}

export interface PageShell {
  title: string;
  canonical?: string;
  language: string;
  body: string;
  /** On a product page: the product the chat widget is told about. */
  productId?: number;
}

/**
 * The chat widget, as the OpenCart extension puts it before `</body>`: relative to `<base>`, so it loads from the
 * bot when the bot shows these pages at its `/` (`npm start`), and is simply absent on the demo store alone.
 */
function widgetScript(view: PageView, page: PageShell): string {
  const product = page.productId === undefined ? '' : ` data-product-id="${page.productId}"`;
  return `<script src="widget.js"${product} data-language="${htmlEscape(page.language)}" data-currency="${htmlEscape(view.currency.code)}" defer></script>`;
}

/** The default theme's page around `body`: head, top bar with currency (and language) forms, header, menu, footer. */
export function renderPage(view: PageView, page: PageShell): string {
  const { data, baseUrl } = view;
  return `<!DOCTYPE html>
<html dir="ltr" lang="${htmlEscape(page.language.split('-')[0] ?? 'en')}">
<head>
<meta charset="UTF-8" />
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${page.title}</title>
<base href="${htmlEscape(baseUrl)}" />
<link href="catalog/view/theme/default/stylesheet/stylesheet.css" rel="stylesheet">
${page.canonical ? `<link href="${page.canonical}" rel="canonical" />\n` : ''}</head>
<body>
<nav id="top">
  <div class="container">${currencyForm(view)}
${languageForm(data, baseUrl, page.language)}
  </div>
</nav>
<header>
  <div class="container"><div id="logo"><a href="${link(baseUrl, 'common/home')}">${htmlEscape(data.settings.name)}</a></div>
    <div id="search" class="input-group"><input type="text" name="search" value="" placeholder="Search" class="form-control input-lg" /></div>
  </div>
</header>
${menu(data, baseUrl)}
${page.body}
<footer>
  <div class="container"><p>Powered By <a href="http://www.opencart.com">OpenCart</a><br /> ${htmlEscape(data.settings.name)}</p></div>
</footer>
${widgetScript(view, page)}
</body></html>
`;
}

export function breadcrumb(baseUrl: string, items: { href: string; text: string }[]): string {
  const crumbs = [`<li><a href="${link(baseUrl, 'common/home')}"><i class="fa fa-home"></i></a></li>`, ...items.map((i) => `<li><a href="${i.href}">${i.text}</a></li>`)];
  return `<ul class="breadcrumb">\n    ${crumbs.join('\n    ')}\n  </ul>`;
}
