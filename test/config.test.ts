import { ConfigError, loadConfig } from '../src/config';

describe('loadConfig', () => {
  it('applies defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3978);
    expect(config.OPENCART_API_USERNAME).toBe('Default');
    expect(config.OPENCART_URL).toBeUndefined();
  });

  it('treats empty strings as unset', () => {
    expect(loadConfig({ OPENCART_URL: '', PORT: '' }).PORT).toBe(3978);
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ OPENCART_URL: 'not a url', OPENCART_API_KEY: 'k' }, 'OPENCART_URL'],
    [{ OPENCART_URL: 'http://shop.example/' }, 'OPENCART_API_KEY'],
    [{ DEFAULT_LOCALE: 'xx' }, 'DEFAULT_LOCALE'],
  ])('names the bad variable in %j', (env, name) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(name));
  });
});

describe('loadConfig: where the store may be', () => {
  it.each(['https://shop.example/', 'http://127.0.0.1:8030/', 'http://127.5.6.7/', 'http://localhost:8030/', 'http://[::1]:8030/'])(
    'accepts %s',
    (url) => {
      expect(loadConfig({ OPENCART_URL: url, OPENCART_API_KEY: 'k' }).OPENCART_URL).toBe(url);
    },
  );

  it.each(['http://shop.example/', 'http://10.0.0.5/', 'http://localhost.shop.example/', 'http://0.0.0.0:8030/'])(
    'refuses plain http to %s, naming OPENCART_URL',
    (url) => {
      const load = () => loadConfig({ OPENCART_URL: url, OPENCART_API_KEY: 'k' });
      expect(load).toThrow(ConfigError);
      expect(load).toThrow(/OPENCART_URL: must be https/);
    },
  );

  it('names every problem at once', () => {
    const load = () => loadConfig({ OPENCART_URL: 'http://shop.example/', NODE_ENV: 'production' });
    expect(load).toThrow(/OPENCART_URL[\s\S]*OPENCART_API_KEY[\s\S]*MicrosoftAppId/);
  });
});

describe('loadConfig: production needs Bot Framework credentials', () => {
  const credentials = { MicrosoftAppId: '00000000-0000-0000-0000-000000000001', MicrosoftAppPassword: 'secret' };

  it('refuses to start without them, naming the variables and the way out', () => {
    const load = () => loadConfig({ NODE_ENV: 'production' });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(/MicrosoftAppId/);
    expect(load).toThrow(/MicrosoftAppPassword/);
    expect(load).toThrow(/ALLOW_ANONYMOUS=true/);
  });

  it('refuses an app id without its password', () => {
    const load = () => loadConfig({ NODE_ENV: 'production', MicrosoftAppId: credentials.MicrosoftAppId });
    expect(load).toThrow(/MicrosoftAppPassword: required/);
  });

  it.each([
    ['with credentials', { NODE_ENV: 'production', ...credentials }],
    ['with a managed identity', { NODE_ENV: 'production', MicrosoftAppId: 'id', MicrosoftAppType: 'UserAssignedMSI' }],
    ['anonymous when ALLOW_ANONYMOUS=true', { NODE_ENV: 'production', ALLOW_ANONYMOUS: 'true' }],
    ['anonymous outside production', { NODE_ENV: 'development' }],
    ['anonymous without NODE_ENV', {}],
  ])('starts %s', (_name, env) => {
    expect(() => loadConfig(env)).not.toThrow();
  });

  it('does not take ALLOW_ANONYMOUS=false for a yes', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', ALLOW_ANONYMOUS: 'false' })).toThrow(/MicrosoftAppId/);
  });
});
