import {
  IDENTITY_MAX_SKEW_MS,
  canonicalIdentityText,
  signShopIdentity,
  verifyShopIdentity,
  type ShopCustomer,
} from '../../src/shop-identity';

const SECRET = 'a-shared-secret-of-at-least-32-characters';
const NOW_MS = Date.UTC(2026, 0, 15, 10, 0, 0);
const NOW_S = NOW_MS / 1000;
const customer: ShopCustomer = { customerId: 42, firstName: 'Zoë', lastName: "O'Brien", email: 'zoe@example.com', telephone: '+44 20 7946 0958' };

function signed(overrides: Partial<ShopCustomer> = {}, ts = NOW_S, secret = SECRET) {
  const who = { ...customer, ...overrides };
  return { v: 2, ...who, ts, sig: signShopIdentity(who, ts, secret) };
}

describe('canonicalIdentityText', () => {
  it('is the scheme, id, names, email, telephone and time joined by line breaks', () => {
    expect(canonicalIdentityText(customer, 1768471200)).toBe(
      "opencart-order-bot/identity/v2\n42\nZoë\nO'Brien\nzoe@example.com\n+44 20 7946 0958\n1768471200",
    );
    expect(canonicalIdentityText({ ...customer, telephone: '' }, 1768471200)).toBe(
      "opencart-order-bot/identity/v2\n42\nZoë\nO'Brien\nzoe@example.com\n\n1768471200",
    );
  });

  it('signs with HMAC-SHA256 in lowercase hex (a known vector)', () => {
    // Computed independently with `openssl dgst -sha256 -hmac` and PHP's hash_hmac over the text above.
    expect(signShopIdentity(customer, 1768471200, SECRET)).toBe(
      'ad09bd7876f14f932ced3fc8b040e8ed05b282dbdbd7eeca9fe1d0fbd45471fe',
    );
  });
});

describe('verifyShopIdentity', () => {
  it('accepts a valid, fresh signature and returns the customer', () => {
    expect(verifyShopIdentity(signed(), SECRET, NOW_MS)).toEqual({ ok: true, customer });
  });

  it('accepts an account without a telephone (empty)', () => {
    expect(verifyShopIdentity(signed({ telephone: '' }), SECRET, NOW_MS)).toEqual({ ok: true, customer: { ...customer, telephone: '' } });
  });

  it('accepts a signature up to five minutes old or ahead', () => {
    const skewS = IDENTITY_MAX_SKEW_MS / 1000;
    expect(verifyShopIdentity(signed({}, NOW_S - skewS), SECRET, NOW_MS).ok).toBe(true);
    expect(verifyShopIdentity(signed({}, NOW_S + skewS), SECRET, NOW_MS).ok).toBe(true);
  });

  it.each<[string, Record<string, unknown>]>([
    ['customer id', { customerId: 43 }],
    ['first name', { firstName: 'Zoe' }],
    ['last name', { lastName: 'OBrien' }],
    ['email', { email: 'mallory@example.com' }],
    ['telephone', { telephone: '+44 20 7946 0000' }],
    ['timestamp', { ts: NOW_S + 1 }],
    ['signature', { sig: '0'.repeat(64) }],
  ])('refuses a tampered %s', (_field, change) => {
    expect(verifyShopIdentity({ ...signed(), ...change }, SECRET, NOW_MS)).toEqual({ ok: false, code: 'bad-signature' });
  });

  it('refuses a stale signature (older than five minutes)', () => {
    const ts = NOW_S - IDENTITY_MAX_SKEW_MS / 1000 - 1;
    expect(verifyShopIdentity(signed({}, ts), SECRET, NOW_MS)).toEqual({ ok: false, code: 'stale' });
  });

  it('refuses a signature from the future (more than five minutes ahead)', () => {
    const ts = NOW_S + IDENTITY_MAX_SKEW_MS / 1000 + 1;
    expect(verifyShopIdentity(signed({}, ts), SECRET, NOW_MS)).toEqual({ ok: false, code: 'future' });
  });

  it('refuses a signature made with another secret', () => {
    const payload = signed({}, NOW_S, 'another-secret-of-at-least-32-characters!');
    expect(verifyShopIdentity(payload, SECRET, NOW_MS)).toEqual({ ok: false, code: 'bad-signature' });
  });

  it('refuses everything when the bot has no secret', () => {
    expect(verifyShopIdentity(signed(), undefined, NOW_MS)).toEqual({ ok: false, code: 'no-secret' });
    expect(verifyShopIdentity(signed(), '', NOW_MS)).toEqual({ ok: false, code: 'no-secret' });
  });

  it.each<[string, unknown]>([
    ['null', null],
    ['a string', 'customer'],
    ['an array', [signed()]],
    ['no signature', { ...signed(), sig: undefined }],
    ['an uppercase signature', { ...signed(), sig: signed().sig.toUpperCase() }],
    ['a short signature', { ...signed(), sig: 'abcd' }],
    ['another version', { ...signed(), v: 1 }],
    ['no telephone field (version 1)', (({ telephone: _t, ...rest }) => rest)(signed())],
    ['a telephone with a line break', signed({ telephone: '+44\n20' })],
    ['a telephone too long', signed({ telephone: '1'.repeat(65) })],
    ['a string customer id', { ...signed(), customerId: '42' }],
    ['customer id 0', signed({ customerId: 0 })],
    ['a fractional timestamp', { ...signed(), ts: NOW_S + 0.5 }],
    ['an empty first name', signed({ firstName: '' })],
    ['a name with a line break', signed({ firstName: 'Zoë\n42' })],
    ['a name with a NUL', signed({ lastName: 'O\u0000Brien' })],
    ['a name too long', signed({ firstName: 'x'.repeat(65) })],
    ['an email too long', signed({ email: `${'x'.repeat(190)}@example.com` })],
    ['an email without @', signed({ email: 'zoe.example.com' })],
    ['an extra field', { ...signed(), address: 'Main St 1' }],
  ])('refuses a malformed payload: %s', (_case, payload) => {
    expect(verifyShopIdentity(payload, SECRET, NOW_MS)).toEqual({ ok: false, code: 'malformed' });
  });

  it('refuses a megabyte-long name as malformed', () => {
    const huge = { ...signed(), firstName: 'x'.repeat(1_000_000) };
    expect(verifyShopIdentity(huge, SECRET, NOW_MS)).toEqual({ ok: false, code: 'malformed' });
  });
});
