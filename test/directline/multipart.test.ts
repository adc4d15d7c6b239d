import { boundaryOf, parseMultipart } from '../../src/server/directline/multipart';

const LIMITS = { maxParts: 3, maxHeaderBytes: 200 };
const body = (text: string) => Buffer.from(text, 'utf8');

describe('multipart/form-data reader of the Direct Line upload', () => {
  it('reads the boundary of multipart/form-data only, quoted or not', () => {
    expect(boundaryOf('multipart/form-data; boundary=----WebKitFormBoundaryAbC123')).toBe('----WebKitFormBoundaryAbC123');
    expect(boundaryOf('Multipart/Form-Data; charset=utf-8; boundary="a b"')).toBe('a b');
    expect(boundaryOf('multipart/mixed; boundary=x')).toBeUndefined();
    expect(boundaryOf('multipart/form-data')).toBeUndefined();
    expect(boundaryOf(`multipart/form-data; boundary=${'x'.repeat(71)}`)).toBeUndefined();
    expect(boundaryOf(undefined)).toBeUndefined();
  });

  it('reads fields and files after a preamble, names without their path, bytes as sent', () => {
    const parsed = parseMultipart(body([
      'preamble\r\n--b',
      'Content-Disposition: form-data; name="activity"',
      'Content-Type: application/vnd.microsoft.activity',
      '',
      '{"type":"message"}\r\n--b',
      'content-disposition: form-data; name="file"; filename="C:\\\\fakepath\\\\my \\"art\\".png"',
      'Content-Type: image/png',
      '',
      'line one\r\nline two with --b inside\r\n--b--\r\nepilogue',
    ].join('\r\n')), 'b', LIMITS);
    expect(parsed).toEqual({
      ok: true,
      parts: [
        { name: 'activity', filename: undefined, contentType: 'application/vnd.microsoft.activity', data: body('{"type":"message"}') },
        { name: 'file', filename: 'my "art".png', contentType: 'image/png', data: body('line one\r\nline two with --b inside') },
      ],
    });
  });

  it('refuses what is not well formed or passes the limits', () => {
    const part = (name: string) => `Content-Disposition: form-data; name="${name}"\r\n\r\nx\r\n--b`;
    expect(parseMultipart(body('no boundary at all'), 'b', LIMITS)).toEqual({ ok: false, reason: 'no opening boundary' });
    expect(parseMultipart(body(`--b\r\n${part('a')}`), 'b', LIMITS)).toEqual({ ok: false, reason: 'no line break after a boundary' });
    expect(parseMultipart(body('--b\r\nContent-Disposition: form-data; name="a"\r\n\r\nunclosed'), 'b', LIMITS)).toEqual({ ok: false, reason: 'no closing boundary' });
    expect(parseMultipart(body(`--b\r\n${part('1')}\r\n${part('2')}\r\n${part('3')}\r\n${part('4')}--`), 'b', LIMITS)).toEqual({ ok: false, reason: 'too many parts' });
    expect(parseMultipart(body(`--b\r\nX-Long: ${'y'.repeat(300)}\r\n${part('a')}--`), 'b', LIMITS)).toEqual({ ok: false, reason: 'part headers missing or too long' });
    expect(parseMultipart(body('--b\r\nContent-Type: text/plain\r\n\r\nx\r\n--b--'), 'b', LIMITS)).toEqual({ ok: false, reason: 'a part without form-data disposition' });
    expect(parseMultipart(body(`--b\r\n${part('1')}\r\n${part('2')}--`), 'b', LIMITS)).toMatchObject({ ok: true, parts: [{ name: '1' }, { name: '2' }] });
  });

  it('reads a file of dashes (nearly boundaries everywhere) of 8 MB whole', () => {
    const many = Buffer.concat([body('--b\r\nContent-Disposition: form-data; name="file"; filename="a"\r\n\r\n'), Buffer.alloc(8 * 1024 * 1024, 0x2d), body('\r\n--b--')]);
    const parsed = parseMultipart(many, 'b', LIMITS);
    expect(parsed.ok && parsed.parts[0]!.data.length).toBe(8 * 1024 * 1024);
  });
});
