import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { proxySetting } from '../../src/http-proxy';
import { OpenCartTransport } from '../../src/opencart/transport';

describe('the proxy setting of the HTTP clients', () => {
  it('turns the per-request lookup off when no proxy variable is set', () => {
    expect(proxySetting({ PATH: '/usr/bin', NO_PROXY: 'localhost' })).toBe(false);
    expect(proxySetting({ HTTPS_PROXY: '' })).toBe(false);
  });

  it.each(['HTTP_PROXY', 'https_proxy', 'ALL_PROXY', 'npm_config_proxy', 'npm_config_https_proxy'])(
    'leaves it to axios when %s is set',
    (name) => {
      expect(proxySetting({ [name]: 'http://proxy.example:3128' })).toBeUndefined();
    },
  );
});

/** A server that answers every request with what it was asked for: a proxy sees the absolute URL. */
async function recorder(): Promise<{ url: string; seen: string[]; close: () => Promise<void> }> {
  const seen: string[] = [];
  const server = http.createServer((req, res) => {
    seen.push(req.url ?? '');
    res.setHeader('content-type', 'application/json');
    res.end('{"success":"ok"}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

describe('an OpenCart transport and the environment', () => {
  // Whatever proxy the machine running the tests has is set aside, so each test alone decides.
  const saved: NodeJS.ProcessEnv = {};
  beforeEach(() => {
    for (const name of Object.keys(process.env).filter((n) => /proxy/i.test(n))) {
      saved[name] = process.env[name];
      delete process.env[name];
    }
  });
  afterEach(() => {
    for (const name of Object.keys(process.env).filter((n) => /proxy/i.test(n))) delete process.env[name];
    Object.assign(process.env, saved);
  });

  it('goes through the proxy HTTP_PROXY names', async () => {
    const proxy = await recorder();
    try {
      process.env.HTTP_PROXY = proxy.url;
      const transport = new OpenCartTransport('http://shop.invalid/', { timeoutMs: 5000, maxRetries: 0 });
      const answer = await transport.send({ route: 'api/login', query: {}, form: [], repeatable: false });
      expect(answer.status).toBe(200);
      expect(proxy.seen).toEqual(['http://shop.invalid/index.php?route=api%2Flogin']);
    } finally {
      await proxy.close();
    }
  });

  it('goes straight to the store when none is set', async () => {
    const store = await recorder();
    try {
      const transport = new OpenCartTransport(`${store.url}/`, { timeoutMs: 5000, maxRetries: 0 });
      await transport.send({ route: 'api/login', query: {}, form: [], repeatable: false });
      expect(store.seen).toEqual(['/index.php?route=api%2Flogin']);
    } finally {
      await store.close();
    }
  });
});
