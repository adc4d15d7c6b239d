import type { TurnContext } from 'botbuilder';
import { createCloudAdapter, startServer, type BotCredentials, type CloudAdapterOptions, type RunningServer, type ServerOptions } from '../../src/server';
import { startLocalConnector, type LocalConnector } from '../../src/server/local-channel';
import { memoryLogger } from './helpers';

/** A bot that counts its turns and answers each, a loopback connector for the answers, and the server. */
export interface EdgeFixture {
  server: RunningServer;
  connector: LocalConnector;
  port: number;
  turns: () => number;
  logLines: string[];
  close(): Promise<void>;
}

export type EdgeLimits = Pick<ServerOptions, 'maxBodyBytes' | 'bodyTimeoutMs' | 'headersTimeoutMs' | 'requestTimeoutMs'>;

/** What else the adapter gets; `reply: false` makes the bot answer nothing (no outbound call, no token needed). */
export type EdgeAdapterOptions = Pick<CloudAdapterOptions, 'authEndpoints' | 'authTimeoutMs'> & { reply?: boolean };

export async function startEdgeFixture(
  limits: EdgeLimits = {},
  credentials: BotCredentials = {},
  extra: EdgeAdapterOptions = {},
): Promise<EdgeFixture> {
  const { logger, lines } = memoryLogger();
  const connector = await startLocalConnector();
  let turns = 0;
  const bot = {
    run: async (context: TurnContext) => {
      turns += 1;
      if (extra.reply !== false) await context.sendActivity(`ok: ${context.activity.text ?? ''}`);
    },
  };
  const adapter = createCloudAdapter({
    credentials,
    logger,
    authEndpoints: extra.authEndpoints,
    authTimeoutMs: extra.authTimeoutMs,
  });
  const server = await startServer({ bot, adapter, logger, port: 0, host: '127.0.0.1', ...limits });
  return {
    server,
    connector,
    port: new URL(server.url).port === '' ? 80 : Number(new URL(server.url).port),
    turns: () => turns,
    logLines: lines,
    close: async () => {
      await server.close();
      await connector.close();
    },
  };
}

/** A well-formed message activity as a channel sends it; tests spoil one field at a time. */
export function messageActivity(serviceUrl: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'message',
    id: 'activity-1',
    channelId: 'webchat',
    serviceUrl,
    from: { id: 'user-1', name: 'Customer' },
    recipient: { id: 'bot-1', name: 'Bot' },
    conversation: { id: 'conversation-1' },
    locale: 'en-US',
    text: 'hello',
    ...overrides,
  };
}

export const JSON_HEADERS = { 'content-type': 'application/json' };
