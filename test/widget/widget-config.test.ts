import { ActivityHandler } from 'botbuilder';
import pino from 'pino';
import { loadConfig } from '../../src/config';
import { startBotApp } from '../../src/server';
import { createTranslator } from '../../src/i18n';
import { widgetConfig, widgetSource } from '../../src/webchat/widget-script';

const CREDENTIALS = { MicrosoftAppId: '00000000-0000-0000-0000-000000000001', MicrosoftAppPassword: 'not-used-in-this-test' };

/** The widget.js a bot serves with these variables (no turn runs, the store is never asked). */
async function servedWidget(env: Record<string, string>): Promise<string> {
  const app = await startBotApp({
    config: loadConfig({ LOG_LEVEL: 'silent', STATE_STORAGE: 'memory', ...env }),
    logger: pino({ level: 'silent' }),
    createBot: () => new ActivityHandler(),
    opencart: { baseUrl: 'http://127.0.0.1:9/', username: 'Default', apiKey: 'unused' },
    checkStore: false,
    port: 0,
    host: '127.0.0.1',
  });
  try {
    const answer = await fetch(`${app.server.url}/widget.js`);
    expect(answer.status).toBe(200);
    return await answer.text();
  } finally {
    await app.close();
  }
}

describe('the widget follows the Direct Line that DIRECT_LINE_URL names', () => {
  it('with Bot Framework credentials and a regional DIRECT_LINE_URL: that domain, tokens from the bot', async () => {
    const source = await servedWidget({ ...CREDENTIALS, DIRECT_LINE_URL: 'https://europe.directline.botframework.com/' });
    expect(source).toContain('"directLine":{"domain":"https://europe.directline.botframework.com/v3/directline","tokenUrl":"/api/webchat/token"}');
  });

  it('with credentials and no DIRECT_LINE_URL: Azure\'s global Direct Line', async () => {
    const source = await servedWidget(CREDENTIALS);
    expect(source).toContain('"domain":"https://directline.botframework.com/v3/directline"');
  });

  it('without credentials: the stand-in on the bot itself, whatever DIRECT_LINE_URL says', async () => {
    const source = await servedWidget({ DIRECT_LINE_URL: 'https://europe.directline.botframework.com' });
    expect(source).toContain('"directLine":{"domain":"/v3/directline","tokenUrl":"/v3/directline/tokens/generate"}');
  });

  it('the page code is the same in both setups: only the config differs', () => {
    const translator = createTranslator();
    const base = { bundleUrl: '/webchat/x/webchat.js', translator, directLineUrl: 'https://directline.example' };
    const local = widgetSource(widgetConfig({ ...base, local: true }));
    const production = widgetSource(widgetConfig({ ...base, local: false }));
    const withoutConfig = (source: string) => source.replace(/\}\)\(\{.*\}\);\s*$/s, '');
    expect(withoutConfig(local)).toBe(withoutConfig(production));
    expect(local).not.toBe(production);
  });
});
