import type { AddressInfo } from 'node:net';
import { HttpServer as Server } from '../../src/server/http/app';
import { z } from 'zod';
import { ManualClock } from '../../src/clock';
import {
  TokenBucketLimiter,
  WEBCHAT_TOKEN_PATH,
  webchatTokenRoutes,
  webchatTokenSettings,
} from '../../src/server/webchat-token';
import { memoryLogger } from '../server/helpers';
import { startFakeDirectLine, type FakeDirectLine } from './fake-direct-line';

const SECRET = 'DL-secret.abcdefghijklmnopqrstuvwxyz0123456789';
const SHOP = 'https://shop.example.com';
const OTHER_SHOP = 'https://www.shop.example.com';

interface Bot {
  url: string;
  server: Server;
  clock: ManualClock;
  logLines: string[];
}

let directLine: FakeDirectLine;
const bots: Bot[] = [];

async function startBot(options: { capacity?: number; trustProxy?: boolean } = {}): Promise<Bot> {
  const settings = webchatTokenSettings({
    DIRECT_LINE_SECRET: SECRET,
    WEBCHAT_ALLOWED_ORIGINS: `${SHOP}, ${OTHER_SHOP}`,
    DIRECT_LINE_URL: `${directLine.url}/`,
    TRUST_PROXY: options.trustProxy,
  });
  if (!settings) throw new Error('expected the endpoint to be configured');
  const clock = new ManualClock();
  const { logger, lines } = memoryLogger();
  const limiter = new TokenBucketLimiter({ capacity: options.capacity ?? 10, refillMs: 6000, maxClients: 100, clock });
  const server = new Server();
  webchatTokenRoutes({ settings, logger, clock, limiter })(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const bot = { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server, clock, logLines: lines };
  bots.push(bot);
  return bot;
}

function askToken(bot: Bot, headers: Record<string, string> = { origin: SHOP }): Promise<Response> {
  return fetch(`${bot.url}${WEBCHAT_TOKEN_PATH}`, { method: 'POST', headers });
}

function preflight(bot: Bot, origin: string): Promise<Response> {
  return fetch(`${bot.url}${WEBCHAT_TOKEN_PATH}`, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'x-requested-with' },
  });
}

const tokenAnswerSchema = z.strictObject({
  token: z.string(),
  conversationId: z.string(),
  expires_in: z.number(),
  userId: z.string(),
});

async function tokenAnswer(response: Response): Promise<z.infer<typeof tokenAnswerSchema>> {
  expect(response.status).toBe(200);
  return tokenAnswerSchema.parse(await response.json());
}

/** Everything a browser could see of an answer: status, headers and body. */
async function whole(response: Response): Promise<string> {
  return JSON.stringify([response.status, [...response.headers.entries()], await response.text()]);
}

beforeEach(async () => {
  directLine = await startFakeDirectLine();
});

afterEach(async () => {
  for (const bot of bots.splice(0)) await new Promise<void>((resolve) => bot.server.close(() => resolve()));
  await directLine.close();
});

describe('POST /api/webchat/token', () => {
  it("answers a Direct Line token for a fresh dl_ user, with CORS for the shop's origin", async () => {
    const bot = await startBot();
    const response = await askToken(bot);
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(SHOP);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const answer = await tokenAnswer(response);
    expect(answer).toEqual({ token: 'dl-token-1', conversationId: 'conv-1', expires_in: 3600, userId: expect.any(String) });
    expect(answer.userId).toMatch(/^dl_[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('asks Direct Line with the secret as bearer, the user id it answers and the trusted origins', async () => {
    const bot = await startBot();
    const answer = await tokenAnswer(await askToken(bot));
    expect(directLine.requests).toEqual([
      {
        method: 'POST',
        url: '/v3/directline/tokens/generate',
        authorization: `Bearer ${SECRET}`,
        body: { user: { id: answer.userId }, trustedOrigins: [SHOP, OTHER_SHOP] },
      },
    ]);
  });

  it('gives every request its own user id', async () => {
    const bot = await startBot();
    const first = await tokenAnswer(await askToken(bot));
    const second = await tokenAnswer(await askToken(bot, { origin: OTHER_SHOP }));
    expect(first.userId).not.toBe(second.userId);
  });

  it('answers the preflight of an allowed origin, allowing X-Requested-With', async () => {
    const bot = await startBot();
    const response = await preflight(bot, SHOP);
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(SHOP);
    expect(response.headers.get('access-control-allow-methods')).toBe('POST');
    expect(response.headers.get('access-control-allow-headers')).toContain('x-requested-with');
    expect(directLine.requests).toHaveLength(0);
  });

  it.each<[string, Record<string, string>]>([
    ['another site', { origin: 'https://evil.example' }],
    ['a look-alike', { origin: 'https://shop.example.com.evil.example' }],
    ['the right host over http', { origin: 'http://shop.example.com' }],
    ['an opaque origin', { origin: 'null' }],
    ['no origin at all', {}],
  ])('refuses %s with 403 and no CORS headers, without asking Direct Line', async (_case, headers) => {
    const bot = await startBot();
    const response = await askToken(bot, headers);
    expect(response.status).toBe(403);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(await response.json()).toEqual({ error: 'origin-not-allowed' });
    expect(directLine.requests).toHaveLength(0);
  });

  it("refuses another origin's preflight with 403 and no CORS headers", async () => {
    const bot = await startBot();
    const response = await preflight(bot, 'https://evil.example');
    expect(response.status).toBe(403);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(response.headers.get('access-control-allow-methods')).toBeNull();
  });

  it('limits each client: a burst, then 429 with Retry-After, then again once a token is earned back', async () => {
    const bot = await startBot({ capacity: 3 });
    const statuses = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await askToken(bot)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await askToken(bot);
    expect(limited.headers.get('retry-after')).toBe('6');
    expect(limited.headers.get('access-control-allow-origin')).toBe(SHOP);
    expect(directLine.requests).toHaveLength(3);
    bot.clock.advance(6000);
    expect((await askToken(bot)).status).toBe(200);
    expect((await askToken(bot)).status).toBe(429);
  });

  it('counts clients apart behind a trusted proxy, by the address the proxy appended', async () => {
    const bot = await startBot({ capacity: 1, trustProxy: true });
    const from = (chain: string) => askToken(bot, { origin: SHOP, 'x-forwarded-for': chain });
    expect((await from('203.0.113.7:50123')).status).toBe(200);
    expect((await from('198.51.100.1, 203.0.113.7:50999')).status).toBe(429);
    expect((await from('203.0.113.8')).status).toBe(200);
  });

  it('ignores X-Forwarded-For unless told to trust a proxy', async () => {
    const bot = await startBot({ capacity: 1 });
    expect((await askToken(bot, { origin: SHOP, 'x-forwarded-for': '203.0.113.7' })).status).toBe(200);
    expect((await askToken(bot, { origin: SHOP, 'x-forwarded-for': '203.0.113.8' })).status).toBe(429);
  });

  it.each<[string, { status: number; body: unknown }]>([
    ['Direct Line refuses the secret', { status: 403, body: { error: { code: 'BadArgument', message: 'bad secret' } } }],
    ['Direct Line answers garbage', { status: 200, body: '<html>gateway</html>' }],
    ['Direct Line answers without a token', { status: 200, body: { conversationId: 'c', expires_in: 3600 } }],
  ])('answers 502 when %s', async (_case, answer) => {
    const bot = await startBot();
    directLine.answer = answer;
    const response = await askToken(bot);
    expect(response.status).toBe(502);
    expect(await response.json()).toEqual({ error: 'direct-line-unavailable' });
  });

  it('answers 502 when Direct Line cannot be reached', async () => {
    const bot = await startBot();
    await directLine.close();
    expect((await askToken(bot)).status).toBe(502);
    directLine = await startFakeDirectLine();
  });

  it('never shows the secret: not in any answer, header or log line', async () => {
    const bot = await startBot({ capacity: 2 });
    const seen = [await whole(await askToken(bot)), await whole(await preflight(bot, SHOP))];
    seen.push(await whole(await askToken(bot, { origin: 'https://evil.example' })));
    directLine.answer = { status: 401, body: { error: { message: `secret ${SECRET} is wrong` } } };
    seen.push(await whole(await askToken(bot)));
    seen.push(await whole(await askToken(bot)));
    expect(seen.map((answer) => JSON.parse(answer)[0])).toEqual([200, 204, 403, 502, 429]);
    expect(seen.join('\n')).not.toContain(SECRET);
    expect(bot.logLines.length).toBeGreaterThan(0);
    expect(bot.logLines.join('\n')).not.toContain(SECRET);
    expect(bot.logLines.join('\n')).not.toContain('dl-token-1');
  });
});
