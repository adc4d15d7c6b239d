import { ConfigError, loadConfig } from '../../src/config';

const SECRET = 'DL-secret.abcdefghijklmnopqrstuvwxyz0123456789';

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}

describe('start-up configuration of the Web Chat token endpoint', () => {
  it('refuses a Direct Line secret without the shop\'s origins, naming the variable but not the secret', () => {
    const found = problems({ DIRECT_LINE_SECRET: SECRET });
    expect(found).toEqual([expect.stringContaining('WEBCHAT_ALLOWED_ORIGINS: required')]);
    expect(found.join('\n')).not.toContain(SECRET);
  });

  it('refuses an origin written with a path', () => {
    const found = problems({ DIRECT_LINE_SECRET: SECRET, WEBCHAT_ALLOWED_ORIGINS: 'https://shop.example.com/' });
    expect(found).toEqual([expect.stringContaining('write it as https://shop.example.com')]);
  });

  it('reads DIRECT_LINE_URL and TRUST_PROXY', () => {
    const config = loadConfig({
      DIRECT_LINE_SECRET: SECRET,
      WEBCHAT_ALLOWED_ORIGINS: 'https://shop.example.com',
      DIRECT_LINE_URL: 'https://europe.directline.botframework.com',
      TRUST_PROXY: 'true',
    });
    expect([config.DIRECT_LINE_URL, config.TRUST_PROXY]).toEqual(['https://europe.directline.botframework.com', true]);
    expect(loadConfig({}).TRUST_PROXY).toBe(false);
  });

  it('refuses Direct Line over plain http away from loopback', () => {
    expect(problems({ DIRECT_LINE_URL: 'http://directline.example.com' })).toEqual([
      'DIRECT_LINE_URL: must be an https URL',
    ]);
  });
});
