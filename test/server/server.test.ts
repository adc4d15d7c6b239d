import { ActivityHandler, MessageFactory } from 'botbuilder';
import { createCloudAdapter, startServer, type RunningServer, type TurnErrorText } from '../../src/server';
import { ChatSession, startLocalConnector, type LocalConnector } from '../../src/server/local-channel';
import { memoryLogger } from './helpers';

/** A stand-in for the order bot: welcomes, echoes, and fails on demand. */
class PlaceholderBot extends ActivityHandler {
  constructor() {
    super();
    this.onMembersAdded(async (context, next) => {
      for (const member of context.activity.membersAdded ?? []) {
        if (member.id !== context.activity.recipient.id) await context.sendActivity('welcome');
      }
      await next();
    });
    this.onMessage(async (context, next) => {
      if (context.activity.text === 'fail') throw new Error('store down at http://x/?api_token=SECRET123');
      await context.sendActivity(MessageFactory.text(`echo: ${context.activity.text ?? ''}`));
      await next();
    });
  }
}

describe('bot server over HTTP', () => {
  let connector: LocalConnector;
  let server: RunningServer;
  let logLines: string[];
  const errorLocales: (string | undefined)[] = [];
  const errorText: TurnErrorText = (locale) => {
    errorLocales.push(locale);
    return `error-text:${locale ?? 'none'}`;
  };

  beforeAll(async () => {
    const { logger, lines } = memoryLogger();
    logLines = lines;
    connector = await startLocalConnector();
    const adapter = createCloudAdapter({ credentials: {}, logger, errorText });
    server = await startServer({ bot: new PlaceholderBot(), adapter, logger, port: 0, host: '127.0.0.1' });
  });

  afterAll(async () => {
    await server.close();
    await connector.close();
  });

  const session = (channel: 'webchat' | 'msteams' | 'telegram', locale = 'en') =>
    new ChatSession({ botUrl: server.messagesUrl, connector, channel, locale });

  it('answers GET /healthz', async () => {
    const response = await fetch(`${server.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('sends the webchat welcome through send-to-conversation', async () => {
    const chat = session('webchat');
    const before = connector.received.length;
    const turn = await chat.start();
    expect(turn.rendered.lines).toEqual(['welcome']);
    const [received] = connector.received.slice(before);
    expect(received.operation).toBe('sendToConversation');
    expect(received.conversationId).toBe(chat.factory.conversationId);
  });

  it('replies to a message through reply-to-activity, naming the activity', async () => {
    const chat = session('webchat');
    const before = connector.received.length;
    const turn = await chat.say('hello');
    expect(turn.rendered.lines).toEqual(['echo: hello']);
    const [received] = connector.received.slice(before);
    expect(received.operation).toBe('replyToActivity');
    expect(received.activityId).toMatch(/\|0000001$/);
    expect(received.activity.replyToId).toBe(received.activityId);
  });

  it('sends the Teams welcome as a reply, since only webchat/directline drop the reply-to id', async () => {
    const chat = session('msteams');
    const before = connector.received.length;
    await chat.start();
    expect(connector.received.slice(before).map((r) => r.operation)).toEqual(['replyToActivity']);
  });

  it('keeps conversations apart', async () => {
    const a = session('telegram');
    const b = session('telegram');
    const [turnA, turnB] = await Promise.all([a.say('one'), b.say('two')]);
    expect(turnA.rendered.lines).toEqual(['echo: one']);
    expect(turnB.rendered.lines).toEqual(['echo: two']);
  });

  it.each([
    ['webchat', 'ru'],
    ['msteams', 'de'],
    ['telegram', 'ru'],
  ] as const)('on a failed %s turn tells the customer in their language (%s) and logs without secrets', async (channel, locale) => {
    const chat = session(channel, locale);
    const logsBefore = logLines.length;
    const turn = await chat.say('fail');
    expect(turn.rendered.lines).toEqual([`error-text:${locale}`]);
    expect(errorLocales.at(-1)).toBe(locale);
    const logged = logLines.slice(logsBefore).join('\n');
    expect(logged).toContain('turn failed');
    expect(logged).toContain('store down');
    expect(logged).not.toContain('SECRET123');
    expect(logged).not.toContain(chat.factory.conversationId);
  });

  it('goes on normally after a failed turn', async () => {
    const chat = session('webchat');
    await chat.say('fail');
    const turn = await chat.say('still there?');
    expect(turn.rendered.lines).toEqual(['echo: still there?']);
  });

  it('rejects a body that is not an activity', async () => {
    const response = await fetch(server.messagesUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ hello: 'world' }),
    });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
  });
});

describe('bot server with an app id', () => {
  it('refuses unauthenticated requests', async () => {
    const { logger } = memoryLogger();
    const connector = await startLocalConnector();
    const adapter = createCloudAdapter({
      credentials: { MicrosoftAppId: '00000000-0000-0000-0000-000000000001', MicrosoftAppPassword: 'not-used', MicrosoftAppType: 'MultiTenant' },
      logger,
    });
    const server = await startServer({ bot: new PlaceholderBot(), adapter, logger, port: 0, host: '127.0.0.1' });
    try {
      const chat = new ChatSession({ botUrl: server.messagesUrl, connector, channel: 'webchat', locale: 'en' });
      await expect(chat.say('hello')).rejects.toMatchObject({ status: 401 });
      expect(connector.received).toHaveLength(0);
    } finally {
      await server.close();
      await connector.close();
    }
  });
});
