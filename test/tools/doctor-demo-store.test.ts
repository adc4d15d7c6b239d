import { execFile } from 'node:child_process';
import path from 'node:path';
import { ManualClock } from '../../src/clock';
import { startDemoStore, type DemoStoreHandle } from '../../src/demo-store';
import { demoCatalog } from '../../src/demo-store/seed';
import { EXIT_CODES, diagnose, formatDiagnosis, type Diagnosis } from '../../src/tools/doctor';

const stores: DemoStoreHandle[] = [];
afterEach(async () => {
  await Promise.all(stores.splice(0).map((store) => store.close()));
});

async function diagnoseDemo(catalog = demoCatalog): Promise<{ store: DemoStoreHandle; result: Diagnosis }> {
  const store = await startDemoStore({ clock: new ManualClock(), catalog });
  stores.push(store);
  const result = await diagnose({ baseUrl: store.url, username: store.username, apiKey: store.apiKey }, { timeoutMs: 5_000 });
  return { store, result };
}

const shippingCodes = (result: Diagnosis) => (result.status === 'ok' ? result.sample.shipping?.map((method) => method.code) : undefined);
const paymentCodes = (result: Diagnosis) => (result.status === 'ok' ? result.sample.payment.map((method) => method.code) : undefined);

describe('doctor against the demo store', () => {
  it('is ok: a sample product that ships (not the non-shipping MacBook), flat and pickup, bank transfer and COD', async () => {
    const { store, result } = await diagnoseDemo();
    expect(result).toMatchObject({ status: 'ok', sample: { productId: 40, countryId: 222, countryName: 'United Kingdom' } });
    expect(shippingCodes(result)).toEqual(['flat', 'pickup']);
    expect(paymentCodes(result)).toEqual(['bank_transfer', 'cod']);
    const line = formatDiagnosis(result, { baseUrl: store.url, username: store.username, apiKey: store.apiKey });
    expect(line).toMatch(/^OK: .*Flat Shipping Rate \$8\.00 \(flat\.flat\), Pickup From Store \$0\.00 \(pickup\.pickup\); payment Bank Transfer \(bank_transfer\), Cash On Delivery \(cod\)\.$/);
    expect(EXIT_CODES[result.status]).toBe(0);
  });

  it('quotes free shipping as well when the sample is above 500', async () => {
    const products = demoCatalog.products.map((product) => (product.productId === 40 ? { ...product, price: 600 } : product));
    const { result } = await diagnoseDemo({ ...demoCatalog, products });
    expect(result).toMatchObject({ status: 'ok', sample: { productId: 40 } });
    expect(shippingCodes(result)).toEqual(['flat', 'free', 'pickup']);
    expect(paymentCodes(result)).toEqual(['bank_transfer', 'cod']);
  });

  it('leaves the API session cart empty and places no order', async () => {
    const { store } = await diagnoseDemo();
    expect(store.hooks.orders()).toEqual([]);
  });

  it('settles for a product that does not ship when nothing on the home page ships: no shipping, no COD', async () => {
    const products = demoCatalog.products.map((product) => (product.productId === 40 ? { ...product, shipping: false } : product));
    const { result } = await diagnoseDemo({ ...demoCatalog, products });
    expect(result).toMatchObject({ status: 'ok', sample: { productId: 43, shipping: null } });
    expect(paymentCodes(result)).toEqual(['bank_transfer']);
  });
});

describe('npm run doctor without OPENCART_URL', () => {
  it('starts the embedded demo store, prints one OK line naming it and exits 0', async () => {
    const root = path.join(__dirname, '..', '..');
    // Empty values count as unset and dotenv does not override them, so a developer's .env cannot redirect this test.
    const env = { ...process.env, OPENCART_URL: '', OPENCART_API_KEY: '', OPENCART_API_USERNAME: '', STATE_STORAGE: 'memory' };
    const { code, stdout, stderr } = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      execFile(process.execPath, [require.resolve('tsx/cli'), 'src/tools/doctor.ts'], { cwd: root, env, timeout: 30_000 }, (error, out, err) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout: out, stderr: err });
      });
    });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const lines = stdout.split('\n').filter(Boolean);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^OK: OpenCart API at http:\/\/127\.0\.0\.1:\d+\/ \(the embedded demo store: OPENCART_URL is unset\) works for user "Default"\./);
    expect(lines[0]).toContain('(flat.flat)');
    expect(lines[0]).toContain('Cash On Delivery (cod)');
  }, 40_000);
});
