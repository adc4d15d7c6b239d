import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { JSON_HEADERS, messageActivity, startEdgeFixture, type EdgeFixture } from './edge-fixture';

const APP_ID = '00000000-0000-0000-0000-000000000001';
const ISSUER = 'https://api.botframework.com';
const KID = 'loopback-key';
const SERVICE_URL = 'https://smba.trafficmanager.net/emea/';

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

function signedJwt(key: KeyObject, claims: Record<string, unknown>): string {
  const now = Math.floor(Date.now() / 1000);
  const head = `${base64url({ alg: 'RS256', typ: 'JWT', kid: KID })}.${base64url({ iat: now, nbf: now - 60, exp: now + 3600, ...claims })}`;
  return `${head}.${sign('sha256', Buffer.from(head), key).toString('base64url')}`;
}

/** The channel's OpenID metadata and signing keys, served on loopback in place of login.botframework.com. */
async function startKeyServer(jwk: Record<string, unknown>, mode: () => 'ok' | 'fail' | 'hang') {
  const server = http.createServer((req, res) => {
    const current = mode();
    if (current === 'hang') return;
    if (current === 'fail') {
      res.statusCode = 500;
      res.end();
      return;
    }
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const body = req.url?.startsWith('/keys') ? { keys: [{ ...jwk, kid: KID, use: 'sig' }] } : { issuer: ISSUER, jwks_uri: `${base}/keys` };
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    metadataUrl: (path: string) => `http://127.0.0.1:${port}${path}`,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(resolve));
    },
  };
}

/**
 * Tokens signed for real, checked against keys on loopback: the SDK's whole validation runs, without network.
 * A genuine token runs the turn; a wrong key, audience, issuer, service URL or an expired token gets 401;
 * keys that cannot be had get 503 within the configured bound.
 */
describe('with MicrosoftAppId set, signed tokens are checked in full', () => {
  const channelKey = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const otherKey = generateKeyPairSync('rsa', { modulusLength: 2048 });
  let keyMode: 'ok' | 'fail' | 'hang' = 'ok';
  let keys: Awaited<ReturnType<typeof startKeyServer>>;
  let consoleSpy: jest.SpyInstance;

  beforeAll(async () => {
    keys = await startKeyServer(channelKey.publicKey.export({ format: 'jwk' }), () => keyMode);
    consoleSpy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  });

  afterAll(async () => {
    consoleSpy.mockRestore();
    await keys.close();
  });

  /** Each fixture reads its own metadata URL: the SDK caches keys per URL for the whole process. */
  async function edgeWithKeys(path: string): Promise<EdgeFixture> {
    return startEdgeFixture(
      {},
      { MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'not-used', MicrosoftAppType: 'MultiTenant' },
      {
        authEndpoints: { ToBotFromChannelOpenIdMetadataUrl: keys.metadataUrl(path), ToBotFromChannelTokenIssuer: ISSUER },
        authTimeoutMs: 1000,
        reply: false,
      },
    );
  }

  const genuine = { iss: ISSUER, aud: APP_ID, serviceurl: SERVICE_URL };

  async function send(edge: EdgeFixture, token: string): Promise<Response> {
    return fetch(edge.server.messagesUrl, {
      method: 'POST',
      headers: { ...JSON_HEADERS, authorization: `Bearer ${token}` },
      body: JSON.stringify(messageActivity(SERVICE_URL, { channelId: 'msteams' })),
    });
  }

  it.each<[string, () => string, number]>([
    ['a genuine token runs the turn', () => signedJwt(channelKey.privateKey, genuine), 200],
    ['a token signed with another key', () => signedJwt(otherKey.privateKey, genuine), 401],
    ['a token for another bot', () => signedJwt(channelKey.privateKey, { ...genuine, aud: 'another-app' }), 401],
    ['a token for another service URL', () => signedJwt(channelKey.privateKey, { ...genuine, serviceurl: 'https://x.example/' }), 401],
    ['an expired token', () => signedJwt(channelKey.privateKey, { ...genuine, exp: Math.floor(Date.now() / 1000) - 3600 }), 401],
  ])('%s', async (name, token, status) => {
    keyMode = 'ok';
    const edge = await edgeWithKeys(`/${encodeURIComponent(name)}/metadata`);
    try {
      const response = await send(edge, token());
      expect(response.status).toBe(status);
      expect(edge.turns()).toBe(status === 200 ? 1 : 0);
      if (status !== 200) expect(await response.json()).toEqual({ error: 'unauthorized' });
    } finally {
      await edge.close();
    }
  });

  it.each(['fail', 'hang'] as const)('answers 503 when the signing keys %s, and runs no turn', async (mode) => {
    keyMode = mode;
    const edge = await edgeWithKeys(`/keys-${mode}/metadata`);
    try {
      const response = await send(edge, signedJwt(channelKey.privateKey, genuine));
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ error: 'authentication-unavailable' });
      expect(edge.turns()).toBe(0);
    } finally {
      keyMode = 'ok';
      await edge.close();
    }
  });
});
