import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Forwards every request to the store and counts it by route (api/login, product/search, ...), with the time
 * the store took. Links in the store's pages name the store's own address; they are rewritten to the proxy's,
 * so product pages fetched from those links are counted too.
 */
export interface CallCounts {
  /** Requests by route (the `route` query parameter, else the path). */
  calls: Record<string, number>;
  /** Milliseconds from request to the end of the answer, summed over API calls. */
  apiMs: number;
}

export interface CountingProxy {
  url: string;
  counts(): CallCounts;
  reset(): void;
  close(): Promise<void>;
}

export async function startCountingProxy(target: string): Promise<CountingProxy> {
  const upstream = new URL(target);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  let calls: Record<string, number> = {};
  let apiMs = 0;
  let origin = '';

  const server = http.createServer((req, res) => {
    const started = performance.now();
    const url = new URL(req.url ?? '/', upstream);
    const route = url.searchParams.get('route') ?? url.pathname;
    calls[route] = (calls[route] ?? 0) + 1;
    const forward = http.request(
      {
        agent,
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: `${url.pathname}${url.search}`,
        headers: { ...req.headers, host: upstream.host },
      },
      (answer) => {
        const chunks: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => chunks.push(chunk));
        answer.on('end', () => {
          const body = rewriteLinks(Buffer.concat(chunks).toString('utf8'), upstream.origin, origin);
          if (route.startsWith('api/')) apiMs += performance.now() - started;
          const headers = { ...answer.headers, 'content-length': String(Buffer.byteLength(body)) };
          delete headers['transfer-encoding'];
          res.writeHead(answer.statusCode ?? 502, headers);
          res.end(body);
        });
      },
    );
    forward.on('error', () => res.destroy());
    req.pipe(forward);
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/`,
    counts: () => ({ calls: { ...calls }, apiMs }),
    reset() {
      calls = {};
      apiMs = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        agent.destroy();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** The store's origin as written in HTML and in JSON (with escaped slashes). */
function rewriteLinks(body: string, from: string, to: string): string {
  const escaped = (s: string) => s.replaceAll('/', '\\/');
  return body.replaceAll(from, to).replaceAll(escaped(from), escaped(to));
}
