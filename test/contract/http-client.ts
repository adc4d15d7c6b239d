import { request } from 'node:http';

export interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export interface RawRequest {
  method: string;
  url: string;
  body?: string | Buffer;
  contentType?: string;
  cookie?: string;
  localAddress?: string;
}

/** One request on its own connection (like the recorder), optionally from another loopback source address. */
export function send(req: RawRequest): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { connection: 'close', 'user-agent': 'contract-replay/1.0' };
    if (req.contentType) headers['content-type'] = req.contentType;
    if (req.cookie) headers.cookie = req.cookie;
    if (req.body !== undefined) headers['content-length'] = String(Buffer.byteLength(req.body));
    const r = request(req.url, { method: req.method, headers, localAddress: req.localAddress, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    r.on('error', reject);
    if (req.body !== undefined) r.write(req.body);
    r.end();
  });
}
