import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ManualClock } from '../../src/clock';
import { StorefrontHttpError, StorefrontTransportError } from '../../src/catalog/fetcher';
import { createStorefrontUploader, multipartBody, uploadFileName } from '../../src/catalog/upload';
import { startDemoStore, type DemoStoreHandle } from '../../src/demo-store';
import { multipartParts } from '../../src/demo-store/storefront/upload';
import { isExchange, loadScenario, type RecordedResponse } from '../contract/recording';

const corpus = loadScenario('29-tool-upload.json');
const exchanges = corpus.steps.filter(isExchange);
/** The recorded answer to the upload of this file name (the first one recorded). */
const recordedFor = (filename: string): RecordedResponse =>
  exchanges.find((s) => s.request.raw_body?.includes(`filename="${filename}"`))!.response;
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de', 'hex');

describe('storefront upload client against the demo store', () => {
  let store: DemoStoreHandle;
  beforeAll(async () => {
    store = await startDemoStore({ clock: new ManualClock() });
  });
  afterAll(() => store.close());

  it('gets a 40-hex code for an allowed file, and the store keeps the cleaned name', async () => {
    const uploader = createStorefrontUploader({ baseUrl: store.url });
    const outcome = await uploader.upload({ name: 'my photo (1).png', contentType: 'image/png', bytes: PNG });
    expect(outcome).toEqual({ ok: true, code: expect.stringMatching(/^[0-9a-f]{40}$/) });
    const code = (outcome as { code: string }).code;
    expect(store.hooks.upload(code)).toEqual({ code, name: 'my photo 1.png', size: PNG.length });
    const again = await uploader.upload({ name: 'my photo (1).png', contentType: 'image/png', bytes: PNG });
    expect((again as { code: string }).code).not.toBe(code);
  });

  it('returns OpenCart\'s refusals coded: type by extension, by MIME type and by a PHP tag', async () => {
    const uploader = createStorefrontUploader({ baseUrl: store.url });
    const text = Buffer.from('hello');
    expect(await uploader.upload({ name: 'setup.exe', contentType: 'application/octet-stream', bytes: text })).toEqual({ ok: false, refusal: 'filetype' });
    expect(await uploader.upload({ name: 'notes.txt', contentType: 'text/html', bytes: text })).toEqual({ ok: false, refusal: 'filetype' });
    const php = Buffer.from('line one\n<?PHP phpinfo(); ?>');
    expect(await uploader.upload({ name: 'notes.txt', contentType: 'text/plain', bytes: php })).toEqual({ ok: false, refusal: 'filetype' });
  });

  it('is refused with "Upload required!" one byte over PHP\'s 2M, and the nginx 413 over 16m is "too large"', async () => {
    const uploader = createStorefrontUploader({ baseUrl: store.url });
    const at = await uploader.upload({ name: 'max.txt', contentType: 'text/plain', bytes: Buffer.alloc(2_097_152, 'A') });
    expect(at.ok).toBe(true);
    expect(await uploader.upload({ name: 'max.txt', contentType: 'text/plain', bytes: Buffer.alloc(2_097_153, 'A') })).toEqual({ ok: false, refusal: 'required' });
    expect(await uploader.upload({ name: 'max.txt', contentType: 'text/plain', bytes: Buffer.alloc(16 * 1024 * 1024 + 1, 'A') })).toEqual({ ok: false, refusal: 'tooLarge' });
  });

  it('sends names OpenCart keeps: cleaned, at most 64 characters with the extension, never shorter than 3', () => {
    expect(uploadFileName('счёт.pdf')).toBe('file.pdf');
    expect(uploadFileName('C:\\Users\\me\\photo.png')).toBe('photo.png');
    expect(uploadFileName('<img src=x onerror=alert(1)>.png')).toBe('img srcx onerroralert1.png');
    expect(uploadFileName(`${'a'.repeat(100)}.jpeg`)).toBe(`${'a'.repeat(59)}.jpeg`);
    expect(uploadFileName('ab')).toBe('file');
    expect(uploadFileName('')).toBe('file');
  });
});

interface Captured {
  contentType: string;
  body: Buffer;
}

/** A loopback storefront that keeps each request and answers with one recorded 29-tool-upload.json answer. */
async function captureServer(answer: () => RecordedResponse) {
  const seen: Captured[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      seen.push({ contentType: String(req.headers['content-type'] ?? ''), body: Buffer.concat(chunks) });
      const recorded = answer();
      res.writeHead(recorded.status, { 'content-type': String(recorded.headers['content-type']) });
      res.end(recorded.raw ?? recorded.text ?? '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    seen,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

describe('storefront upload client against the recorded answers', () => {
  let recorded: RecordedResponse;
  let server: Awaited<ReturnType<typeof captureServer>>;
  beforeAll(async () => {
    server = await captureServer(() => recorded);
  });
  afterAll(() => server.close());
  const upload = () => createStorefrontUploader({ baseUrl: server.url }).upload({ name: 'artwork.txt', contentType: 'text/plain', bytes: Buffer.from('x') });

  it('posts one multipart field "file" with its name and Content-Type to tool/upload, as the product page does', async () => {
    recorded = recordedFor('artwork.txt');
    const bytes = Buffer.from([0x89, 0x50, 0x0a, 0x00, 0xff, 0x0d, 0x0a]);
    const outcome = await createStorefrontUploader({ baseUrl: server.url }).upload({ name: 'swatch.png', contentType: 'image/png', bytes });
    expect(outcome).toEqual({ ok: true, code: '59313663c84f5b1f8d6165d7c68639b4ae640c1f' });
    const { contentType, body } = server.seen.at(-1)!;
    expect(contentType).toMatch(/^multipart\/form-data; boundary=/);
    const parts = multipartParts(body, contentType);
    expect(parts).toEqual([{ field: 'file', filename: 'swatch.png', type: 'image/png', content: bytes }]);
  });

  it('reads each recorded refusal', async () => {
    recorded = recordedFor('shell.php');
    expect(await upload()).toEqual({ ok: false, refusal: 'filetype' });
    recorded = recordedFor(`${'a'.repeat(61)}.txt`);
    expect(await upload()).toEqual({ ok: false, refusal: 'filename' });
    recorded = recordedFor('');
    expect(await upload()).toEqual({ ok: false, refusal: 'required' });
    recorded = { status: 200, headers: { 'content-type': 'application/json' }, raw: '{"error":"Warning: something new"}' };
    expect(await upload()).toEqual({ ok: false, refusal: 'other' });
  });

  it('takes the JSON after PHP warnings, and says "too large" to the recorded nginx 413', async () => {
    recorded = { ...recordedFor('artwork.txt'), raw: `<b>Notice</b>: Undefined index on line <b>1</b>${recordedFor('artwork.txt').raw}` };
    expect((await upload()).ok).toBe(true);
    const limits = (corpus.results as { upload_size_limits: Record<string, { status: number; content_type: string; body: string }> }).upload_size_limits;
    const nginx = limits.file_16777217_bytes!;
    recorded = { status: nginx.status, headers: { 'content-type': nginx.content_type }, text: nginx.body };
    expect(await upload()).toEqual({ ok: false, refusal: 'tooLarge' });
  });

  it('throws the storefront errors for the recorded HTTP 500 of a file[] field and for an answer that is not OpenCart\'s', async () => {
    recorded = exchanges.find((s) => s.request.raw_body?.includes('name="file[]"'))!.response;
    await expect(upload()).rejects.toBeInstanceOf(StorefrontHttpError);
    recorded = { status: 200, headers: { 'content-type': 'text/html' }, text: '<html>maintenance</html>' };
    await expect(upload()).rejects.toBeInstanceOf(StorefrontTransportError);
  });

  it('throws a transport error when the storefront is not there', async () => {
    const gone = createStorefrontUploader({ baseUrl: 'http://127.0.0.1:9/' });
    await expect(gone.upload({ name: 'a.txt', contentType: 'text/plain', bytes: Buffer.from('x') })).rejects.toBeInstanceOf(StorefrontTransportError);
  });

  it('builds the body byte for byte', () => {
    const body = multipartBody({ name: 'a"b.txt', contentType: 'text/plain', bytes: Buffer.from('x') }, 'B');
    expect(body.toString('latin1')).toBe('--B\r\nContent-Disposition: form-data; name="file"; filename="ab.txt"\r\nContent-Type: text/plain\r\n\r\nx\r\n--B--\r\n');
  });
});
