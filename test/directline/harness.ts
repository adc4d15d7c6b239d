import { ActivityHandler, MessageFactory, type Activity } from 'botbuilder';
import WebSocket from 'ws';
import { ManualClock } from '../../src/clock';
import { createCloudAdapter, startServer, type RunningServer } from '../../src/server';
import { createDirectLineStandIn, type DirectLineLimits, type DirectLineStandIn } from '../../src/server/directline';
import { memoryLogger } from '../server/helpers';

/** Welcomes each newcomer and echoes each message, replying to it; notes every message it received. */
class EchoBot extends ActivityHandler {
  readonly received: Activity[] = [];

  constructor() {
    super();
    this.onMembersAdded(async (context, next) => {
      const newcomers = (context.activity.membersAdded ?? []).filter((m) => m.id !== context.activity.recipient.id);
      if (newcomers.length > 0) await context.sendActivity('welcome');
      await next();
    });
    this.onMessage(async (context, next) => {
      this.received.push(context.activity);
      await context.sendActivity(MessageFactory.text(`echo: ${context.activity.text ?? ''}`));
      await next();
    });
  }
}

export interface Harness {
  server: RunningServer;
  standIn: DirectLineStandIn;
  clock: ManualClock;
  lines: string[];
  /** The messages the bot received, as it received them. */
  received: Activity[];
  close(): Promise<void>;
}

export async function startHarness(limits: Partial<DirectLineLimits> = {}): Promise<Harness> {
  const { logger, lines } = memoryLogger();
  const clock = new ManualClock();
  const standIn = createDirectLineStandIn({ logger, clock, limits });
  const adapter = createCloudAdapter({ credentials: {}, logger });
  const bot = new EchoBot();
  const server = await startServer({ bot, adapter, logger, port: 0, host: '127.0.0.1', extraRoutes: [standIn.mount] });
  return {
    server, standIn, clock, lines, received: bot.received,
    async close() {
      await standIn.close();
      await server.close();
    },
  };
}

export interface Answer<T = Record<string, unknown>> {
  status: number;
  body: T;
  headers: Headers;
}

export async function call<T = Record<string, unknown>>(url: string, init: { method?: string; token?: string; body?: unknown } = {}): Promise<Answer<T>> {
  const headers: Record<string, string> = {};
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  const answer = await fetch(url, { method: init.method ?? 'GET', headers, body: init.body === undefined ? undefined : JSON.stringify(init.body) });
  const text = await answer.text();
  return { status: answer.status, body: (text ? JSON.parse(text) : {}) as T, headers: answer.headers };
}

export interface ActivityFrame {
  activities: Record<string, unknown>[];
  watermark: string;
}

/** A WebSocket on a stream URL that collects every frame's activities and the last watermark. */
export class StreamReader {
  readonly activities: Record<string, unknown>[] = [];
  watermark = '';
  private waiters: (() => void)[] = [];

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const text = String(data);
      if (!text) return;
      const frame = JSON.parse(text) as ActivityFrame;
      this.activities.push(...frame.activities);
      this.watermark = frame.watermark;
      for (const wake of this.waiters.splice(0)) wake();
    });
  }

  static open(streamUrl: string): Promise<StreamReader> {
    const ws = new WebSocket(streamUrl);
    return new Promise((resolve, reject) => {
      ws.once('open', () => resolve(new StreamReader(ws)));
      ws.once('error', reject);
      ws.once('unexpected-response', (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)));
    });
  }

  /** Resolves once an activity matching the test arrived (looking at earlier ones too). */
  async waitFor(test: (activity: Record<string, unknown>) => boolean): Promise<Record<string, unknown>> {
    for (;;) {
      const found = this.activities.find(test);
      if (found) return found;
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  texts(): string[] {
    return this.activities.filter((a) => a.type === 'message').map((a) => String(a.text));
  }

  close(): Promise<void> {
    if (this.ws.readyState === WebSocket.CLOSED) return Promise.resolve();
    return new Promise((resolve) => {
      this.ws.once('close', () => resolve());
      this.ws.close();
    });
  }
}
