import pino from 'pino';
import { createOrderBot } from '../../src/bot';
import { ManualClock } from '../../src/clock';
import { loadConfig } from '../../src/config';
import { startDemoStore, type DemoStoreHandle } from '../../src/demo-store';
import { createTranslator } from '../../src/i18n';
import { startBotApp, type BotApp } from '../../src/server/app';
import { ChatSession, startLocalConnector, type LocalConnector } from '../../src/server/local-channel';
import { shown } from '../e2e/steps';

describe('the turn rate limit as npm start configures it', () => {
  let store: DemoStoreHandle;
  let app: BotApp;
  let connector: LocalConnector;
  const clock = new ManualClock();
  beforeAll(async () => {
    store = await startDemoStore({ clock });
    app = await startBotApp({
      config: loadConfig({ LOG_LEVEL: 'silent', STATE_STORAGE: 'memory', TURN_RATE_LIMIT: '6', TURN_RATE_BURST: '3' }),
      logger: pino({ level: 'silent' }),
      createBot: createOrderBot,
      opencart: { baseUrl: store.url, username: store.username, apiKey: store.apiKey },
      checkStore: false,
      clock,
      port: 0,
      host: '127.0.0.1',
    });
    connector = await startLocalConnector();
  });
  afterAll(async () => {
    await app.close();
    await connector.close();
    await store.close();
  });

  it('answers a burst over TURN_RATE_BURST with the translated slow-down message, and goes on once refilled', async () => {
    const chat = new ChatSession({ botUrl: app.server.messagesUrl, connector, channel: 'webchat', locale: 'de', conversationKey: 'flood' });
    const slowDown = createTranslator().t('de', 'common.slowDown');
    const answers: string[] = [];
    for (let i = 0; i < 4; i += 1) answers.push(shown(await chat.say('macbook')));
    expect(answers.slice(0, 3).every((a) => a !== slowDown)).toBe(true);
    expect(answers[3]).toBe(slowDown);
    clock.advance(10_000); // 6 a minute: one more turn every 10 s
    expect(shown(await chat.say('macbook'))).toContain('MacBook');
  });
});
