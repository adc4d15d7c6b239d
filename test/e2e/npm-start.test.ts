import { ChatSession, startLocalConnector, type LocalConnector } from '../../src/server/local-channel';
import { startBotProcess, type BotProcess } from './bot-process';

describe('npm start as a separate process', () => {
  let bot: BotProcess | undefined;
  let connector: LocalConnector | undefined;
  afterEach(async () => {
    bot?.kill();
    await connector?.close();
  });

  it('starts with the embedded demo store, answers a search, and exits cleanly on SIGTERM', async () => {
    bot = await startBotProcess({});
    expect(bot.output.join('\n')).toContain('no OPENCART_URL set: started the embedded demo store');

    const health = await fetch(`${bot.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });

    connector = await startLocalConnector();
    const chat = new ChatSession({ botUrl: `${bot.url}/api/messages`, connector, channel: 'webchat', locale: 'en', conversationKey: 'smoke' });
    expect((await chat.start()).rendered.lines.join('\n')).toMatch(/hello/i);
    const found = (await chat.say('macbook')).rendered.lines.join('\n');
    expect(found).toContain('MacBook Air');
    expect(found).toContain('MacBook Pro');

    expect(await bot.stop('SIGTERM')).toEqual({ code: 0, signal: null });
    expect(bot.output.join('\n')).toContain('"signal":"SIGTERM","msg":"shutting down"');
  });
});
