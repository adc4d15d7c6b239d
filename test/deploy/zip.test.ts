import { createZip } from '../../deploy/lib/zip';
import { readZip } from './zip-reader';

describe('createZip', () => {
  it('round-trips names (UTF-8 too), empty files and binary data', () => {
    const binary = Buffer.from(Array.from({ length: 70_000 }, (_, i) => (i * 31) % 256));
    const entries = [
      { path: 'install.xml', data: Buffer.from('<modification/>') },
      { path: 'upload/empty.txt', data: Buffer.alloc(0) },
      { path: 'upload/язык/файл.php', data: Buffer.from('<?php echo "ё";') },
      { path: 'upload/image/catalog/blob.bin', data: binary },
    ];
    const read = readZip(createZip(entries));
    expect(read.map((e) => [e.path, e.data.toString('hex')])).toEqual(entries.map((e) => [e.path, e.data.toString('hex')]));
  });

  it('writes an empty archive as just the end record', () => {
    expect(createZip([])).toHaveLength(22);
  });

  it.each(['/etc/passwd', '../outside', 'upload/../../x', 'upload\\admin', 'upload//x', ''])(
    'refuses the unsafe path %j',
    (path) => {
      expect(() => createZip([{ path, data: Buffer.from('x') }])).toThrow(/unsafe entry path/);
    },
  );
});
