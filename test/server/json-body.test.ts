import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { isJsonContentType, isLoopbackUrl, readJsonBody, replyBodyError } from '../../src/server';

describe('isJsonContentType', () => {
  it.each(['application/json', 'application/json; charset=utf-8', 'APPLICATION/JSON;charset="UTF-8"', 'application/json; foo=bar'])(
    'takes %s',
    (type) => expect(isJsonContentType(type)).toBe(true),
  );

  it.each([undefined, '', 'text/json', 'application/json; charset=utf-16', 'application/json; charset=latin1', 'application/json-seq'])(
    'refuses %s',
    (type) => expect(isJsonContentType(type)).toBe(false),
  );

  it('refuses an overlong header without looking at it', () => {
    expect(isJsonContentType(`application/json;${' '.repeat(300)}`)).toBe(false);
  });
});

describe('isLoopbackUrl', () => {
  it.each(['http://127.0.0.1:1/', 'https://127.255.0.9/', 'http://localhost/', 'http://LOCALHOST./', 'http://[::1]:8/', 'http://127.1/', 'http://0x7f000001/'])(
    'takes %s',
    (url) => expect(isLoopbackUrl(url)).toBe(true),
  );

  it.each(['http://128.0.0.1/', 'http://[::ffff:127.0.0.1]/', 'http://localhost.example/', 'ftp://127.0.0.1/', 'not a url', 'http://0/'])(
    'refuses %s',
    (url) => expect(isLoopbackUrl(url)).toBe(false),
  );
});

describe('readJsonBody for other routes', () => {
  let server: http.Server;
  let url: string;

  beforeAll(async () => {
    server = http.createServer(async (req, res) => {
      const body = await readJsonBody(req, { maxBytes: 32, timeoutMs: 1000 });
      if (!body.ok) return replyBodyError(res, body);
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ got: body.value }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const send = (body: string, type = 'application/json') =>
    fetch(url, { method: 'POST', headers: { 'content-type': type }, body });

  it('gives the parsed value', async () => {
    const response = await send('{"a":[1,"ü"]}');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ got: { a: [1, 'ü'] } });
  });

  it('takes a JSON value that is not an object (the route decides)', async () => {
    expect(await (await send('"text"')).json()).toEqual({ got: 'text' });
  });

  it.each<[string, string, string, number, string]>([
    ['too large', '{"a":"' + 'x'.repeat(40) + '"}', 'application/json', 413, 'too-large'],
    ['not JSON', '{a:1}', 'application/json', 400, 'invalid-json'],
    ['not a JSON type', '{}', 'text/plain', 415, 'unsupported-media-type'],
  ])('refuses a body that is %s with its status and code', async (_name, body, type, status, code) => {
    const response = await send(body, type);
    expect(response.status).toBe(status);
    expect(await response.json()).toEqual({ error: code });
  });
});
