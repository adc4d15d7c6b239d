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
