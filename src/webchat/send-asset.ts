import type { IncomingMessage, ServerResponse } from 'node:http';
import type { StaticAsset } from './bundle';

export const IMMUTABLE = 'public, max-age=31536000, immutable';

/** True unless the client refuses gzip (`gzip;q=0`) or does not name it. */
export function acceptsGzip(header: string | string[] | undefined): boolean {
  const value = [header ?? ''].flat().join(',').slice(0, 500).toLowerCase();
  return value.split(',').some((part) => {
    const [coding, ...params] = part.split(';').map((p) => p.trim());
    if (coding !== 'gzip' && coding !== '*') return false;
    return !params.some((p) => /^q=0(?:\.0{0,3})?$/.test(p));
  });
}

function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header || header.length > 1000) return false;
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag || tag.trim() === '*');
}

/** Answers with the gzipped copy when the client takes it, 304 when its copy is current; HEAD gets no body. */
export function sendAsset(req: IncomingMessage, res: ServerResponse, asset: StaticAsset, cacheControl: string): void {
  res.setHeader('etag', asset.etag);
  res.setHeader('cache-control', cacheControl);
  res.setHeader('vary', 'Accept-Encoding');
  res.setHeader('x-content-type-options', 'nosniff');
  if (matchesEtag(req.headers['if-none-match'], asset.etag)) {
    res.statusCode = 304;
    res.end();
    return;
  }
  const gzipped = acceptsGzip(req.headers['accept-encoding']);
  const body = gzipped ? asset.gzipped : asset.raw;
  res.statusCode = 200;
  res.setHeader('content-type', asset.contentType);
  if (gzipped) res.setHeader('content-encoding', 'gzip');
  res.setHeader('content-length', body.length);
  res.end(req.method === 'HEAD' ? undefined : body);
}
