import { loadCheckoutState, loadFlowState, loadProfile } from '../../dialogs';
import { isShopUnreachable } from '../../src/bot';
import { StorefrontHttpError, StorefrontTransportError } from '../../src/catalog';
import { OpenCartConnectionError, OpenCartTimeoutError } from '../../src/opencart/errors';

describe('state loaded from storage', () => {
  it.each([
    ['nothing', undefined],
    ['garbage', 'x'],
    ['an older shape', { draft: { lines: [{ productId: 'forty' }] }, session: { token: 5 } }],
  ])('starts fresh from %s instead of failing', (_name, stored) => {
    const state = loadCheckoutState(stored);
    expect(state.draft.lines).toEqual([]);
    expect(state.session).toBeNull();
    expect(loadFlowState(stored).redo).toEqual([]);
    expect(loadProfile(stored).consent).toBe(false);
  });

  it('keeps a valid draft and session, and survives a JSON round trip', () => {
    const stored = {
      draft: { lines: [{ lineId: 'L1', productId: 40, name: 'iPhone', quantity: 2 }], currency: 'EUR' },
      session: { token: 't', cookies: { cookies: [] }, loggedInAt: 1, lastUsedAt: 2 },
    };
    const state = loadCheckoutState(JSON.parse(JSON.stringify(stored)));
    expect(state.draft.lines[0]).toMatchObject({ productId: 40, quantity: 2, minimum: 1 });
    expect(state.draft.currency).toBe('EUR');
    expect(state.session).toEqual(stored.session);
    expect(loadCheckoutState(JSON.parse(JSON.stringify(state)))).toEqual(state);
  });

  it('loads an address without a region (zone 0), and an older one with a region as before', () => {
    const address = { firstname: 'Jane', lastname: 'Doe', address1: 'Rue 1', city: 'Monaco', countryId: 141, countryName: 'Monaco', zoneName: '' };
    const noZone = loadCheckoutState({ draft: { paymentAddress: { ...address, zoneId: 0 } } });
    expect(noZone.draft.paymentAddress).toMatchObject({ countryId: 141, zoneId: 0, zoneName: '' });
    const withZone = loadCheckoutState({ draft: { paymentAddress: { ...address, zoneId: 1256, zoneName: 'Berlin' } } });
    expect(withZone.draft.paymentAddress).toMatchObject({ zoneId: 1256, zoneName: 'Berlin' });
    expect(loadCheckoutState({ draft: { paymentAddress: { ...address, zoneId: -1 } } }).draft.paymentAddress).toBeNull();
  });
});

describe('isShopUnreachable', () => {
  it.each([
    [new OpenCartConnectionError('cart/add', 'ECONNREFUSED'), true],
    [new OpenCartTimeoutError('order/add', 1000), true],
    [new StorefrontTransportError('http://shop/', 'ECONNRESET'), true],
    [new StorefrontHttpError('http://shop/', 503), true],
    [new StorefrontHttpError('http://shop/', 404), false],
    [Object.assign(new Error('wrapped'), { error: new OpenCartConnectionError('x', 'ECONNRESET') }), true],
    [Object.assign(new Error('socket'), { code: 'ECONNRESET' }), true],
    [new TypeError('a bug'), false],
    ['a string', false],
  ])('%s => %s', (error, expected) => {
    expect(isShopUnreachable(error)).toBe(expected);
  });
});
