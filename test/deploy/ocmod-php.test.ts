import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as cheerio from 'cheerio';
import { buildOcmod } from '../../deploy/opencart/build';
import { signShopIdentity, verifyShopIdentity } from '../../src/shop-identity';
import { phpHasExtension, phpVersion, runPhp } from './php';
import { renderTwigSubset } from './twig-subset';
import { extractZip, readZip } from './zip-reader';

// .ci/run installs no PHP, so these run where `php` is installed (Debian: php-cli, php-xml, php-zip) and are
// reported as skipped elsewhere.
const withPhp = phpVersion ? describe : describe.skip;
const withPhpExtension = (name: string) => (phpHasExtension(name) ? it : it.skip);

const SECRET = 'a-shared-secret-of-at-least-32-characters';
const HARNESS = join(__dirname, 'fixtures', 'opencart-harness.php');

let workDir: string;
let zipFile: string;
let root: string;
let phpFiles: string[];

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'ocmod-php-'));
  zipFile = (await buildOcmod(workDir)).file;
  const entries = readZip(await readFile(zipFile));
  root = join(workDir, 'extracted');
  await extractZip(root, entries);
  phpFiles = entries.filter((e) => e.path.endsWith('.php')).map((e) => e.path);
});

afterAll(() => rm(workDir, { recursive: true, force: true }));

interface HarnessInput {
  side: 'catalog' | 'admin';
  method: string;
  config?: Record<string, unknown>;
  session?: Record<string, unknown>;
  get?: Record<string, string>;
  post?: Record<string, string>;
  customer?: { customer_id: number; firstname: string; lastname: string; email: string; telephone?: string };
}

interface HarnessOutput {
  returned: unknown;
  view: string | null;
  data: Record<string, unknown> | null;
  saved: Record<string, unknown> | null;
}

function runController(input: HarnessInput): HarnessOutput {
  const run = runPhp([HARNESS], JSON.stringify({ upload: join(root, 'upload'), ...input }));
  if (run.status !== 0) throw new Error(`php failed: ${run.stdout} ${run.stderr}`);
  return JSON.parse(run.stdout) as HarnessOutput;
}

const enabled = {
  module_order_bot_status: '1',
  module_order_bot_url: 'https://bot.example.com/',
  module_order_bot_position: 'left',
  module_order_bot_color: '#aa3300',
  module_order_bot_secret: SECRET,
};
// As OpenCart keeps it: what the customer typed, HTML-escaped.
const storedCustomer = { customer_id: 42, firstname: 'Zoë', lastname: 'O&#039;Brien', email: 'zoe@example.com', telephone: '+44 20 7946 0958' };

/** The attributes of the script tag the footer would print, rendered from the package's own template. */
async function widgetTag(output: HarnessOutput): Promise<{ attr(name: string): string | undefined }> {
  const template = await readFile(join(root, 'upload/catalog/view/theme/default/template/extension/module/order_bot.twig'), 'utf8');
  const $ = cheerio.load(renderTwigSubset(template, output.data ?? {}));
  expect($('script')).toHaveLength(1);
  return { attr: (name) => $('script').attr(name) };
}

withPhp(`the extension's PHP (php ${phpVersion ?? 'absent'})`, () => {
  it('lints clean with php -l, every file', () => {
    const failures = phpFiles
      .map((path) => ({ path, run: runPhp(['-l', join(root, path)]) }))
      .filter(({ run }) => run.status !== 0 || !run.stdout.includes('No syntax errors'))
      .map(({ path, run }) => `${path}: ${run.stdout}${run.stderr}`);
    expect(phpFiles.length).toBeGreaterThanOrEqual(6);
    expect(failures).toEqual([]);
  });

  withPhpExtension('zip')("opens and unpacks with PHP's ZipArchive, as the Extension Installer does", () => {
    const code = `$z = new ZipArchive(); if ($z->open($argv[1]) !== true) exit(2); $names = array();
      for ($i = 0; $i < $z->numFiles; $i++) { $names[] = $z->getNameIndex($i); }
      if (!$z->extractTo($argv[2])) exit(3); echo json_encode($names);`;
    const run = runPhp(['-r', code, '--', zipFile, join(workDir, 'by-php')]);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toContain('upload/catalog/controller/extension/module/order_bot.php');
  });

  withPhpExtension('dom')("reads install.xml with DOMDocument, as OpenCart's installer and modification refresh do", () => {
    const code = `libxml_use_internal_errors(true); $d = new DOMDocument('1.0', 'UTF-8');
      if (!$d->loadXml(file_get_contents($argv[1]))) { echo json_encode(libxml_get_errors()); exit(2); }
      echo $d->getElementsByTagName('code')->item(0)->nodeValue, ' ', $d->getElementsByTagName('file')->length;`;
    const run = runPhp(['-r', code, '--', join(root, 'install.xml')]);
    expect(run.stdout).toBe('opencart_order_bot 2');
    expect(run.status).toBe(0);
  });

  it("signs as the bot checks: OrderBotIdentity's HMAC equals signShopIdentity's", () => {
    const code = `require $argv[1];
      echo json_encode(OrderBotIdentity::payload(42, 'Zoë', 'O&#039;Brien', 'zoe@example.com', '+44 20 7946 0958', 1768471200, $argv[2]));`;
    const run = runPhp(['-r', code, '--', join(root, 'upload/system/library/order_bot/identity.php'), SECRET]);
    const payload = JSON.parse(run.stdout);
    const customer = { customerId: 42, firstName: 'Zoë', lastName: "O'Brien", email: 'zoe@example.com', telephone: '+44 20 7946 0958' };
    expect(payload).toEqual({ v: 2, ...customer, ts: 1768471200, sig: signShopIdentity(customer, 1768471200, SECRET) });
    expect(verifyShopIdentity(payload, SECRET, 1768471200 * 1000)).toEqual({ ok: true, customer });
  });

  it("puts a signed-in customer, the product, the page's language and currency on a product page's tag", async () => {
    const output = runController({
      side: 'catalog',
      method: 'widget',
      config: enabled,
      session: { language: 'de-de', currency: 'EUR' },
      get: { route: 'product/product', product_id: '40' },
      customer: storedCustomer,
    });
    expect(output.view).toBe('extension/module/order_bot');
    const tag = await widgetTag(output);
    expect(tag.attr('src')).toBe('https://bot.example.com/widget.js');
    expect(tag.attr('defer')).toBe('defer');
    expect([tag.attr('data-product-id'), tag.attr('data-language'), tag.attr('data-currency')]).toEqual(['40', 'de-de', 'EUR']);
    expect([tag.attr('data-position'), tag.attr('data-color')]).toEqual(['left', '#aa3300']);
    const payload = JSON.parse(tag.attr('data-customer') ?? 'null');
    const check = verifyShopIdentity(payload, SECRET, payload.ts * 1000);
    expect(check).toEqual({
      ok: true,
      customer: { customerId: 42, firstName: 'Zoë', lastName: "O'Brien", email: 'zoe@example.com', telephone: '+44 20 7946 0958' },
    });
    expect(verifyShopIdentity(payload, 'another-secret-of-at-least-32-characters!', payload.ts * 1000).ok).toBe(false);
  });

  it('leaves out the product off product pages and the customer for a guest', async () => {
    const output = runController({ side: 'catalog', method: 'widget', config: enabled, session: { language: 'en-gb', currency: 'USD' }, get: { route: 'common/home', product_id: '40' } });
    const tag = await widgetTag(output);
    expect(tag.attr('data-product-id')).toBeUndefined();
    expect(tag.attr('data-customer')).toBeUndefined();
    expect(tag.attr('data-language')).toBe('en-gb');
  });

  it.each<[string, string | undefined]>([
    ['none', undefined],
    ['an empty one', ''],
    ['one that cannot be signed (a line break)', '+44\n20'],
  ])('signs a customer whose account has %s telephone with an empty one (the bot asks for it)', async (_case, telephone) => {
    const customer = { ...storedCustomer, telephone };
    const output = runController({ side: 'catalog', method: 'widget', config: enabled, get: { route: 'common/home' }, customer });
    const payload = JSON.parse((await widgetTag(output)).attr('data-customer') ?? 'null');
    expect(payload.telephone).toBe('');
    expect(verifyShopIdentity(payload, SECRET, payload.ts * 1000)).toMatchObject({ ok: true, customer: { customerId: 42, telephone: '' } });
  });

  it.each<[string, Record<string, unknown>, HarnessInput['customer']]>([
    ['no secret is set', { ...enabled, module_order_bot_secret: '' }, storedCustomer],
    ['a name cannot be signed (a line break)', enabled, { ...storedCustomer, firstname: 'Zoë\n42' }],
  ])('sends no customer when %s', async (_case, config, customer) => {
    const output = runController({ side: 'catalog', method: 'widget', config, get: { route: 'common/home' }, customer });
    expect((await widgetTag(output)).attr('data-customer')).toBeUndefined();
  });

  it.each<[string, Record<string, unknown>]>([
    ['disabled', { ...enabled, module_order_bot_status: '0' }],
    ['without a bot URL', { ...enabled, module_order_bot_url: '' }],
  ])('prints nothing when %s', (_case, config) => {
    const output = runController({ side: 'catalog', method: 'widget', config, get: { route: 'common/home' } });
    expect([output.returned, output.view]).toEqual(['', null]);
  });

  it('saves the admin form decoded from OpenCart\'s escaping, the URL without its trailing slash', () => {
    const post = { ...enabled, module_order_bot_url: 'https://bot.example.com/shop&amp;co/' };
    const output = runController({ side: 'admin', method: 'index', post });
    expect(output.saved).toEqual({ ...enabled, module_order_bot_status: 1, module_order_bot_url: 'https://bot.example.com/shop&co' });
  });

  it.each<[string, Record<string, string>, string]>([
    ['a URL that is not http(s)', { module_order_bot_url: 'javascript:alert(1)' }, 'error_url'],
    ['a URL with a query', { module_order_bot_url: 'https://bot.example.com/?x=1' }, 'error_url'],
    ['enabled without a URL', { module_order_bot_url: '' }, 'error_url'],
    ['a colour that is not #rrggbb', { module_order_bot_color: 'red' }, 'error_color'],
    ['a short secret', { module_order_bot_secret: 'short' }, 'error_secret'],
    ['a secret OpenCart would escape', { module_order_bot_secret: `${'x'.repeat(32)}&<>` }, 'error_secret'],
  ])('refuses %s in the admin form', (_case, change, error) => {
    const output = runController({ side: 'admin', method: 'index', post: { ...enabled, ...change } });
    expect(output.saved).toBeNull();
    expect(output.data?.[error]).toBe(error);
  });

  it('installs with the widget off and the default launcher', () => {
    const output = runController({ side: 'admin', method: 'install' });
    expect(output.saved).toMatchObject({ module_order_bot_status: 0, module_order_bot_position: 'right', module_order_bot_color: '#1f6fa5' });
  });
});
