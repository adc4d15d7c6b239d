import { call, startHarness, StreamReader, type Harness } from './harness';

interface Started {
  conversationId: string;
  token: string;
  streamUrl: string;
}

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de', 'hex');

/** The form Web Chat's directlinejs posts: an `activity` part (its own media type), then one `file` part per file. */
function webChatForm(activity: Record<string, unknown> | undefined, files: { bytes: Buffer; type: string; name: string }[]): FormData {
  const form = new FormData();
  if (activity) form.append('activity', new Blob([JSON.stringify(activity)], { type: 'application/vnd.microsoft.activity' }));
  for (const file of files) form.append('file', new Blob([file.bytes], { type: file.type }), file.name);
  return form;
}

/**
 * A body over the limit is answered 413 on its Content-Length and the connection closed without reading the rest;
 * a client still writing then sees the close (EPIPE / ECONNRESET, as undici on Node 24 reports it) instead of the
 * answer. Either way the upload was refused.
 */
async function refusal(answer: Promise<Response>): Promise<number> {
  try {
    return (await answer).status;
  } catch (error) {
    const code = ((error as Error).cause as NodeJS.ErrnoException | undefined)?.code;
    if (code === 'EPIPE' || code === 'ECONNRESET') return 413;
    throw error;
  }
}

describe('Direct Line 3.0 stand-in: upload (Web Chat paperclip)', () => {
  let h: Harness;
  let dl: string;
  const readers: StreamReader[] = [];
  const start = async () => {
    const answer = await call<Started>(`${dl}/conversations`, { method: 'POST' });
    expect(answer.status).toBe(201);
    return answer.body;
  };
  const upload = (c: Started, body: FormData | string, token = c.token, headers: Record<string, string> = {}) =>
    fetch(`${dl}/conversations/${c.conversationId}/upload?userId=dl_whatever`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, ...headers },
      body,
    });
  const startWith = async (limits: Parameters<typeof startHarness>[0]) => {
    await h.close();
    h = await startHarness(limits);
    dl = `${h.server.url}/v3/directline`;
  };

  beforeEach(async () => {
    h = await startHarness();
    dl = `${h.server.url}/v3/directline`;
  });
  afterEach(async () => {
    await Promise.all(readers.splice(0).map((r) => r.close()));
    await h.close();
  });

  it('takes a file with its activity: echoed with its id, and the bot gets an attachment whose contentUrl serves the same bytes', async () => {
    const c = await start();
    const stream = await StreamReader.open(c.streamUrl);
    readers.push(stream);
    const activity = {
      type: 'message', text: '', from: { id: 'ignored', name: 'Ann' }, channelData: { clientActivityID: 'c-file' },
      attachments: [{ contentType: 'image/png', name: 'artwork.png' }],
    };
    const answer = await upload(c, webChatForm(activity, [{ bytes: PNG, type: 'image/png', name: 'artwork.png' }]));
    expect(answer.status).toBe(200);
    const { id } = (await answer.json()) as { id: string };

    const echo = await stream.waitFor((a) => a.id === id);
    expect(echo).toMatchObject({ type: 'message', from: { role: 'user', name: 'Ann' }, channelData: { clientActivityID: 'c-file' } });
    expect(echo.attachments).toEqual([{ contentType: 'image/png', name: 'artwork.png', contentUrl: expect.stringMatching(/\/v3\/directline\/attachments\/[\w-]{32}$/) }]);
    await stream.waitFor((a) => a.text === 'echo: ');

    expect(h.received).toHaveLength(1);
    const received = h.received[0]!;
    expect(received.id).toBe(id);
    expect(received.conversation.id).toBe(c.conversationId);
    expect(received.from.id).toBe((echo.from as { id: string }).id);
    const [attachment] = received.attachments ?? [];
    expect(attachment).toEqual({ contentType: 'image/png', name: 'artwork.png', contentUrl: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/v3\/directline\/attachments\//) });
    const served = await fetch(attachment!.contentUrl!);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await served.arrayBuffer())).toEqual(PNG);
  });

  it('takes files without an activity part as a message, keeps each name, and never serves a script inline', async () => {
    const c = await start();
    const html = Buffer.from('<script>alert(1)</script>');
    const answer = await upload(c, webChatForm(undefined, [
      { bytes: Buffer.from('hello'), type: 'text/plain', name: 'note.txt' },
      { bytes: html, type: 'text/html', name: 'page.html' },
    ]));
    expect(answer.status).toBe(200);
    await h.standIn.idle();
    const attachments = h.received[0]!.attachments ?? [];
    expect(attachments.map((a) => [a.name, a.contentType])).toEqual([['note.txt', 'text/plain'], ['page.html', 'text/html']]);
    const page = await fetch(attachments[1]!.contentUrl!);
    expect(page.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(page.headers.get('content-security-policy')).toContain('sandbox');
    expect(Buffer.from(await page.arrayBuffer())).toEqual(html);
  });

  it('refuses a file over the cap and a body over the limit with 413, and delivers nothing', async () => {
    await startWith({ maxFileBytes: 1000, maxUploadBytesPerConversation: 4000 });
    const c = await start();
    const big = await upload(c, webChatForm({ type: 'message' }, [{ bytes: Buffer.alloc(1001, 1), type: 'image/png', name: 'big.png' }]));
    expect(big.status).toBe(413);
    const huge = await refusal(upload(c, webChatForm({ type: 'message' }, [{ bytes: Buffer.alloc(200_000, 1), type: 'image/png', name: 'huge.png' }])));
    expect(huge).toBe(413);
    const fits = await upload(c, webChatForm({ type: 'message' }, [{ bytes: Buffer.alloc(1000, 1), type: 'image/png', name: 'fits.png' }]));
    expect(fits.status).toBe(200);
    await h.standIn.idle();
    expect(h.received.map((a) => a.attachments?.[0]?.name)).toEqual(['fits.png']);
    expect(h.standIn.files.size).toBe(1);
  });

  it('refuses a wrong token, another conversation\'s token and unreadable multipart', async () => {
    const [c, other] = [await start(), await start()];
    const form = () => webChatForm({ type: 'message' }, [{ bytes: PNG, type: 'image/png', name: 'a.png' }]);
    expect((await upload(c, form(), 'not-a-token-of-ours-at-all')).status).toBe(403);
    expect((await upload(c, form(), other.token)).status).toBe(403);
    expect((await fetch(`${dl}/conversations/${c.conversationId}/upload`, { method: 'POST', body: form() })).status).toBe(403);

    const json = await upload(c, JSON.stringify({ type: 'message' }), c.token, { 'content-type': 'application/json' });
    expect(json.status).toBe(400);
    const unclosed = await upload(c, '--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\n\r\nbytes', c.token, { 'content-type': 'multipart/form-data; boundary=xyz' });
    expect(unclosed.status).toBe(400);
    const badActivity = await upload(c, '--xyz\r\nContent-Disposition: form-data; name="activity"\r\n\r\n{nope\r\n--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\n\r\nx\r\n--xyz--\r\n', c.token, { 'content-type': 'multipart/form-data; boundary=xyz' });
    expect(badActivity.status).toBe(400);
    const noFile = await upload(c, webChatForm({ type: 'message' }, []));
    expect(noFile.status).toBe(400);
    await h.standIn.idle();
    expect(h.received).toEqual([]);
    expect(h.standIn.files.size).toBe(0);
  });

  it('forgets the files when the conversation expires', async () => {
    const c = await start();
    await upload(c, webChatForm({ type: 'message' }, [{ bytes: PNG, type: 'image/png', name: 'a.png' }]));
    await h.standIn.idle();
    const url = h.received[0]!.attachments![0]!.contentUrl!;
    expect((await fetch(url)).status).toBe(200);

    h.clock.advance(60 * 60 * 1000 + 1);
    expect((await fetch(url)).status).toBe(404);
    expect(h.standIn.files.size).toBe(0);
    expect((await fetch(`${dl}/attachments/${'x'.repeat(32)}`)).status).toBe(404);
  });
});
