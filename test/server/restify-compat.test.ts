import http from 'node:http';
import type { AddressInfo } from 'node:net';
import '../../src/server';

describe('other HTTP servers in the bot process', () => {
  it('can still chain res.writeHead(...).end(...) after restify was loaded', async () => {
    const server = http.createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' }).end('chained');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const response = await fetch(`http://127.0.0.1:${port}/`);
      expect(response.status).toBe(200);
      expect(await response.text()).toBe('chained');
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
