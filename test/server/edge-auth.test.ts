import { randomBytes } from 'node:crypto';
import net from 'node:net';
import { isLoopbackHostname } from '../../src/server';
import { JSON_HEADERS, messageActivity, startEdgeFixture, type EdgeFixture } from './edge-fixture';

const APP_ID = '00000000-0000-0000-0000-000000000001';
const OTHER_APP_ID = '00000000-0000-0000-0000-000000000002';

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A well-formed compact JWT with a random signature: it parses, but nobody we trust issued it. */
function forgedJwt(claims: Record<string, unknown>): string {
  const header = { alg: 'RS256', typ: 'JWT', kid: 'forged-key' };
  const exp = Math.floor(Date.now() / 1000) + 3600;
  return [base64url(header), base64url({ exp, nbf: exp - 7200, ...claims }), randomBytes(256).toString('base64url')].join('.');
}

/**
 * With an app id, botframework-connector checks a token's issuer before it fetches any signing keys, so a
 * token from an unknown issuer is refused without network. A token naming a trusted issuer (the Bot
 * Framework's or the Emulator's) would make it fetch OpenID metadata from login.botframework.com or
 * login.microsoftonline.com: edge-auth-signed.test.ts checks those against signing keys served on loopback.
 */
describe('with MicrosoftAppId set, unsigned and forged requests get 401', () => {
  let edge: EdgeFixture;
  const outbound: string[] = [];
  let connectSpy: jest.SpyInstance;
  let consoleSpy: jest.SpyInstance;

  beforeAll(async () => {
    edge = await startEdgeFixture({}, { MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'not-used', MicrosoftAppType: 'MultiTenant' });
    const connect = net.Socket.prototype.connect;
    connectSpy = jest.spyOn(net.Socket.prototype, 'connect').mockImplementation(function (this: net.Socket, ...args: unknown[]) {
      outbound.push(connectHost(args));
      return Reflect.apply(connect, this, args);
    });
    // The SDK prints each refused token with console.error.
    consoleSpy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  });

  afterAll(async () => {
    connectSpy.mockRestore();
    consoleSpy.mockRestore();
    await edge.close();
  });

  const serviceUrl = 'https://smba.trafficmanager.net/emea/';

  it.each<[string, string | undefined]>([
    ['no Authorization header', undefined],
    ['an empty bearer', 'Bearer '],
    ['a bearer that is not a JWT', 'Bearer not-a-jwt'],
    ['basic credentials', 'Basic dXNlcjpwYXNz'],
    ['a JWT without its scheme', forgedJwt({ iss: 'https://api.botframework.com', aud: APP_ID })],
    ['three base64url parts that decode to nothing', 'Bearer aaaa.bbbb.cccc'],
    ['a JWT from an unknown issuer', `Bearer ${forgedJwt({ iss: 'https://attacker.example/', aud: APP_ID, serviceUrl })}`],
    ['a JWT with no issuer', `Bearer ${forgedJwt({ aud: APP_ID, serviceUrl })}`],
    ['an alg:none JWT from an unknown issuer', `Bearer ${base64url({ alg: 'none' })}.${base64url({ iss: 'x', aud: APP_ID })}.`],
    [
      'a skill-shaped JWT from an unknown issuer',
      `Bearer ${forgedJwt({ iss: 'https://attacker.example/', ver: '1.0', aud: APP_ID, appid: OTHER_APP_ID })}`,
    ],
  ])('%s: 401, no turn, nothing sent, no outbound connection', async (_name, authorization) => {
    const turns = edge.turns();
    const received = edge.connector.received.length;
    const outboundBefore = outbound.length;
    const headers: Record<string, string> = { ...JSON_HEADERS, ...(authorization === undefined ? {} : { authorization }) };
    const response = await fetch(edge.server.messagesUrl, {
      method: 'POST',
      headers,
      body: JSON.stringify(messageActivity(serviceUrl)),
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: 'unauthorized' });
    expect(edge.turns()).toBe(turns);
    expect(edge.connector.received.length).toBe(received);
    expect(outbound.slice(outboundBefore).filter((host) => !isLoopbackHostname(host))).toEqual([]);
  });

  it('keeps the token out of the log', async () => {
    const token = forgedJwt({ iss: 'https://attacker.example/', aud: APP_ID });
    const before = edge.logLines.length;
    const response = await fetch(edge.server.messagesUrl, {
      method: 'POST',
      headers: { ...JSON_HEADERS, authorization: `Bearer ${token}` },
      body: JSON.stringify(messageActivity(serviceUrl)),
    });
    expect(response.status).toBe(401);
    const logged = edge.logLines.slice(before).join('\n') + consoleSpy.mock.calls.flat().map(String).join('\n');
    expect(logged).not.toContain(token.split('.')[1]);
  });

  it('does not keep a loopback service URL from needing a token', async () => {
    const response = await fetch(edge.server.messagesUrl, {
      method: 'POST',
      headers: JSON_HEADERS,
      body: JSON.stringify(messageActivity(edge.connector.serviceUrl)),
    });
    expect(response.status).toBe(401);
    expect(edge.turns()).toBe(0);
  });

  it("sees this test's own loopback connections, so the outbound check above can fail", () => {
    expect(outbound).toContain('127.0.0.1');
  });
});

/** The host a Socket#connect call names, whichever of its call forms was used. */
function connectHost(args: unknown[]): string {
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  if (typeof first === 'object' && first !== null && 'host' in first) return String(first.host ?? 'localhost');
  if (typeof first === 'object' && first !== null && 'path' in first) return 'localhost';
  return typeof args[1] === 'string' ? args[1] : 'localhost';
}
