import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { optionsFromEnv, teamsPackage } from '../../deploy/teams/build';
import { MANIFEST_VERSION } from '../../deploy/teams/manifest';
import { readZip } from '../deploy/zip-reader';

const SCHEMA = path.join(
  path.dirname(require.resolve('@microsoft/app-manifest/package.json')),
  'build',
  'json-schemas',
  'teams',
  `v${MANIFEST_VERSION}`,
  'MicrosoftTeams.schema.json',
);

const ENV = {
  MicrosoftAppId: '3f2504e0-4f89-41d3-9a0c-0305e82c3301',
  OPENCART_URL: 'https://shop.example.com/',
  PUBLIC_URL: 'https://bot.example.com',
  SHOP_NAME: 'Example Shop',
};

function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('the Teams app package (npm run build:teams)', () => {
  const entries = new Map(readZip(teamsPackage(optionsFromEnv(ENV))).map((entry) => [entry.path, entry.data]));
  const manifest = JSON.parse(entries.get('manifest.json')?.toString('utf8') ?? 'null') as Record<string, unknown>;

  it('holds the manifest and both icons at the root, the icons in the sizes Teams requires', () => {
    expect([...entries.keys()].sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    expect(pngSize(entries.get('color.png') as Buffer)).toEqual({ width: 192, height: 192 });
    expect(pngSize(entries.get('outline.png') as Buffer)).toEqual({ width: 32, height: 32 });
  });

  it('validates against the Teams manifest JSON schema it names', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA, 'utf8')));
    const valid = validate(manifest);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    // The validator is live: a field the schema does not know is refused.
    expect(validate({ ...manifest, shoppingCart: true })).toBe(false);
  });

  it('is a personal bot with the bot id, the command list and the shop and bot domains', () => {
    const [bot] = manifest.bots as { botId: string; scopes: string[]; commandLists: { commands: { title: string }[] }[] }[];
    expect(bot.botId).toBe(ENV.MicrosoftAppId);
    expect(bot.scopes).toEqual(['personal']);
    expect(bot.commandLists[0].commands.map((c) => c.title)).toEqual(expect.arrayContaining(['help', 'cart', 'start over']));
    expect(manifest.validDomains).toEqual(['shop.example.com', 'bot.example.com']);
  });

  it('names what is missing instead of building a broken package', () => {
    expect(() => optionsFromEnv({ ...ENV, MicrosoftAppId: 'not-a-guid', PUBLIC_URL: 'http://bot.example.com' })).toThrow(
      /MicrosoftAppId[\s\S]*PUBLIC_URL/,
    );
  });
});
