import { call, startHarness, StreamReader, type Harness } from './harness';

interface Started {
  conversationId: string;
  token: string;
  expires_in: number;
  streamUrl: string;
}

describe('Direct Line 3.0 stand-in', () => {
  let h: Harness;
  let dl: string;
  const readers: StreamReader[] = [];
  const open = async (streamUrl: string) => {
    const reader = await StreamReader.open(streamUrl);
    readers.push(reader);
    return reader;
  };
  const start = async (token?: string) => {
    const answer = await call<Started>(`${dl}/conversations`, { method: 'POST', token });
    expect(answer.status).toBe(201);
    return answer.body;
  };
  const say = (c: Started, text: string, token = c.token) =>
    call<{ id: string }>(`${dl}/conversations/${c.conversationId}/activities`, {
      method: 'POST', token, body: { type: 'message', text, from: { id: 'ignored', name: 'Ann' }, channelData: { clientActivityID: `c-${text}` } },
    });

  beforeEach(async () => {
    h = await startHarness();
    dl = `${h.server.url}/v3/directline`;
  });
  afterEach(async () => {
    await Promise.all(readers.splice(0).map((r) => r.close()));
    await h.close();
  });

  it('starts a conversation, echoes the posted activity with its id, then streams the reply', async () => {
    const c = await start();
    expect(c).toEqual({ conversationId: expect.any(String), token: expect.any(String), expires_in: 3600, streamUrl: expect.stringMatching(/^ws:\/\/127\.0\.0\.1:\d+\/v3\/directline\/conversations\/.+\/stream\?t=/) });
    const stream = await open(c.streamUrl);
    await stream.waitFor((a) => a.text === 'welcome');

    const posted = await say(c, 'hello');
    expect(posted.status).toBe(200);
    const echo = await stream.waitFor((a) => a.id === posted.body.id);
    expect(echo).toMatchObject({ type: 'message', text: 'hello', from: { role: 'user', name: 'Ann' }, channelData: { clientActivityID: 'c-hello' } });
    expect(String((echo.from as { id: string }).id)).toMatch(/^dl_/);
    const reply = await stream.waitFor((a) => a.text === 'echo: hello');
    expect(reply).toMatchObject({ replyToId: posted.body.id, from: { role: 'bot' }, conversation: { id: c.conversationId } });
    expect(stream.texts()).toEqual(['welcome', 'hello', 'echo: hello']);
  });

  it('generates a token bound to one conversation, refreshes it, and refuses it for another conversation', async () => {
    const generated = await call<Started>(`${dl}/tokens/generate`, { method: 'POST' });
    expect(generated.status).toBe(200);
    const c = await start(generated.body.token);
    expect(c.conversationId).toBe(generated.body.conversationId);

    const refreshed = await call<Started>(`${dl}/tokens/refresh`, { method: 'POST', token: generated.body.token });
    expect(refreshed.body).toEqual({ conversationId: c.conversationId, token: expect.any(String), expires_in: 3600 });
    expect(refreshed.body.token).not.toBe(generated.body.token);
    expect((await say(c, 'with the new token', refreshed.body.token)).status).toBe(200);

    const other = await start();
    expect((await say(other, 'cross', c.token)).status).toBe(403);
    expect((await call(`${dl}/conversations/${other.conversationId}`, { token: c.token })).status).toBe(403);
    expect((await call(`${dl}/tokens/refresh`, { method: 'POST', token: 'not-a-token-of-ours-at-all' })).status).toBe(403);
    expect((await call(`${dl}/tokens/refresh`, { method: 'POST' })).status).toBe(403);
  });

  it('answers polling after a watermark with only the newer activities', async () => {
    const c = await start();
    const stream = await open(c.streamUrl);
    await say(c, 'one');
    await stream.waitFor((a) => a.text === 'echo: one');
    const first = await call<{ activities: { text: string }[]; watermark: string }>(`${dl}/conversations/${c.conversationId}/activities`, { token: c.token });
    expect(first.body.activities.map((a) => a.text)).toEqual(['welcome', 'one', 'echo: one']);
    expect(first.body.watermark).toBe('3');

    await say(c, 'two');
    await stream.waitFor((a) => a.text === 'echo: two');
    const next = await call<{ activities: { text: string }[]; watermark: string }>(`${dl}/conversations/${c.conversationId}/activities?watermark=${first.body.watermark}`, { token: c.token });
    expect(next.body.activities.map((a) => a.text)).toEqual(['two', 'echo: two']);
    expect(next.body.watermark).toBe('5');
  });

  it('resumes a conversation over a new WebSocket from the watermark, with what came while it was closed', async () => {
    const c = await start();
    const first = await open(c.streamUrl);
    await say(c, 'before');
    await first.waitFor((a) => a.text === 'echo: before');
    const seen = first.watermark;
    await first.close();

    await say(c, 'while away');
    await h.standIn.idle();
    const resumed = await call<Started>(`${dl}/conversations/${c.conversationId}?watermark=${seen}`, { token: c.token });
    expect(resumed.status).toBe(200);
    expect(resumed.body.streamUrl).toContain(`watermark=${seen}`);
    const second = await open(resumed.body.streamUrl);
    await second.waitFor((a) => a.text === 'echo: while away');
    expect(second.texts()).toEqual(['while away', 'echo: while away']);

    const fromStart = await open((await call<Started>(`${dl}/conversations/${c.conversationId}`, { token: resumed.body.token })).body.streamUrl);
    await fromStart.waitFor((a) => a.text === 'echo: while away');
    expect(fromStart.texts()).toEqual(['welcome', 'before', 'echo: before', 'while away', 'echo: while away']);
  });

  it('keeps two conversations at once apart', async () => {
    const [a, b] = await Promise.all([start(), start()]);
    const [streamA, streamB] = await Promise.all([open(a.streamUrl), open(b.streamUrl)]);
    await Promise.all([streamA.waitFor((x) => x.text === 'welcome'), streamB.waitFor((x) => x.text === 'welcome')]);
    await Promise.all([say(a, 'from a'), say(b, 'from b')]);
    await Promise.all([streamA.waitFor((x) => x.text === 'echo: from a'), streamB.waitFor((x) => x.text === 'echo: from b')]);
    expect(streamA.texts()).toEqual(['welcome', 'from a', 'echo: from a']);
    expect(streamB.texts()).toEqual(['welcome', 'from b', 'echo: from b']);
  });

  it('refuses an expired token everywhere, the stream included', async () => {
    const c = await start();
    await h.standIn.idle();
    h.clock.advance(3600 * 1000 + 1);
    expect((await say(c, 'late')).status).toBe(403);
    expect((await call(`${dl}/tokens/refresh`, { method: 'POST', token: c.token })).status).toBe(403);
    expect((await call(`${dl}/conversations/${c.conversationId}`, { token: c.token })).status).toBe(403);
    await expect(StreamReader.open(c.streamUrl)).rejects.toThrow('upgrade refused: 403');
  });

  it('forgets idle conversations and keeps within its caps', async () => {
    await h.close();
    h = await startHarness({ maxConversations: 2, maxActivitiesPerConversation: 3 });
    dl = `${h.server.url}/v3/directline`;
    const first = await start();
    await h.standIn.idle();
    const second = await start();
    await h.standIn.idle();
    const third = await start();
    expect(h.standIn.store.size).toBe(2);
    expect((await say(first, 'evicted')).status).toBe(403);

    for (const text of ['a', 'b']) {
      await say(second, text);
      await h.standIn.idle();
    }
    const kept = await call<{ activities: { text: string }[]; watermark: string }>(`${dl}/conversations/${second.conversationId}/activities`, { token: second.token });
    expect(kept.body.activities.map((x) => x.text)).toEqual(['echo: a', 'b', 'echo: b']);
    expect(kept.body.watermark).toBe('5');

    h.clock.advance(60 * 60 * 1000 + 1);
    h.standIn.store.sweep();
    expect(h.standIn.store.size).toBe(0);
    expect((await say(third, 'gone')).status).toBe(403);
  });

  it('allows the Direct Line client headers in a cross-origin preflight and refuses updates', async () => {
    const preflight = await fetch(`${dl}/conversations`, {
      method: 'OPTIONS',
      headers: { origin: 'http://shop.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type,x-requested-with' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('http://shop.example');
    expect(preflight.headers.get('access-control-allow-headers')).toEqual(expect.stringContaining('X-Requested-With'));
    expect(preflight.headers.get('access-control-allow-headers')).toEqual(expect.stringContaining('Authorization'));
    expect(preflight.headers.get('access-control-allow-headers')).toEqual(expect.stringContaining('Content-Type'));

    const c = await start();
    const update = await call(`${h.server.url}/v3/conversations/${c.conversationId}/activities/x`, { method: 'PUT', body: { type: 'message' } });
    expect(update.status).toBe(405);
    const unknown = await call(`${h.server.url}/v3/conversations/nope/activities`, { method: 'POST', body: { type: 'message' } });
    expect(unknown.status).toBe(404);
    const badType = await call(`${dl}/conversations/${c.conversationId}/activities`, { method: 'POST', token: c.token, body: { type: 'invoke' } });
    expect(badType.status).toBe(400);
  });
});
