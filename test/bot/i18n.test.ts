import { createTranslator, loadLocaleResources, SUPPORTED_LOCALES, turnLocale, activityLanguageTag, supportedLocale, languageKnown, type LocaleCarrier } from '../../src/i18n';

const PLURAL_SUFFIXES: Record<string, string[]> = { en: ['one', 'other'], de: ['one', 'other'], ru: ['one', 'few', 'many', 'other'] };

/** "cart.itemCount_one" => "cart.itemCount"; other keys unchanged. */
function flatKeys(tree: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'object' && v !== null ? flatKeys(v as Record<string, unknown>, `${prefix}${k}.`) : [`${prefix}${k}`]));
}
const baseKey = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, '');

describe('locale files', () => {
  const resources = loadLocaleResources();

  it('give every language the same keys', () => {
    const keysOf = (lng: string) => [...new Set(flatKeys(resources[lng].translation).map(baseKey))].sort();
    for (const lng of SUPPORTED_LOCALES) expect(keysOf(lng)).toEqual(keysOf('en'));
  });

  it.each(SUPPORTED_LOCALES)('give %s every plural form its language needs', (lng) => {
    const keys = flatKeys(resources[lng].translation);
    const plurals = new Set(keys.filter((k) => k !== baseKey(k)).map(baseKey));
    for (const key of plurals) for (const suffix of PLURAL_SUFFIXES[lng]) expect(keys).toContain(`${key}_${suffix}`);
  });
});

describe('createTranslator', () => {
  const translator = createTranslator();

  it.each([
    ['en', 1, '1 item'],
    ['en', 5, '5 items'],
    ['ru', 1, '1 товар'],
    ['ru', 3, '3 товара'],
    ['ru', 5, '5 товаров'],
    ['ru', 21, '21 товар'],
    ['de', 2, '2 Artikel'],
  ])('in %s counts %i as "%s"', (lng, count, expected) => {
    expect(translator.t(lng, 'cart.itemCount', { count })).toBe(expected);
  });

  it('falls back to the default language for unknown tags and interpolates values unescaped', () => {
    expect(translator.t('pt-BR', 'order.placed', { orderId: 7 })).toBe('Thank you! Your order number is 7.');
    expect(translator.t('de-AT', 'codes.couponApplied', { code: '<A&B>' })).toBe('Gutschein <A&B> eingelöst.');
  });
});

describe('turn locale', () => {
  it.each([
    ['Web Chat sets activity.locale', { locale: 'de-DE' }, 'de'],
    ['Teams clientInfo entity', { entities: [{ type: 'clientInfo', locale: 'ru-RU' }] }, 'ru'],
    ['Telegram message', { channelData: { message: { from: { language_code: 'ru' } } } }, 'ru'],
    ['Telegram button press', { channelData: { callback_query: { from: { language_code: 'de' } } } }, 'de'],
    ['an unsupported language', { locale: 'fr-FR' }, 'en'],
    ['nothing at all', {}, 'en'],
    ['garbage channelData', { channelData: 'x' }, 'en'],
  ])('%s', (_name, activity, expected) => {
    expect(turnLocale(activity, null, 'en')).toBe(expected);
  });

  it('prefers the language the customer chose over the channel', () => {
    expect(turnLocale({ locale: 'de-DE' }, 'ru', 'en')).toBe('ru');
  });

  it('falls back to the configured default', () => {
    expect(turnLocale({}, null, 'de')).toBe('de');
    expect(activityLanguageTag({ entities: [{ type: 'mention' }] })).toBeUndefined();
    expect(supportedLocale('RU_ru')).toBe('ru');
  });
});

describe("the channel's own language field comes first", () => {
  it.each<[string, LocaleCarrier, string]>([
    ['Teams clientInfo over an en-US activity.locale', { locale: 'en-US', entities: [{ type: 'clientInfo', locale: 'de-DE' }] }, 'de'],
    ['Telegram language_code over activity.locale', { locale: 'en-US', channelData: { message: { from: { language_code: 'ru' } } } }, 'ru'],
    ['activity.locale when clientInfo has none', { locale: 'ru-RU', entities: [{ type: 'clientInfo', platform: 'Web' }] }, 'ru'],
    ['a numeric locale is ignored', { locale: 7 }, 'en'],
    ['a numeric clientInfo locale is ignored', { locale: 'de-DE', entities: [{ type: 'clientInfo', locale: 7 }] }, 'de'],
    ['entities that are not an array', { locale: 'de-DE', entities: { type: 'clientInfo', locale: 'ru' } }, 'de'],
    ['entities that are not objects', { entities: [null, 'x', 3] }, 'en'],
    ['an empty or huge tag', { locale: ' ', channelData: { message: { from: { language_code: 'de'.padEnd(100, 'x') } } } }, 'en'],
  ])('%s', (_name, activity, expected) => {
    expect(turnLocale(activity, null, 'en')).toBe(expected);
  });

  it('knows the language when chosen or carried, not from the default alone', () => {
    expect(languageKnown({}, null)).toBe(false);
    expect(languageKnown({ membersAdded: [] } as LocaleCarrier, undefined)).toBe(false);
    expect(languageKnown({}, 'ru')).toBe(true);
    expect(languageKnown({ entities: [{ type: 'clientInfo', locale: 'de-DE' }] }, null)).toBe(true);
    expect(languageKnown({ locale: 'fr-FR' }, null)).toBe(true);
  });
});

describe('translator start-up', () => {
  it('prints no advertising notice, while a bare i18next instance in the same process would', async () => {
    const info = jest.spyOn(console, 'info').mockImplementation(() => undefined);
    try {
      createTranslator({ defaultLocale: 'de' });
      expect(info).not.toHaveBeenCalled();
      const i18next = (await import('i18next')).default;
      await i18next.createInstance().init({ resources: {}, lng: 'en' });
      expect(info).toHaveBeenCalledWith(expect.stringContaining('i18next'));
    } finally {
      info.mockRestore();
    }
  });

  it.each([
    ['en', 'Sorry, something went wrong on our side'],
    ['ru', 'Извините, у нас что-то пошло не так'],
    ['de', 'Entschuldigung, bei uns ist etwas schiefgelaufen'],
  ])('has the turn-error text the server sends (common.turnFailed) in %s', (lng, start) => {
    expect(createTranslator().t(lng, 'common.turnFailed')).toMatch(new RegExp(`^${start}`));
  });
});
