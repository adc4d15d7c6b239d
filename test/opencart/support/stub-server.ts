import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StubRequest {
  method: string;
  route: string;
  query: URLSearchParams;
  form: [string, string][];
  cookie: string | undefined;
  startedAt: number;
  endedAt: number;
}

export interface StubAnswer {
  status?: number;
  contentType?: string;
  body: string;
  setCookie?: string[];
  /** Wait this long before answering (real time, loopback only). */
  delayMs?: number;
}

/** 'reset' destroys the socket without answering; 'hang' never answers. */
export type StubReply = StubAnswer | 'reset' | 'hang';

export interface StubServer {
  baseUrl: string;
  requests: StubRequest[];
  close(): Promise<void>;
}

/** A loopback HTTP server on port 0 whose answers the test scripts; it records every request with timings. */
export async function startStubServer(reply: (req: StubRequest) => StubReply | Promise<StubReply>): Promise<StubServer> {
  const requests: StubRequest[] = [];
  const sockets = new Set<import('node:net').Socket>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const record: StubRequest = {
        method: req.method ?? 'GET',
        route: url.searchParams.get('route') ?? '',
        query: url.searchParams,
        form: [...new URLSearchParams(Buffer.concat(chunks).toString('utf8'))],
        cookie: req.headers.cookie,
        startedAt: performance.now(),
        endedAt: Number.NaN,
      };
      requests.push(record);
      void Promise.resolve(reply(record)).then(async (answer) => {
        if (answer === 'hang') return;
        if (answer === 'reset') {
          req.socket.destroy();
          return;
        }
        if (answer.delayMs) await new Promise((r) => setTimeout(r, answer.delayMs));
        record.endedAt = performance.now();
        res.statusCode = answer.status ?? 200;
        res.setHeader('Content-Type', answer.contentType ?? 'application/json');
        if (answer.setCookie) res.setHeader('Set-Cookie', answer.setCookie);
        res.end(answer.body);
      });
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

export const json = (value: unknown): StubAnswer => ({ body: JSON.stringify(value) });
