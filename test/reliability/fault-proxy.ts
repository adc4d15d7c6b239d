import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the proxy does to one request instead of passing it on untouched. */
export type FaultKind =
  | 'timeout' // held unanswered until the client gives up (never sent to the store)
  | 'reset' // connection destroyed before the store saw the request
  | 'http500' // HTTP 500, never sent to the store
  | 'htmlPage' // HTTP 200 with an HTML error page, never sent to the store
  | 'truncated' // sent to the store, its answer cut in half
  | 'lostAnswer'; // sent to the store, which acted on it; the answer never comes (client times out)

export const FAULT_KINDS: readonly FaultKind[] = ['timeout', 'reset', 'http500', 'htmlPage', 'truncated', 'lostAnswer'];

/** mulberry32: a small deterministic PRNG, so a seed gives the same faults on every run (no clock involved). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface FaultProxy {
  url: string;
  /** Faults injected so far, by kind; and on order/add alone. */
  injected: Record<FaultKind, number>;
  onOrderAdd: Record<FaultKind, number>;
  /** Requests seen (API and storefront). */
  requests: number;
  /** Fault rate for each request (0 turns faults off); order/add gets its own rate. */
  rate: number;
  orderAddRate: number;
  /** Kinds drawn from; order/add's all come after the store took the order (the case that must never order twice). */
  kinds: FaultKind[];
  orderAddKinds: FaultKind[];
  /** Routes never broken (cases left out while a known bug stands). */
  spared: (route: string | null, kind: FaultKind) => boolean;
  /** Called as each request arrives, with its route (e.g. to kill the bot mid-turn). */
  onRequest: (route: string | null) => void;
  close(): Promise<void>;
}

const HTML_ERROR = '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1><p>nginx</p></body></html>';

/** A proxy in front of the demo store that breaks a seeded share of the requests, API and storefront alike. */
export async function startFaultProxy(target: string, seed: number): Promise<FaultProxy> {
  const upstream = new URL(target);
  const random = seededRandom(seed);
  const zero = () => Object.fromEntries(FAULT_KINDS.map((kind) => [kind, 0])) as Record<FaultKind, number>;
  const proxy = { injected: zero(), onOrderAdd: zero(), requests: 0, rate: 0, orderAddRate: 0, kinds: [...FAULT_KINDS], orderAddKinds: ['truncated', 'lostAnswer'] as FaultKind[], onRequest: (_route: string | null) => {}, spared: (_route: string | null, _kind: FaultKind) => false };
  const held = new Set<http.ServerResponse>();

  const pick = (isOrderAdd: boolean): FaultKind | null => {
    if (random() >= (isOrderAdd ? proxy.orderAddRate : proxy.rate)) return null;
    const kinds = isOrderAdd ? proxy.orderAddKinds : proxy.kinds;
    return kinds[Math.floor(random() * kinds.length)];
  };

  const server = http.createServer((req, res) => {
    proxy.requests++;
    const url = new URL(req.url ?? '/', upstream);
    proxy.onRequest(url.searchParams.get('route'));
    const isOrderAdd = url.searchParams.get('route') === 'api/order/add';
    const picked = pick(isOrderAdd);
    const fault = picked && proxy.spared(url.searchParams.get('route'), picked) ? null : picked;
    if (fault) {
      proxy.injected[fault]++;
      if (isOrderAdd) proxy.onOrderAdd[fault]++;
    }
    if (fault === 'timeout') return hold(res);
    if (fault === 'reset') return void req.socket.destroy();
    if (fault === 'http500') return void res.writeHead(500, { 'content-type': 'text/plain' }).end('Internal Server Error');
    if (fault === 'htmlPage') return void res.writeHead(200, { 'content-type': 'text/html' }).end(HTML_ERROR);
    const forward = http.request(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: `${url.pathname}${url.search}`, headers: { ...req.headers, host: upstream.host } },
      (answer) => {
        const chunks: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => chunks.push(chunk));
        answer.on('end', () => {
          if (fault === 'lostAnswer') return hold(res);
          const body = Buffer.concat(chunks);
          const headers = { ...answer.headers };
          delete headers['content-length'];
          delete headers['transfer-encoding'];
          res.writeHead(answer.statusCode ?? 502, headers);
          res.end(fault === 'truncated' ? body.subarray(0, Math.floor(body.length / 2)) : body);
        });
      },
    );
    forward.on('error', () => res.destroy());
    req.pipe(forward);
  });

  /** Never answers; the socket goes when the client gives up (or at close). */
  function hold(res: http.ServerResponse): void {
    held.add(res);
    res.once('close', () => held.delete(res));
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(proxy, {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of held) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}
