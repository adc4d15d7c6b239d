import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';

/** A static file kept in memory, gzipped, with the ETag of its content. */
export interface StaticAsset {
  contentType: string;
  raw: Buffer;
  gzipped: Buffer;
  etag: string;
}

export interface WebChatBundle {
  version: string;
  /** Versioned, so it can be cached for a year. */
  path: string;
  asset: Promise<StaticAsset>;
}

const gzipAsync = promisify(gzip);

/**
 * The package's `exports` hide `dist/`, so the browser bundle is found from its main entry (lib/index.js),
 * one folder up; never a CDN.
 */
export function webChatBundlePath(): string {
  return join(dirname(require.resolve('botframework-webchat')), '..', 'dist', 'webchat.js');
}

function webChatVersion(): string {
  const manifest: unknown = JSON.parse(readFileSync(join(dirname(webChatBundlePath()), '..', 'package.json'), 'utf8'));
  const version = typeof manifest === 'object' && manifest !== null ? (manifest as Record<string, unknown>).version : undefined;
  return typeof version === 'string' && /^[\w.-]{1,40}$/.test(version) ? version : 'current';
}

export async function staticAsset(contentType: string, raw: Buffer): Promise<StaticAsset> {
  const gzipped = await gzipAsync(raw, { level: 9 });
  const etag = `"${createHash('sha256').update(raw).digest('base64url').slice(0, 27)}"`;
  return { contentType, raw, gzipped, etag };
}

let bundle: WebChatBundle | undefined;

/** Read and compressed once per process (3.9 MB raw, 0.95 MB gzipped), off the event loop, when first asked. */
export function webChatBundle(): WebChatBundle {
  if (!bundle) {
    const version = webChatVersion();
    const asset = staticAsset('application/javascript; charset=utf-8', readFileSync(webChatBundlePath()));
    // A failed read shows on the bundle's route, not as an unhandled rejection at start.
    asset.catch(() => undefined);
    bundle = { version, path: `/webchat/${version}/webchat.js`, asset };
  }
  return bundle;
}
