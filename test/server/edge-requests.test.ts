import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { JSON_HEADERS, messageActivity, startEdgeFixture, type EdgeFixture } from './edge-fixture';
import { openRaw, post, sendRaw } from './raw-http';

/** Small limits so the timeouts show within a test; the bounds asserted are generous. */
const LIMITS = { maxBodyBytes: 64 * 1024, bodyTimeoutMs: 300, headersTimeoutMs: 300, requestTimeoutMs: 2000 };
const CLOSED_WITHIN_MS = 5000;

describe('/api/messages refuses bodies it must not read, and goes on serving', () => {
  let edge: EdgeFixture;
  const messages = '/api/messages';

  beforeAll(async () => {
    edge = await startEdgeFixture(LIMITS);
  });

  afterAll(async () => {
    await edge.close();
  });

  const activityBody = () => JSON.stringify(messageActivity(edge.connector.serviceUrl));

  async function stillServes(): Promise<void> {
    const health = await fetch(`${edge.server.url}/healthz`);
    expect(health.status).toBe(200);
    const before = edge.turns();
    const response = await fetch(edge.server.messagesUrl, { method: 'POST', headers: JSON_HEADERS, body: activityBody() });
    expect(response.status).toBe(200);
    expect(edge.turns()).toBe(before + 1);
  }

  it('answers a well-formed activity (the baseline)', async () => {
    await stillServes();
  });

  it('answers 415 to a gzip-encoded body that is not gzip, and the process goes on', async () => {
    const response = await sendRaw(edge.port, post(messages, { ...JSON_HEADERS, 'content-encoding': 'gzip' }, 'hello'));
    expect(response.status).toBe(415);
    await stillServes();
  });

  it.each(['gzip', 'deflate', 'br', 'x-unknown'])('answers 415 to a real %s body too (nothing is decompressed)', async (encoding) => {
    const body = gzipSync(activityBody());
    const turns = edge.turns();
    const response = await sendRaw(edge.port, post(messages, { ...JSON_HEADERS, 'content-encoding': encoding }, body));
    expect(response.status).toBe(415);
    expect(edge.turns()).toBe(turns);
  });

  it('takes content-encoding identity as none', async () => {
    const response = await sendRaw(edge.port, post(messages, { ...JSON_HEADERS, 'content-encoding': 'identity' }, activityBody()));
    expect(response.status).toBe(200);
  });

  it('answers 415 to a multipart upload and writes no file to the temporary folder', async () => {
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'edge-multipart-'));
    // Where a multipart parser (restify's formidable) would put the upload.
    const tmpdir = jest.spyOn(os, 'tmpdir').mockReturnValue(tmp);
    try {
      expect(os.tmpdir()).toBe(tmp);
      const boundary = 'edgeboundary';
      const body = [
        `--${boundary}`,
        'Content-Disposition: form-data; name="file"; filename="big.bin"',
        'Content-Type: application/octet-stream',
        '',
        'x'.repeat(200_000),
        `--${boundary}--`,
        '',
      ].join('\r\n');
      const response = await sendRaw(edge.port, post(messages, { 'content-type': `multipart/form-data; boundary=${boundary}` }, body));
      expect(response.status).toBe(415);
      expect(readdirSync(tmp)).toEqual([]);
    } finally {
      tmpdir.mockRestore();
      rmSync(tmp, { recursive: true, force: true });
    }
    await stillServes();
  });

  it.each([
    ['application/x-www-form-urlencoded', 'type=message&text=hello'],
    ['text/plain', '{"type":"message"}'],
    ['application/json; charset=latin1', '{"type":"message"}'],
    ['application/jsonx', '{"type":"message"}'],
  ])('answers 415 to content-type %s', async (type, body) => {
    const turns = edge.turns();
    const response = await sendRaw(edge.port, post(messages, { 'content-type': type }, body));
    expect(response.status).toBe(415);
    expect(edge.turns()).toBe(turns);
  });

  it('answers 415 without a content-type', async () => {
    const response = await sendRaw(edge.port, post(messages, {}, activityBody()));
    expect(response.status).toBe(415);
  });

  it('takes application/json with charset utf-8', async () => {
    const headers = { 'content-type': 'Application/JSON; Charset="UTF-8"' };
    const response = await sendRaw(edge.port, post(messages, headers, activityBody()));
    expect(response.status).toBe(200);
  });

  it('answers 413 to a declared length over the limit without reading the body, and closes', async () => {
    const connection = openRaw(edge.port);
    connection.write(post(messages, { ...JSON_HEADERS, 'content-length': String(LIMITS.maxBodyBytes + 1) }));
    const response = await connection.response;
    expect(response.status).toBe(413);
    await connection.closed;
  });

  it('answers 413 to a chunked body that grows over the limit', async () => {
    const connection = openRaw(edge.port);
    connection.write(post(messages, { ...JSON_HEADERS, 'transfer-encoding': 'chunked' }));
    const chunk = 'x'.repeat(16 * 1024);
    for (let i = 0; i < 6; i += 1) connection.write(`${chunk.length.toString(16)}\r\n${chunk}\r\n`);
    const response = await connection.response;
    expect(response.status).toBe(413);
    await connection.closed;
    await stillServes();
  });

  it('closes a body that drips one byte at a time with 408 within the body timeout', async () => {
    const connection = openRaw(edge.port);
    const body = activityBody();
    connection.write(post(messages, { ...JSON_HEADERS, 'content-length': String(body.length) }));
    let sent = 0;
    const drip = setInterval(() => connection.write(body.charAt(sent++)), 50);
    try {
      const response = await connection.response;
      expect(response.status).toBe(408);
      expect(await connection.closed).toBeLessThan(CLOSED_WITHIN_MS);
      expect(sent).toBeLessThan(body.length);
    } finally {
      clearInterval(drip);
    }
  });

  it('closes a body that never ends with 408', async () => {
    const connection = openRaw(edge.port);
    connection.write(post(messages, { ...JSON_HEADERS, 'content-length': '1000' }, '{"type":'));
    const response = await connection.response;
    expect(response.status).toBe(408);
    expect(await connection.closed).toBeLessThan(CLOSED_WITHIN_MS);
    await stillServes();
  });

  it('closes a connection whose headers never end (Node headersTimeout)', async () => {
    const connection = openRaw(edge.port);
    connection.write(`POST ${messages} HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\n`);
    const drip = setInterval(() => connection.write('x-slow: 1\r\n'), 50);
    try {
      expect(await connection.closed).toBeLessThan(CLOSED_WITHIN_MS);
      expect((await connection.response).status).toBe(408);
    } finally {
      clearInterval(drip);
    }
  });

  it.each([
    ['invalid JSON', '{"type": "message",'],
    ['an empty body', ''],
    ['invalid UTF-8', Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d])],
  ])('answers 400 to %s', async (_name, body) => {
    const turns = edge.turns();
    const response = await sendRaw(edge.port, post(messages, { ...JSON_HEADERS, 'content-length': String(Buffer.byteLength(body)) }, body));
    expect(response.status).toBe(400);
    expect(edge.turns()).toBe(turns);
  });

  it('keeps a connection usable after a refused, fully read body', async () => {
    const connection = openRaw(edge.port);
    connection.write(post(messages, JSON_HEADERS, '{bad json'));
    expect((await connection.response).status).toBe(400);
    expect(connection.socket.destroyed).toBe(false);
    connection.socket.end();
  });

  it('still answers GET /healthz', async () => {
    const response = await fetch(`${edge.server.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });
});
