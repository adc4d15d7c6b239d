import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as cheerio from 'cheerio';
import { buildOcmod, ZIP_NAME } from '../../deploy/opencart/build';
import { readZip, type ReadEntry } from './zip-reader';

/** Where OpenCart 3.0's Extension Installer agrees to write (admin/controller/marketplace/install.php). */
const INSTALLER_ALLOWED = [
  'admin/controller/extension/', 'admin/language/', 'admin/model/extension/', 'admin/view/image/',
  'admin/view/javascript/', 'admin/view/stylesheet/', 'admin/view/template/extension/',
  'catalog/controller/extension/', 'catalog/language/', 'catalog/model/extension/', 'catalog/view/javascript/',
  'catalog/view/theme/', 'system/config/', 'system/library/', 'image/catalog/',
];

const EXPECTED_FILES = [
  'install.xml',
  'upload/admin/controller/extension/module/order_bot.php',
  'upload/admin/language/de-de/extension/module/order_bot.php',
  'upload/admin/language/en-gb/extension/module/order_bot.php',
  'upload/admin/language/ru-ru/extension/module/order_bot.php',
  'upload/admin/view/template/extension/module/order_bot.twig',
  'upload/catalog/controller/extension/module/order_bot.php',
  'upload/catalog/controller/extension/module/order_bot_events.php',
  'upload/catalog/view/theme/default/template/extension/module/order_bot.twig',
  'upload/system/library/order_bot/events.php',
  'upload/system/library/order_bot/identity.php',
];

/** Keys every OpenCart 3.0 admin page has from the admin's own language file. */
const OPENCART_COMMON_KEYS = ['text_home', 'text_enabled', 'text_disabled', 'button_save', 'button_cancel'];

let workDir: string;
let zip: Buffer;
let entries: ReadEntry[];

function file(path: string): string {
  const entry = entries.find((e) => e.path === path);
  if (!entry) throw new Error(`${path} is not in the zip`);
  return entry.data.toString('utf8');
}

function has(path: string): boolean {
  return entries.some((e) => e.path === path);
}

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'ocmod-'));
  const built = await buildOcmod(workDir);
  zip = await readFile(built.file);
  entries = readZip(zip);
});

afterAll(() => rm(workDir, { recursive: true, force: true }));

describe('the OCMOD zip', () => {
  it("is named so that Extensions > Installer takes it (it wants '.ocmod.zip')", () => {
    expect(ZIP_NAME).toBe('opencart-order-bot.ocmod.zip');
  });

  it('holds install.xml at its root and the rest under upload/, deflated, with UTF-8 names', () => {
    expect(entries.map((e) => e.path)).toEqual(EXPECTED_FILES);
    for (const entry of entries) {
      expect(entry.method).toBe(8);
      expect(entry.flags & 0x0800).toBe(0x0800);
    }
  });

  it('writes only where the Extension Installer allows', () => {
    const outside = entries
      .filter((e) => e.path !== 'install.xml')
      .map((e) => e.path.slice('upload/'.length))
      .filter((path) => !INSTALLER_ALLOWED.some((allowed) => path.startsWith(allowed)));
    expect(outside).toEqual([]);
  });

  it('is the same, byte for byte, when built again', async () => {
    const again = await buildOcmod(join(workDir, 'again'));
    expect((await readFile(again.file)).equals(zip)).toBe(true);
  });
});

describe('install.xml', () => {
  const xml = () => cheerio.load(file('install.xml'), { xml: true });

  it('is a <modification> with name, code, version (the bot\'s), author and link', async () => {
    const $ = xml();
    const pkg = JSON.parse(await readFile(join(__dirname, '../../package.json'), 'utf8'));
    expect($.root().children().map((_i, el) => (el.type === 'tag' ? el.name : el.type)).get()).toEqual(['modification']);
    expect($('modification > name').text()).toBe('Order bot chat widget');
    expect($('modification > code').text()).toMatch(/^[a-z_]+$/);
    expect($('modification > version').text()).toBe(pkg.version);
    expect($('modification > author').text()).not.toBe('');
    expect($('modification > link').text()).toMatch(/^https:\/\/\S+$/);
    expect(file('install.xml')).not.toMatch(/\{\{(version|link)\}\}/);
  });

  it('adds the widget from the footer controller and before </body> in every theme\'s footer template', () => {
    const $ = xml();
    const operations = $('modification > file')
      .map((_i, el) => ({
        path: $(el).attr('path'),
        search: $(el).find('operation > search').text().trim(),
        position: $(el).find('operation > add').attr('position'),
        add: $(el).find('operation > add').text().trim(),
        error: $(el).find('operation').attr('error'),
      }))
      .get();
    expect(operations).toEqual([
      {
        path: 'catalog/controller/common/footer.php',
        search: "$data['scripts'] = $this->document->getScripts('footer');",
        position: 'before',
        add: "$data['order_bot_widget'] = $this->load->controller('extension/module/order_bot/widget');",
        error: 'skip',
      },
      {
        path: 'catalog/view/theme/*/template/common/footer.twig',
        search: '</body>',
        position: 'before',
        add: '{{ order_bot_widget }}',
        error: 'skip',
      },
    ]);
  });

  it("applied line by line the way OCMOD does, puts the widget's tag before </body>", () => {
    const $ = xml();
    const [, twig] = $('modification > file').get();
    const search = $(twig).find('search').text().trim();
    const add = $(twig).find('add').text();
    // OCMOD inserts the add's lines before each line that contains the search text, case-insensitively.
    const apply = (source: string) =>
      source.split('\n').flatMap((line) => (line.toLowerCase().includes(search.toLowerCase()) ? [...add.split('\n'), line] : [line]));
    expect(apply('<footer>…</footer>\n<script src="x.js"></script>\n</body></html>')).toEqual([
      '<footer>…</footer>',
      '<script src="x.js"></script>',
      '{{ order_bot_widget }}',
      '</body></html>',
    ]);
  });
});

describe('the code in the package', () => {
  it('names only routes, views, language files and libraries that the package holds', () => {
    const php = entries.filter((e) => e.path.endsWith('.php')).map((e) => ({ path: e.path, text: e.data.toString('utf8') }));
    const missing: string[] = [];
    for (const { path, text } of php) {
      const side = path.split('/')[1];
      for (const [, route] of text.matchAll(/load->view\('(extension\/[\w/]+)'/g)) {
        const view = side === 'admin' ? `upload/admin/view/template/${route}.twig` : `upload/catalog/view/theme/default/template/${route}.twig`;
        if (!has(view)) missing.push(`${path}: view ${view}`);
      }
      for (const [, route] of text.matchAll(/load->language\('(extension\/[\w/]+)'/g)) {
        if (!has(`upload/${side}/language/en-gb/${route}.php`)) missing.push(`${path}: language ${route}`);
      }
      for (const [, library] of text.matchAll(/DIR_SYSTEM \. '([\w/.]+)'/g)) {
        if (!has(`upload/system/${library}`)) missing.push(`${path}: ${library}`);
      }
    }
    const added = cheerio.load(file('install.xml'), { xml: true })('add').first().text();
    const [, route] = /load->controller\('extension\/module\/(\w+)\/widget'\)/.exec(added) ?? [];
    if (!has(`upload/catalog/controller/extension/module/${route}.php`)) missing.push(`install.xml: controller ${route}`);
    expect(file(`upload/catalog/controller/extension/module/${route}.php`)).toContain('public function widget()');
    expect(missing).toEqual([]);
  });

  it.each(['en-gb', 'de-de', 'ru-ru'])('has every text the admin page uses in %s', (language) => {
    const controller = file('upload/admin/controller/extension/module/order_bot.php');
    const view = file('upload/admin/view/template/extension/module/order_bot.twig');
    const used = new Set([
      ...[...controller.matchAll(/language->get\('(\w+)'\)/g)].map((m) => m[1]),
      ...[...view.matchAll(/\{\{ ((?:text|entry|help|button|heading)_\w+)/g)].map((m) => m[1]),
    ]);
    const defined = new Set([...file(`upload/admin/language/${language}/extension/module/order_bot.php`).matchAll(/\$_\['(\w+)'\]/g)].map((m) => m[1]));
    const missing = [...used].filter((key) => !defined.has(key) && !OPENCART_COMMON_KEYS.includes(key));
    expect(missing).toEqual([]);
  });

  it('keeps its Twig blocks balanced', () => {
    for (const entry of entries.filter((e) => e.path.endsWith('.twig'))) {
      const text = entry.data.toString('utf8');
      const count = (pattern: RegExp) => text.match(pattern)?.length ?? 0;
      expect([entry.path, count(/\{% if /g)]).toEqual([entry.path, count(/\{% endif %\}/g)]);
      expect([entry.path, count(/\{% for /g)]).toEqual([entry.path, count(/\{% endfor %\}/g)]);
    }
  });
});
