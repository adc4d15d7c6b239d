import { statusLabel, DEFAULT_ORDER_STATUSES } from '../../src/domain/aftersales/status-names';
import { createTranslator, SUPPORTED_LOCALES } from '../../src/i18n';

describe('statusLabel', () => {
  const translator = createTranslator();
  const tIn = (lng: string) => (key: string, vars?: Record<string, unknown>) => translator.t(lng, key, vars);

  it('translates the fourteen default OpenCart 3.0 statuses in every language', () => {
    for (const lng of SUPPORTED_LOCALES) {
      for (const id of Object.keys(DEFAULT_ORDER_STATUSES).map(Number)) {
        const label = statusLabel(id, tIn(lng));
        expect(label.key).toBe(`aftersales.status.${DEFAULT_ORDER_STATUSES[id]!.key}`);
        expect(label.text).not.toContain('aftersales.');
      }
    }
    expect(statusLabel(3, tIn('de'), 'Shipped').text).toBe('versandt');
    expect(statusLabel(3, tIn('ru'), ' shipped ').text).toBe('отправлен');
    expect(statusLabel(1, tIn('en')).text).toBe('pending');
  });

  it("uses the store's name for a renamed or added status, and a neutral text without a name", () => {
    expect(statusLabel(3, tIn('en'), 'On its way')).toEqual({ key: 'aftersales.status.named', vars: { name: 'On its way' }, text: 'On its way' });
    expect(statusLabel(17, undefined, 'Awaiting pickup')).toEqual({ key: 'aftersales.status.named', vars: { name: 'Awaiting pickup' } });
    expect(statusLabel(17, tIn('de'), '')).toEqual({ key: 'aftersales.status.unknown', text: 'in Bearbeitung' });
    expect(statusLabel(17, undefined, 'x'.repeat(500)).vars?.name).toHaveLength(32);
  });
});
