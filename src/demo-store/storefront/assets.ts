/**
 * What a browser needs to see the demo store as a shop: the default theme's stylesheet (at OpenCart's own path,
 * written here: a compact stand-in for Bootstrap 3 and stylesheet.css) and product images. The demo store carries
 * no photos, so every `image/...` path is answered with a drawn placeholder of the size the path names, labelled
 * with the file's name ("canon eos 5d"). Neither is read by the bot; both only make `npm start` look like a shop.
 */
import { htmlEscape } from '../php';
import type { StorefrontResponse } from './index';

export const STYLESHEET_PATH = '/catalog/view/theme/default/stylesheet/stylesheet.css';

const CACHED = { 'cache-control': 'public, max-age=3600' };

const STYLESHEET = `
body { margin: 0; font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #333; background: #f4f5f7; }
a { color: #1f6fb2; text-decoration: none; }
a:hover { text-decoration: underline; }
.container { max-width: 1140px; margin: 0 auto; padding: 0 16px; box-sizing: border-box; }
.hidden-xs, .hidden-sm, .hidden-md { display: inline; }
i.fa { display: none; }
#top { background: #eaeaea; border-bottom: 1px solid #ddd; font-size: 12px; }
#top .container { display: flex; gap: 8px; padding: 2px 16px; }
.btn-group { position: relative; }
button.btn-link { background: none; border: 0; color: #555; cursor: pointer; font: inherit; padding: 4px 6px; }
.dropdown-menu { display: none; position: absolute; left: 0; top: 100%; z-index: 10; min-width: 180px; margin: 0;
  padding: 6px 0; list-style: none; background: #fff; border: 1px solid #ddd; border-radius: 4px;
  box-shadow: 0 6px 16px rgba(0, 0, 0, 0.12); }
.btn-group:hover > .dropdown-menu, .btn-group:focus-within > .dropdown-menu,
.dropdown:hover > .dropdown-menu, .dropdown:focus-within > .dropdown-menu { display: block; }
.dropdown-menu ul { list-style: none; margin: 0; padding: 0; }
.dropdown-menu a, .dropdown-menu button { display: block; width: 100%; text-align: left; padding: 4px 16px; color: #333; }
header .container { display: flex; align-items: center; justify-content: space-between; gap: 16px; padding: 20px 16px; }
#logo a { font-size: 26px; font-weight: 700; color: #222; }
#search input { width: min(340px, 50vw); padding: 8px 14px; border: 1px solid #ccc; border-radius: 20px; font: inherit; }
#menu { background: #229ac8; border-radius: 4px; margin-bottom: 20px; }
#menu .navbar-nav { display: flex; flex-wrap: wrap; list-style: none; margin: 0; padding: 0; }
#menu .navbar-nav > li { position: relative; }
#menu .navbar-nav > li > a { display: block; padding: 10px 15px; color: #fff; font-weight: 600; }
#menu .see-all { border-top: 1px solid #eee; margin-top: 4px; font-weight: 600; }
.row { display: flex; flex-wrap: wrap; gap: 20px; }
.col-sm-12, #content { flex: 1 1 100%; min-width: 0; }
.col-sm-8 { flex: 2 1 420px; }
.col-sm-4 { flex: 1 1 260px; }
.product-layout { flex: 0 1 calc(25% - 15px); min-width: 200px; }
.product-thumb { height: 100%; display: flex; flex-direction: column; background: #fff; border: 1px solid #ddd;
  border-radius: 6px; overflow: hidden; }
.product-thumb .image { background: #fafafa; text-align: center; }
img { max-width: 100%; height: auto; }
.product-thumb img { display: block; margin: 0 auto; }
.product-thumb .caption { padding: 0 14px; }
.product-thumb h4 { font-size: 15px; margin: 12px 0 6px; }
.price { font-weight: 700; color: #444; }
.price-new { color: #c0392b; }
.price-old { color: #999; text-decoration: line-through; font-weight: 400; margin-left: 6px; }
.price-tax { display: block; color: #999; font-weight: 400; font-size: 12px; }
.button-group { display: flex; margin-top: auto; border-top: 1px solid #ddd; }
.button-group button { flex: 1; padding: 8px; background: #eee; border: 0; cursor: pointer; font-weight: 600; }
.button-group button + button { display: none; }
.breadcrumb { display: flex; flex-wrap: wrap; gap: 8px; list-style: none; margin: 0 0 20px; padding: 8px 12px;
  background: #fff; border: 1px solid #ddd; border-radius: 4px; }
.breadcrumb li + li::before { content: "›"; margin-right: 8px; color: #aaa; }
.breadcrumb li:first-child a::after { content: "Home"; }
.btn-group .btn-default { display: none; }
.thumbnails { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 10px; }
.thumbnail { display: block; padding: 4px; background: #fff; border: 1px solid #ddd; border-radius: 4px; }
.list-unstyled { list-style: none; padding: 0; }
.form-group { margin-bottom: 12px; }
.control-label { display: block; font-weight: 600; margin-bottom: 4px; }
.form-control { box-sizing: border-box; width: 100%; padding: 7px 10px; border: 1px solid #ccc; border-radius: 4px; font: inherit; }
.btn { padding: 8px 14px; border: 1px solid #ccc; border-radius: 4px; background: #fff; cursor: pointer; font: inherit; }
.btn-primary { background: #229ac8; border-color: #1f90bb; color: #fff; }
.btn-block { display: block; width: 100%; }
.btn-lg { padding: 10px 16px; font-size: 16px; }
.nav-tabs { display: flex; gap: 4px; list-style: none; margin: 20px 0 0; padding: 0; border-bottom: 1px solid #ddd; }
.nav-tabs a { display: block; padding: 8px 14px; }
.nav-tabs .active a { background: #fff; border: 1px solid #ddd; border-bottom-color: #fff; border-radius: 4px 4px 0 0; }
.tab-content { background: #fff; border: 1px solid #ddd; border-top: 0; padding: 14px; }
footer { margin-top: 40px; padding: 24px 0; background: #303030; color: #ccc; }
footer a { color: #eee; }
`;

const PALETTE = ['#e8f1fb', '#fdf0e6', '#eaf7ee', '#f6ecf8', '#fff8e1', '#e9f4f4'];

/** The placeholder drawn for an image path: its size from "-228x228.jpg" (else 228 square), its name as the label. */
function placeholder(path: string): string {
  const file = decodeURIComponent(path.split('/').pop() ?? '');
  const sized = /^(.*?)-(\d{2,4})x(\d{2,4})\.\w{2,4}$/.exec(file);
  const width = sized ? Math.min(2000, Number(sized[2])) : 228;
  const height = sized ? Math.min(2000, Number(sized[3])) : 228;
  const name = (sized?.[1] ?? file.replace(/\.\w{2,4}$/, '')).replace(/[_-]+/g, ' ').replace(/\s\d+$/, '').slice(0, 40);
  const colour = PALETTE[[...name].reduce((sum, ch) => sum + ch.charCodeAt(0), 0) % PALETTE.length];
  const size = Math.max(10, Math.round(Math.min(width, height) / 11));
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`
    + `<rect width="100%" height="100%" fill="${colour}"/>`
    + `<text x="50%" y="50%" text-anchor="middle" dominant-baseline="middle" font-family="system-ui, sans-serif" `
    + `font-size="${size}" fill="#667">${htmlEscape(name)}</text></svg>`;
}

/** The stylesheet or an image placeholder for a GET of `path`, or null when the path is neither. */
export function storefrontAsset(path: string): StorefrontResponse | null {
  if (path === STYLESHEET_PATH) return { status: 200, contentType: 'text/css; charset=utf-8', headers: CACHED, body: STYLESHEET };
  if (path.startsWith('/image/') && path.length <= 300) {
    return { status: 200, contentType: 'image/svg+xml', headers: CACHED, body: placeholder(path) };
  }
  return null;
}
