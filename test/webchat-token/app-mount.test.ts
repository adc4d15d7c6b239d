import pino from 'pino';
import { ActivityHandler } from 'botbuilder';
import { loadConfig } from '../../src/config';
import { startBotApp, type BotApp } from '../../src/server';
import { WEBCHAT_TOKEN_PATH } from '../../src/server/webchat-token';
import { startFakeDirectLine, type FakeDirectLine } from './fake-direct-line';

const SHOP = 'https://shop.example.com';

async function startApp(env: Record<string, string>, directLineUrl?: string): Promise<BotApp> {
  const base = { LOG_LEVEL: 'silent', STATE_STORAGE: 'memory', ...env };
  const config = loadConfig(directLineUrl ? { ...base, DIRECT_LINE_URL: directLineUrl } : base);
  return startBotApp({
    config,
    logger: pino({ level: 'silent' }),
    createBot: () => new ActivityHandler(),
    // Never reached: no turn runs and the store is not checked.
    opencart: { baseUrl: 'http://127.0.0.1:9/', username: 'Default', apiKey: 'unused' },
    checkStore: false,
    port: 0,
    host: '127.0.0.1',
  });
}

function askToken(app: BotApp): Promise<Response> {
  return fetch(`${app.server.url}${WEBCHAT_TOKEN_PATH}`, { method: 'POST', headers: { origin: SHOP } });
}

describe('the bot app mounts POST /api/webchat/token', () => {
  let directLine: FakeDirectLine;
  beforeAll(async () => {
    directLine = await startFakeDirectLine();
  });
  afterAll(() => directLine.close());

  it('when DIRECT_LINE_SECRET is set', async () => {
    const env = { DIRECT_LINE_SECRET: 'DL-secret.abcdefghijklmnopqrstuvwxyz0123', WEBCHAT_ALLOWED_ORIGINS: SHOP };
    const app = await startApp(env, directLine.url);
    try {
      const response = await askToken(app);
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ token: 'dl-token-1', conversationId: 'conv-1' });
    } finally {
      await app.close();
    }
  });

  it('not without it', async () => {
    const app = await startApp({});
    try {
      const before = directLine.requests.length;
      // 404, or 405 where the site's GET pages match the path.
      expect([404, 405]).toContain((await askToken(app)).status);
      expect(directLine.requests).toHaveLength(before);
    } finally {
      await app.close();
    }
  });
});
