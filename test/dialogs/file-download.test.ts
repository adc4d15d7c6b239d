import { attachedFile, downloadFile, uploadTypeOf } from '../../dialogs/shopping/file-option';
import { PNG_1X1, startFileServer, type FileServer } from '../e2e/file-server';

describe('downloading an attached file', () => {
  let files: FileServer;
  let other: FileServer;
  beforeAll(async () => {
    files = await startFileServer();
    other = await startFileServer();
  });
  afterAll(async () => {
    await files.close();
    await other.close();
  });

  it('gets the bytes and the type', async () => {
    const url = files.serve('/a.png', { bytes: PNG_1X1, type: 'image/png' });
    expect(await downloadFile(url)).toEqual({ ok: true, bytes: PNG_1X1, contentType: 'image/png' });
  });

  it('refuses by Content-Length before reading, and while streaming without one', async () => {
    const big = Buffer.alloc(300_001, 1);
    expect(await downloadFile(files.serve('/big', { bytes: big }), { maxBytes: 300_000 })).toEqual({ ok: false, reason: 'tooLarge' });
    expect(await downloadFile(files.serve('/big-chunked', { bytes: big, chunked: true }), { maxBytes: 300_000 })).toEqual({ ok: false, reason: 'tooLarge' });
    expect((await downloadFile(files.serve('/exact', { bytes: big.subarray(0, 300_000), chunked: true }), { maxBytes: 300_000 })).ok).toBe(true);
  });

  it('fails on an error status, a server that never answers (timeout), and anything but http(s)', async () => {
    expect(await downloadFile(files.serve('/missing', { status: 404 }))).toEqual({ ok: false, reason: 'failed' });
    expect(await downloadFile(files.serve('/hang', { hang: true }), { timeoutMs: 100 })).toEqual({ ok: false, reason: 'failed' });
    expect(await downloadFile('file:///etc/passwd')).toEqual({ ok: false, reason: 'failed' });
    expect(await downloadFile('data:text/plain,hi')).toEqual({ ok: false, reason: 'failed' });
  });

  it('follows a redirect, keeping the token only on the same origin', async () => {
    const target = other.serve('/t.png', { bytes: PNG_1X1, type: 'image/png' });
    const hop = files.serve('/hop', { redirect: target });
    expect((await downloadFile(hop, { token: 'secret' })).ok).toBe(true);
    expect(files.requests.at(-1)).toEqual({ path: '/hop', authorization: 'Bearer secret' });
    expect(other.requests.at(-1)).toEqual({ path: '/t.png', authorization: undefined });
  });

  it('picks the file of a message on each channel, never a card, the Teams HTML body or a non-http URL', () => {
    const serviceUrl = 'https://smba.trafficmanager.net/emea/';
    expect(attachedFile({ serviceUrl, attachments: [
      { contentType: 'text/html', content: '<p>x</p>' },
      { contentType: 'application/vnd.microsoft.card.adaptive', contentUrl: 'https://x/y' },
      { contentType: 'image/png', contentUrl: 'javascript:alert(1)' },
      { contentType: 'image/*', contentUrl: 'https://smba.trafficmanager.net/emea/v3/attachments/1/views/original' },
    ] })).toEqual({ url: 'https://smba.trafficmanager.net/emea/v3/attachments/1/views/original', name: 'file', contentType: 'image/*', withToken: true });
    expect(attachedFile({ serviceUrl, attachments: [{ contentType: 'application/vnd.microsoft.teams.file.download.info', name: 'spec.pdf', content: { downloadUrl: 'https://contoso.sharepoint.com/d?tempauth=1' } }] }))
      .toEqual({ url: 'https://contoso.sharepoint.com/d?tempauth=1', name: 'spec.pdf', contentType: null, withToken: false });
    expect(attachedFile({ serviceUrl: 'https://telegram.botframework.com/', attachments: [{ contentType: 'image/jpeg', contentUrl: 'https://api.telegram.org/file/bot1/photo.jpg' }] }))
      .toMatchObject({ name: 'file.jpg', withToken: false });
    expect(attachedFile({ attachments: [] })).toBeNull();
  });

  it('sends the declared type, else the downloaded one, else the extension\'s', () => {
    expect(uploadTypeOf({ url: '', name: 'a.pdf', contentType: 'application/pdf', withToken: false }, 'text/plain')).toBe('application/pdf');
    expect(uploadTypeOf({ url: '', name: 'a.pdf', contentType: 'image/*', withToken: false }, 'image/png')).toBe('image/png');
    expect(uploadTypeOf({ url: '', name: 'a.pdf', contentType: null, withToken: false }, null)).toBe('application/pdf');
    expect(uploadTypeOf({ url: '', name: 'a.xyz', contentType: null, withToken: false }, null)).toBe('application/octet-stream');
  });
});
