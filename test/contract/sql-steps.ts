import type { DemoStoreHandle } from '../../src/demo-store/handle';

const HOUR = 60 * 60 * 1000;

/** What a recorded SQL step did, redone through the demo store's test hooks. */
export type SqlAction =
  | { kind: 'hook'; run: (store: DemoStoreHandle, token: (placeholder: string) => string) => void }
  | { kind: 'not-replayed'; reason: string };

const readOnly = (what: string): SqlAction => ({
  kind: 'not-replayed',
  reason: `read-only SELECT on the reference database (${what}); the demo store keeps no such table to query, the following HTTP steps check the effect`,
});

const uploadRows = (what: string): SqlAction => ({
  kind: 'not-replayed',
  reason: `read-only SELECT on oc_upload (${what}); the demo store's rows are checked by test/demo-store/tool-upload.test.ts through hooks.upload(code)`,
});

/** Every SQL step of the corpus, by file and step index. The test asserts this table covers them all. */
export const sqlSteps: Record<string, Record<number, SqlAction>> = {
  '01-login.json': { 14: readOnly('oc_api_session rows after three logins') },
  '02-session.json': {
    38: readOnly('idle seconds of the api session'),
    39: { kind: 'hook', run: (s, t) => s.hooks.idleApiSession(t('<api_token>'), 2 * HOUR) },
    63: readOnly('api session row deleted after expiry'),
    69: readOnly('oc_session.expire of the second token'),
    70: { kind: 'hook', run: (s, t) => s.hooks.expireSessionData(t('<api_token_2>')) },
    75: { kind: 'hook', run: (s) => s.hooks.setApiUserEnabled('Default', false) },
    78: { kind: 'hook', run: (s) => s.hooks.setApiUserEnabled('Default', true) },
  },
  '04-cart-add-simple.json': {
    18: { kind: 'hook', run: (s) => s.hooks.setProductStatus(32, false) },
    21: { kind: 'hook', run: (s) => s.hooks.setProductStatus(32, true) },
  },
  '09-cart-out-of-stock.json': {
    1: { kind: 'hook', run: (s) => s.hooks.setStock(40, 0) },
    12: { kind: 'hook', run: (s) => s.hooks.setConfig('config_stock_checkout', 1) },
    15: readOnly('product 40 quantity went to -1; checked by the demo store unit test of stock subtraction'),
    16: { kind: 'hook', run: (s) => s.hooks.setConfig('config_stock_warning', 1) },
    22: { kind: 'hook', run: (s) => s.hooks.setConfig('config_stock_warning', 0) },
    23: { kind: 'hook', run: (s) => s.hooks.setConfig('config_stock_checkout', 0) },
    26: { kind: 'hook', run: (s) => s.hooks.setStock(40, 969) },
  },
  '11-customer-id-and-cart.json': { 6: readOnly('the invisible guest cart line') },
  '17-coupon.json': { 31: readOnly('oc_coupon_history of the order; the replayed order/info total 264.2000 already carries the -28.80 coupon') },
  '26-cart-line-expiry.json': {
    3: { kind: 'hook', run: (s) => s.hooks.ageCartLines(61 * 60 * 1000, 40) },
    6: { kind: 'hook', run: (s) => s.hooks.ageCartLines(61 * 60 * 1000) },
  },
  '27-php-warnings-in-body.json': {
    5: { kind: 'hook', run: (s) => s.hooks.setConfig('config_error_display', 0) },
    10: { kind: 'hook', run: (s) => s.hooks.setConfig('config_error_display', 1) },
  },
  '29-tool-upload.json': {
    1: readOnly('the installer defaults of config_file_ext_allowed and config_file_mime_allowed, which the demo store has built in'),
    4: readOnly('the session tool/upload opened holds only language and currency'),
    39: uploadRows('cleaned names and stored file names'),
    52: readOnly('oc_order_option of the order: the file option stores the code; the replayed cart/products shows the same'),
    53: uploadRows('the row of the code used in the order'),
    65: readOnly('oc_order_option file rows of both orders'),
    66: uploadRows('one row for the reused code, none for the unknown one'),
  },
};

/** Steps fired together (the recorded concurrency trial); the store delays answers so they overlap. */
export const parallelSteps: Record<string, number[][]> = {
  '24-concurrency-lost-updates.json': [[3, 4]],
};
