import { ActivityHandler } from 'botbuilder';
import { createCloudAdapter, startServer, type RunningServer } from '../../src/server';
import { KeptClients } from '../../src/server/adapter';
import { ChatSession, startLocalConnector, type LocalConnector } from '../../src/server/local-channel';
import { memoryLogger } from './helpers';

describe('KeptClients', () => {
  it('makes a client once per key', async () => {
    const kept = new KeptClients<object>();
    let made = 0;
    const make = async () => ({ n: ++made });
    const first = await kept.get('a', make);
    expect(await kept.get('a', make)).toBe(first);
    expect(await kept.get('b', make)).not.toBe(first);
    expect(made).toBe(2);
  });

  it('keeps at most its bound, dropping the oldest', async () => {
    const kept = new KeptClients<string>(3);
    for (const key of ['a', 'b', 'c', 'd', 'e']) await kept.get(key, async () => key);
    expect(kept.size).toBe(3);
    let remade = false;
    await kept.get('a', async () => {
      remade = true;
      return 'a again';
    });
    expect(remade).toBe(true);
  });

  it('does not keep a failed creation: the next call tries again', async () => {
    const kept = new KeptClients<string>();
    await expect(kept.get('a', () => Promise.reject(new Error('token endpoint down')))).rejects.toThrow('down');
    await Promise.resolve();
    expect(await kept.get('a', async () => 'made')).toBe('made');
  });
});

/** Records the SDK clients each turn was given. */
class ClientRecorder extends ActivityHandler {
  readonly seen: { connector: unknown; userToken: unknown }[] = [];
  constructor(adapter: { ConnectorClientKey: symbol; UserTokenClientKey: symbol }) {
    super();
    this.onMessage(async (context, next) => {
      this.seen.push({
        connector: context.turnState.get(adapter.ConnectorClientKey),
        userToken: context.turnState.get(adapter.UserTokenClientKey),
      });
      await context.sendActivity('ok');
      await next();
    });
  }
}

describe('the adapter keeps its SDK clients per process', () => {
  let connector: LocalConnector;
  let server: RunningServer;
  let bot: ClientRecorder;

  beforeAll(async () => {
    const { logger } = memoryLogger();
    connector = await startLocalConnector();
    const adapter = createCloudAdapter({ credentials: {}, logger });
    bot = new ClientRecorder(adapter);
    server = await startServer({ bot, adapter, logger, port: 0, host: '127.0.0.1' });
  });

  afterAll(async () => {
    await server.close();
    await connector.close();
  });

  it('gives every turn of every conversation the same connector and user-token clients, and replies still arrive', async () => {
    for (const key of ['one', 'two']) {
      const chat = new ChatSession({ botUrl: server.messagesUrl, connector, channel: 'webchat', locale: 'en', conversationKey: key });
      for (const text of ['a', 'b', 'c']) expect((await chat.say(text)).rendered.lines).toEqual(['ok']);
    }
    expect(bot.seen).toHaveLength(6);
    expect(bot.seen[0].userToken).toBeDefined();
    expect(new Set(bot.seen.map((s) => s.userToken)).size).toBe(1);
    expect(new Set(bot.seen.map((s) => s.connector)).size).toBe(1);
  });
});
