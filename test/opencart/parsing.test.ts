import { parseApiBody } from '../../src/opencart/body';
import { mapError } from '../../src/opencart/failures';
import { cutPayload } from '../../src/opencart/errors';

describe('parseApiBody', () => {
  test.each([
    ['clean JSON', '{"success":"x"}', { success: 'x' }, false],
    ['the recorded warning prefix', '<b>Warning</b>: Undefined array key "currency" in <b>/var/www/a.php</b> on line <b>13</b>{"error":"e"}', { error: 'e' }, true],
    ['PHP html_errors with <br />', '<br />\n<b>Notice</b>:  Undefined index: {key} in <b>/a.php</b> on line <b>84</b><br />\n<br />\n<b>Warning</b>: x in <b>/b.php</b> on line <b>2</b><br />\n[]', [], true],
    ['an empty array', '[]', [], false],
  ])('%s', (_name, body, value, phpWarnings) => {
    expect(parseApiBody(body)).toEqual({ kind: 'json', value, phpWarnings });
  });

  test.each([
    ['empty body', ''],
    ['HTML page', '<!DOCTYPE html><html></html>'],
    ['truncated JSON', '{"success":'],
    ['text', 'Service Unavailable'],
  ])('%s is unparseable', (_name, body) => {
    expect(parseApiBody(body).kind).toBe('unparseable');
  });

  test('the invalid-session plain text is recognised', () => {
    expect(parseApiBody('Error: Invalid session ID!')).toEqual({ kind: 'invalid-session' });
  });
});

describe('mapError beyond the recordings (OpenCart 3.0 en-gb texts)', () => {
  test.each([
    ['api/order/add', 'Warning: Payment address required!', 'PAYMENT_ADDRESS_REQUIRED'],
    ['api/order/add', 'Warning: Shipping address required!', 'SHIPPING_ADDRESS_REQUIRED'],
    ['api/order/edit', 'Warning: Customer details needs to be set!', 'CUSTOMER_REQUIRED'],
    ['api/payment/methods', 'Warning: No Payment options are available!', 'NO_METHODS'],
    ['api/shipping/methods', 'Warning: No Shipping options are available!', 'NO_METHODS'],
    ['api/cart/edit', 'Something else', 'REJECTED'],
    ['api/reward/maximum', 'Warning: You do not have permission to access the API!', 'PERMISSION'],
  ] as const)('%s "%s" -> %s', (route, text, code) => {
    expect(mapError(route, text)).toMatchObject({ ok: false, code, message: text });
  });

  test('entities in messages are decoded', () => {
    expect(mapError('api/order/add', 'Warning: Minimum order amount for Apple Cinema 30&quot; is 2!')).toMatchObject({
      code: 'MINIMUM',
      message: 'Warning: Minimum order amount for Apple Cinema 30" is 2!',
    });
  });

  test('login error object without ip is a bad key', () => {
    expect(mapError('api/login', { key: 'Warning: Incorrect API Key!' })).toMatchObject({ code: 'BAD_KEY' });
  });
});

test('cutPayload removes secrets, e-mails and cuts to ~300 characters', () => {
  const cut = cutPayload(`{"api_token":"abc","email":"x@y.org"} key=SECRET ${'z'.repeat(500)} MYSECRETVALUE`, ['MYSECRETVALUE']);
  expect(cut).not.toMatch(/abc|x@y\.org|SECRET/);
  expect(cut.length).toBeLessThanOrEqual(301);
});
