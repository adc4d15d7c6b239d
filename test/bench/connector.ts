import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Activity } from 'botbuilder';

/**
 * A fake Bot Connector for the benchmark: like src/server/local-channel/connector.ts, but it keeps nothing
 * beyond the turn in flight (a long run would otherwise hold every reply ever sent) and hands each activity
 * to the one waiting conversation in O(1).
 */
export interface BenchConnector {
  serviceUrl: string;
  /** Starts collecting the replies of one conversation's turn; returns them when called again. */
  collect(conversationId: string): () => Partial<Activity>[];
  close(): Promise<void>;
}

const ROUTE = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?\/?$/;
const MAX_BODY_BYTES = 4 * 1024 * 1024;

export async function startBenchConnector(): Promise<BenchConnector> {
  const sinks = new Map<string, Partial<Activity>[]>();
  let nextId = 1;
  const server = http.createServer((req, res) => {
    const match = ROUTE.exec(new URL(req.url ?? '/', 'http://connector').pathname);
    if (!match || (req.method !== 'POST' && req.method !== 'PUT')) return reply(res, 404, {});
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => {
      if (size > MAX_BODY_BYTES) return reply(res, 413, {});
      try {
        const activity = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Partial<Activity>;
        sinks.get(decodeURIComponent(match[1]))?.push(activity);
        reply(res, 200, { id: `bench-${nextId++}` });
      } catch {
        reply(res, 400, {});
      }
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    serviceUrl: `http://127.0.0.1:${port}`,
    collect(conversationId) {
      const sink: Partial<Activity>[] = [];
      sinks.set(conversationId, sink);
      return () => {
        sinks.delete(conversationId);
        return sink;
      };
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function reply(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}
