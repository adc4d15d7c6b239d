import { spawn } from 'node:child_process';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { ReplayCache, SIGNATURE_HEADER, TIMESTAMP_HEADER, verifyEvent } from '../../src/server/opencart-events';
import { phpVersion, runPhp } from '../deploy/php';

const withPhp = phpVersion ? describe : describe.skip;
const UPLOAD = join(__dirname, '../../deploy/opencart/package/upload');
const LIBRARY = join(UPLOAD, 'system/library/order_bot/events.php');
const HARNESS = join(__dirname, '../deploy/fixtures/opencart-harness.php');
const SECRET = 'a-shared-secret-of-at-least-32-characters';

/** Runs PHP without blocking the event loop (the capture server must answer meanwhile). */
function php(code: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('php', ['-r', code, '--', ...args]);
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('close', () => resolve(out));
  });
}

withPhp("the extension's order event (deploy/opencart)", () => {
  it('signs as the bot checks: OrderBotEvents::signed verifies with verifyEvent', () => {
    const code = `require $argv[1]; echo json_encode(OrderBotEvents::signed(24, 3, 1768471200, $argv[2]));`;
    const { body, headers } = JSON.parse(runPhp(['-r', code, '--', LIBRARY, SECRET]).stdout) as { body: string; headers: string[] };
    const header = (name: string) => headers.find((h) => h.toLowerCase().startsWith(`${name}:`))?.split(': ')[1];
    expect(JSON.parse(body)).toEqual({ order_id: 24, order_status_id: 3, ts: 1768471200 });
    const input = { timestamp: header(TIMESTAMP_HEADER), signature: header(SIGNATURE_HEADER), body: Buffer.from(body) };
    expect(verifyEvent(input, SECRET, 1768471200 * 1000, new ReplayCache())).toEqual({ ok: true, timestampSeconds: 1768471200 });
    expect(verifyEvent(input, 'another-secret-of-at-least-32-characters', 1768471200 * 1000, new ReplayCache()).ok).toBe(false);
  });

  it('posts it to the bot (stream fallback without the curl extension) and reads 202 as accepted', async () => {
    const received: { url?: string; headers: IncomingHttpHeaders; body: string }[] = [];
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        received.push({ url: req.url, headers: req.headers, body });
        res.statusCode = 202;
        res.end('{"status":"accepted"}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    try {
      const code = `require $argv[1]; var_export(OrderBotEvents::notify($argv[2], $argv[3], 24, 3));`;
      expect(await php(code, [LIBRARY, url, SECRET])).toBe('true');
      expect(received).toHaveLength(1);
      const [event] = received;
      expect(event.url).toBe('/api/opencart/events');
      const ts = Number(event.headers[TIMESTAMP_HEADER]);
      const input = { timestamp: String(ts), signature: String(event.headers[SIGNATURE_HEADER]), body: Buffer.from(event.body) };
      expect(verifyEvent(input, SECRET, ts * 1000, new ReplayCache()).ok).toBe(true);
      // Nothing is sent without a secret, and a bot that is down is ignored.
      expect(await php(code.replace('$argv[3]', "''"), [LIBRARY, url, SECRET])).toBe('false');
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
    const code = `require $argv[1]; var_export(OrderBotEvents::notify($argv[2], $argv[3], 24, 3));`;
    expect(await php(code, [LIBRARY, url, SECRET])).toBe('false');
  });

  it('registers the event on addOrderHistory/after when the module is installed, and removes it on uninstall', () => {
    const run = (method: string) => JSON.parse(runPhp([HARNESS], JSON.stringify({ upload: UPLOAD, side: 'admin', method })).stdout) as { events: [string, unknown[]][] };
    expect(run('install').events).toEqual([
      ['deleteEventByCode', ['order_bot']],
      ['addEvent', ['order_bot', 'catalog/model/checkout/order/addOrderHistory/after', 'extension/module/order_bot_events/history']],
    ]);
    expect(run('uninstall').events).toEqual([['deleteEventByCode', ['order_bot']]]);
  });
});
