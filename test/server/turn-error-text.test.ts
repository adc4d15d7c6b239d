import { translatedTurnErrorText, TURN_ERROR_KEY } from '../../src/server';

describe('translated turn-error text', () => {
  it('uses the translation in the customer language', () => {
    const text = translatedTurnErrorText({ t: (locale, key) => `${locale}:${key}` });
    expect(text('de')).toBe(`de:${TURN_ERROR_KEY}`);
  });

  it('falls back to a readable text when the key is missing (i18next answers the key)', () => {
    const text = translatedTurnErrorText({ t: (_locale, key) => key });
    expect(text('ru')).not.toBe(TURN_ERROR_KEY);
    expect(text('ru').length).toBeGreaterThan(10);
  });
});
