import type { IncomingMessage } from 'node:http';
import {
  DEFAULT_DIRECT_LINE_URL,
  clientRateKey,
  webchatTokenConfigProblems,
  webchatTokenSettings,
} from '../../src/server/webchat-token';

const SECRET = 'DL-secret.abcdefghijklmnopqrstuvwxyz0123456789';

describe('webchatTokenConfigProblems', () => {
  it('has nothing to say when the endpoint is not configured', () => {
    expect(webchatTokenConfigProblems({})).toEqual([]);
    expect(webchatTokenSettings({})).toBeUndefined();
  });

  it("reads the secret, the shop's origins and Direct Line's default URL", () => {
    const env = { DIRECT_LINE_SECRET: SECRET, WEBCHAT_ALLOWED_ORIGINS: ' https://shop.example.com ,https://b.example:8443' };
    expect(webchatTokenConfigProblems(env)).toEqual([]);
    expect(webchatTokenSettings(env)).toEqual({
      secret: SECRET,
      allowedOrigins: ['https://shop.example.com', 'https://b.example:8443'],
      directLineUrl: DEFAULT_DIRECT_LINE_URL,
      trustProxy: false,
    });
  });

  it.each<[string, Record<string, string>, string]>([
    ['origins missing', { DIRECT_LINE_SECRET: SECRET }, 'WEBCHAT_ALLOWED_ORIGINS: required'],
    ['an origin with a path', { WEBCHAT_ALLOWED_ORIGINS: 'https://shop.example.com/' }, 'write it as https://shop.example.com'],
    ['an origin in capitals', { WEBCHAT_ALLOWED_ORIGINS: 'https://Shop.example.com' }, 'not an origin'],
    ['an origin that is no URL', { WEBCHAT_ALLOWED_ORIGINS: 'shop.example.com' }, 'is not a URL'],
    ['an ftp origin', { WEBCHAT_ALLOWED_ORIGINS: 'ftp://shop.example.com' }, 'not http(s)'],
    ['a secret with spaces', { DIRECT_LINE_SECRET: 'my secret is long enough here', WEBCHAT_ALLOWED_ORIGINS: 'https://a.example' }, 'DIRECT_LINE_SECRET'],
    ['a short secret', { DIRECT_LINE_SECRET: 'short', WEBCHAT_ALLOWED_ORIGINS: 'https://a.example' }, 'DIRECT_LINE_SECRET'],
    ['Direct Line over plain http', { DIRECT_LINE_URL: 'http://directline.botframework.com' }, 'DIRECT_LINE_URL: must be an https URL'],
    ['Direct Line with a query', { DIRECT_LINE_URL: 'https://directline.botframework.com/?x=1' }, 'DIRECT_LINE_URL: no query'],
  ])('names the variable for %s', (_case, env, problem) => {
    const withSecret = { DIRECT_LINE_SECRET: SECRET, ...env };
    const problems = webchatTokenConfigProblems(_case === 'origins missing' ? env : withSecret);
    expect(problems.join('\n')).toContain(problem);
    expect(problems.join('\n')).not.toContain(SECRET);
  });

  it('refuses more than 20 origins', () => {
    const origins = Array.from({ length: 21 }, (_, i) => `https://shop${i}.example`).join(',');
    expect(webchatTokenConfigProblems({ DIRECT_LINE_SECRET: SECRET, WEBCHAT_ALLOWED_ORIGINS: origins })).toEqual([
      'WEBCHAT_ALLOWED_ORIGINS: at most 20 origins',
    ]);
  });

  it('takes plain http for Direct Line on loopback only (a test double), trailing slashes dropped', () => {
    const env = { DIRECT_LINE_SECRET: SECRET, WEBCHAT_ALLOWED_ORIGINS: 'https://a.example', DIRECT_LINE_URL: 'http://127.0.0.1:9/' };
    expect(webchatTokenSettings(env)?.directLineUrl).toBe('http://127.0.0.1:9');
  });

  it('throws with every problem when asked for settings from bad values', () => {
    expect(() => webchatTokenSettings({ DIRECT_LINE_SECRET: SECRET })).toThrow(/WEBCHAT_ALLOWED_ORIGINS/);
  });
});

describe('clientRateKey', () => {
  function request(remoteAddress: string, forwardedFor?: string): IncomingMessage {
    const headers = forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor };
    return { headers, socket: { remoteAddress } } as unknown as IncomingMessage;
  }

  it.each<[string, string, string | undefined, boolean, string]>([
    ['the peer address', '198.51.100.4', undefined, false, '198.51.100.4'],
    ['an IPv4-mapped peer as IPv4', '::ffff:198.51.100.4', undefined, false, '198.51.100.4'],
    ['an IPv6 peer by its /64', '2001:db8:1:2:aaaa::1', undefined, false, '2001:db8:1:2::/64'],
    ['a compressed IPv6 peer by its /64', '2001:db8::7', undefined, false, '2001:db8:0:0::/64'],
    ['the peer when no proxy is trusted', '10.0.0.2', '203.0.113.7', false, '10.0.0.2'],
    ["the proxy's last entry, port dropped", '10.0.0.2', '1.1.1.1, 203.0.113.7:50123', true, '203.0.113.7'],
    ['a bracketed IPv6 entry', '10.0.0.2', '[2001:db8:5:6::9]:443', true, '2001:db8:5:6::/64'],
    ['the peer when the last entry is junk', '10.0.0.2', '203.0.113.7, junk', true, '10.0.0.2'],
    ['the peer when the header is huge', '10.0.0.2', `${'1.1.1.1,'.repeat(400)}203.0.113.7`, true, '10.0.0.2'],
  ])('counts %s', (_case, peer, forwardedFor, trustProxy, key) => {
    expect(clientRateKey(request(peer, forwardedFor), trustProxy)).toBe(key);
  });
});
