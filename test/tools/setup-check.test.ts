import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config';
import { credentialsProblem, setupProblem, storageProblem, widgetProblem } from '../../src/tools/setup-check';

const APP_ID = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';

describe('npm run doctor: the bot\'s own setup', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'doctor-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    [{}, null],
    [{ MicrosoftAppPassword: 'x' }, /MicrosoftAppId is empty/],
    [{ MicrosoftAppId: 'my-bot' }, /not an app id/],
    [{ MicrosoftAppId: APP_ID }, /MicrosoftAppPassword is empty/],
    [{ MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'p', MicrosoftAppType: 'SingleTenant' }, /MicrosoftAppTenantId/],
    [{ MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'p', MicrosoftAppType: 'SingleTenant', MicrosoftAppTenantId: TENANT }, null],
    [{ MicrosoftAppId: APP_ID, MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppTenantId: TENANT }, null],
  ])('credentials %j: %s', (env, expected) => {
    const problem = credentialsProblem(loadConfig(env));
    if (expected === null) expect(problem).toBeNull();
    else expect(problem).toMatch(expected);
  });

  it('names missing widget settings when the bot runs with credentials', () => {
    const signedIn = { MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'p' };
    expect(widgetProblem(loadConfig(signedIn))).toMatch(/DIRECT_LINE_SECRET/);
    const secret = { ...signedIn, DIRECT_LINE_SECRET: 's'.repeat(40), WEBCHAT_ALLOWED_ORIGINS: 'https://shop.example.com' };
    expect(widgetProblem(loadConfig(secret))).toMatch(/PUBLIC_URL is empty/);
    expect(widgetProblem(loadConfig({ ...secret, PUBLIC_URL: 'https://bot.example.com' }))).toBeNull();
    expect(widgetProblem(loadConfig({}))).toBeNull(); // locally the Direct Line stand-in serves the widget
  });

  it('writes, reads and deletes a probe in the configured storage, and names a folder it cannot use', async () => {
    expect(await storageProblem(loadConfig({ STATE_DIR: path.join(dir, 'state') }))).toBeNull();
    const notAFolder = path.join(dir, 'a-file');
    writeFileSync(notAFolder, 'x');
    expect(await storageProblem(loadConfig({ STATE_DIR: notAFolder }))).toMatch(/state storage \(file\) is not usable/);
    expect(await setupProblem(loadConfig({ STATE_STORAGE: 'memory' }))).toBeNull();
  });
});
