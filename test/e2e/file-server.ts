import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** What a path answers: bytes (with or without Content-Length), a redirect, an error status, or nothing at all. */
export type Served =
  | { bytes: Buffer; type?: string; chunked?: boolean }
  | { redirect: string }
  | { status: number }
  | { hang: true };

/**
 * A loopback server standing in for the channel's attachment storage (Direct Line, Teams, Telegram): the bot
 * downloads attachments from it by contentUrl. It notes each request's path and Authorization header.
 */
export async function startFileServer() {
  const files = new Map<string, Served>();
  const requests: { path: string; authorization: string | undefined }[] = [];
  const server = http.createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    requests.push({ path, authorization: req.headers.authorization });
    const served = files.get(path) ?? { status: 404 };
    if ('hang' in served) return;
    if ('redirect' in served) {
      res.writeHead(302, { location: served.redirect });
      return res.end();
    }
    if ('status' in served) {
      res.writeHead(served.status, { 'content-type': 'text/plain' });
      return res.end('no');
    }
    const headers: Record<string, string> = { 'content-type': served.type ?? 'application/octet-stream' };
    if (!served.chunked) headers['content-length'] = String(served.bytes.length);
    res.writeHead(200, headers);
    // In pieces, so a size limit has to act while the bytes stream in.
    for (let at = 0; at < served.bytes.length; at += 64 * 1024) res.write(served.bytes.subarray(at, at + 64 * 1024));
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    requests,
    /** Serves `served` at `path` and returns its URL. */
    serve(path: string, served: Served): string {
      files.set(path, served);
      return `${base}${path}`;
    },
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
export type FileServer = Awaited<ReturnType<typeof startFileServer>>;

/** A 1x1 PNG, as in 29-tool-upload.json. */
export const PNG_1X1 = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108020000009077' +
    '53de0000000c4944415478da63f8cfc000000301010018dd8db00000000049454e44ae426082',
  'hex',
);
