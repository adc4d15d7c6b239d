import { readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');

/** `param name type [= default]` lines of a Bicep file (the compiler cannot be installed here: a parse check). */
function bicepParams(bicep: string): Map<string, { type: string; required: boolean }> {
  const params = new Map<string, { type: string; required: boolean }>();
  for (const match of bicep.matchAll(/^param\s+(\w+)\s+(\w+)(\s*=.*)?$/gm)) {
    params.set(match[1], { type: match[2], required: match[3] === undefined });
  }
  return params;
}

/** The rows of the README's parameters table: `| \`name\` | required | meaning |`. */
function documentedParams(readme: string): Map<string, boolean> {
  const rows = new Map<string, boolean>();
  for (const match of readme.matchAll(/^\| `(\w+)` \| (yes|no)\b/gm)) rows.set(match[1], match[2] === 'yes');
  return rows;
}

describe('the Azure template (deploy/azure/main.bicep)', () => {
  const bicep = read('deploy/azure/main.bicep');
  const params = bicepParams(bicep);

  it('documents every parameter, with whether it is required, and names none the template lacks', () => {
    const documented = documentedParams(read('deploy/azure/README.md'));
    expect([...documented.keys()].sort()).toEqual([...params.keys()].sort());
    for (const [name, { required }] of params) expect([name, documented.get(name)]).toEqual([name, required]);
  });

  it('sets an app setting for every variable of .env.example', () => {
    const variables = [...read('.env.example').matchAll(/^([A-Za-z_]+)=/gm)].map((m) => m[1]);
    const settings = new Set([...bicep.matchAll(/\{ name: '(\w+)', value: /g)].map((m) => m[1]));
    expect(variables.length).toBeGreaterThan(10);
    expect(variables.filter((name) => !settings.has(name))).toEqual([]);
  });

  it('keeps the OpenCart key and the other secrets in secure parameters', () => {
    for (const name of ['opencartApiKey', 'telegramToken', 'directLineSecret', 'shopSharedSecret']) {
      expect(bicep).toMatch(new RegExp(`@secure\\(\\)\\nparam ${name} string`));
    }
    expect(bicep).not.toMatch(/^output .*(Key|Secret|Token|Connection)/im);
  });

  it('creates the App Service on Node 22 or 24, the bot with its three channels, state storage and insights', () => {
    expect(bicep).toContain("@allowed(['22-lts', '24-lts'])");
    expect(bicep).toContain("linuxFxVersion: 'NODE|${nodeVersion}'");
    for (const channel of ['DirectLineChannel', 'MsTeamsChannel', 'TelegramChannel']) expect(bicep).toContain(`channelName: '${channel}'`);
    for (const type of ['Microsoft.Storage/storageAccounts@', 'Microsoft.Insights/components@', 'Microsoft.BotService/botServices@']) {
      expect(bicep).toContain(type);
    }
    expect(bicep).toContain("endpoint: 'https://${site.properties.defaultHostName}/api/messages'");
  });

  it('balances its braces and brackets, and its example parameters name only declared ones', () => {
    const code = bicep.replace(/'(?:[^'\\]|\\.)*'/g, "''").replace(/\/\/.*$/gm, '');
    const depth = (open: string, close: string) => code.split(open).length - code.split(close).length;
    expect([depth('{', '}'), depth('[', ']'), depth('(', ')')]).toEqual([0, 0, 0]);
    const example = JSON.parse(read('deploy/azure/parameters.example.json')) as { parameters: Record<string, unknown> };
    for (const name of Object.keys(example.parameters)) expect(params.has(name)).toBe(true);
    for (const [name, { required }] of params) if (required) expect(Object.keys(example.parameters)).toContain(name);
  });
});
