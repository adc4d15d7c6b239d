import { ManualClock } from '../../src/clock';
import { startDemoStore, type DemoStoreHandle } from '../../src/demo-store';
import { isExchange, loadScenario } from '../contract/recording';
import { send } from '../contract/http-client';
import { call, CUSTOMER, login, UK_ADDRESS } from './api-client';

/** What the reference store's oc_upload kept (the SQL steps of 29-tool-upload.json the replay cannot query). */
const corpus = loadScenario('29-tool-upload.json');

describe('demo store tool/upload: what oc_upload keeps and the size limits', () => {
  let store: DemoStoreHandle;
  beforeAll(async () => {
    store = await startDemoStore({ clock: new ManualClock() });
  });
  afterAll(() => store.close());

  const upload = async (rawBody: string) => {
    const answer = await send({
      method: 'POST', url: `${store.url}index.php?route=tool%2Fupload`, body: Buffer.from(rawBody, 'latin1'),
      contentType: 'multipart/form-data; boundary=----ocrefboundary',
    });
    return JSON.parse(answer.body) as { code?: string; error?: string };
  };

  it('stores the cleaned names the recorded SELECTs on oc_upload show', async () => {
    const names = new Map<string, string>();
    for (const step of corpus.steps.filter(isExchange)) {
      const raw = step.request.raw_body;
      const recordedCode = (step.response.json as { code?: string } | undefined)?.code;
      if (step.request.route !== 'tool/upload' || !raw || !recordedCode) continue;
      const { code } = await upload(raw);
      names.set(recordedCode, store.hooks.upload(code!)!.name);
    }
    // Steps 39 and 53 of the corpus: name per recorded code.
    const selects = corpus.steps.flatMap((s) => ('sql' in s && /FROM oc_upload/.test(s.sql) ? [s.result as { code: string; name: string }[]] : []));
    const rows = selects.flat();
    expect(rows.length).toBeGreaterThan(4);
    for (const row of rows) expect([row.code, names.get(row.code)]).toEqual([row.code, row.name]);
    expect([...names.values()]).toEqual(expect.arrayContaining(['evil.txt', 'photo.png', 'script.txt', 'img srcx onerroralert1.png', 'my photo 1.png', '.pdf']));
  });

  it('keeps the limits of the recorded "results": 2M taken, one byte more and 8M refused, 16m+1 is nginx\'s 413', async () => {
    const limits = (corpus.results as { upload_size_limits: Record<string, { status: number; body: string }> }).upload_size_limits;
    for (const [key, bytes] of [['file_2097152_bytes', 2_097_152], ['file_2097153_bytes', 2_097_153], ['file_8388609_bytes', 8_388_609], ['file_16777217_bytes', 16_777_217]] as const) {
      const body =
        '------ocrefboundary\r\nContent-Disposition: form-data; name="file"; filename="max.txt"\r\nContent-Type: text/plain\r\n\r\n' +
        'A'.repeat(bytes) + '\r\n------ocrefboundary--\r\n';
      const answer = await send({ method: 'POST', url: `${store.url}index.php?route=tool%2Fupload`, body, contentType: 'multipart/form-data; boundary=----ocrefboundary' });
      const recorded = limits[key]!;
      expect([key, answer.status]).toEqual([key, recorded.status]);
      if (recorded.status === 200) expect(Object.keys(JSON.parse(answer.body) as object)).toEqual(Object.keys(JSON.parse(recorded.body) as object));
      else expect(answer.body).toBe(recorded.body);
    }
  });

  it('takes the code as product 42\'s file option; the order keeps the code, which leads to the upload', async () => {
    const raw = corpus.steps.filter(isExchange).find((s) => s.request.route === 'tool/upload')!.request.raw_body!;
    const { code } = await upload(raw);
    const token = await login(store);
    const form = Object.fromEntries(corpus.steps.filter(isExchange).find((s) => s.request.route === 'api/cart/add')!.request.form!);
    expect(await call(store, 'api/cart/add', { ...form, 'option[222]': code! }, token)).toMatchObject({ json: { success: expect.any(String) } });
    await call(store, 'api/customer', CUSTOMER, token);
    await call(store, 'api/payment/address', UK_ADDRESS, token);
    await call(store, 'api/shipping/address', UK_ADDRESS, token);
    await call(store, 'api/shipping/methods', {}, token);
    await call(store, 'api/shipping/method', { shipping_method: 'flat.flat' }, token);
    await call(store, 'api/payment/methods', {}, token);
    await call(store, 'api/payment/method', { payment_method: 'cod' }, token);
    expect(await call(store, 'api/order/add', {}, token)).toMatchObject({ json: { order_id: expect.any(Number) } });
    const file = store.hooks.orders().at(-1)!.products[0]!.options.find((o) => o.productOptionId === 222)!;
    expect(file).toMatchObject({ name: 'File', value: code, productOptionValueId: null });
    expect(store.hooks.upload(file.value)).toMatchObject({ name: 'artwork.txt' });
  });
});
