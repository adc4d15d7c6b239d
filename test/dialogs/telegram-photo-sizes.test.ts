import { attachedFile } from '../../dialogs/shopping/file-option';

/** The Azure Telegram channel posts a photo as one image attachment per size Telegram made, smallest first. */
const serviceUrl = 'https://telegram.botframework.com/';
const sizes = ['s', 'm', 'x'].map((size) => ({ contentType: 'image/jpeg', contentUrl: `https://api.telegram.org/file/bot1/photo_${size}.jpg` }));

describe('a Telegram photo in several sizes', () => {
  it('takes the largest: the last one when the sizes are not known', () => {
    expect(attachedFile({ channelId: 'telegram', serviceUrl, attachments: sizes })?.url).toBe('https://api.telegram.org/file/bot1/photo_x.jpg');
  });

  it('takes the largest by the sizes in Telegram\'s message when they are there, by pixels without a byte size', () => {
    const photo = [{ file_size: 1200, width: 90, height: 90 }, { file_size: 99000, width: 800, height: 800 }, { file_size: 45000, width: 320, height: 320 }];
    expect(attachedFile({ channelId: 'telegram', serviceUrl, attachments: sizes, channelData: { message: { photo } } })?.url)
      .toBe('https://api.telegram.org/file/bot1/photo_m.jpg');
    const pixels = [{ width: 90, height: 90 }, { width: 320, height: 320 }, { width: 1280, height: 1280 }];
    expect(attachedFile({ channelId: 'telegram', serviceUrl, attachments: sizes, channelData: { message: { photo: pixels } } })?.url)
      .toBe('https://api.telegram.org/file/bot1/photo_x.jpg');
  });

  it('keeps taking the first file elsewhere and for a single Telegram document', () => {
    expect(attachedFile({ channelId: 'webchat', attachments: sizes })?.url).toBe('https://api.telegram.org/file/bot1/photo_s.jpg');
    const document = { contentType: 'application/pdf', contentUrl: 'https://api.telegram.org/file/bot1/spec.pdf', name: 'spec.pdf' };
    expect(attachedFile({ channelId: 'telegram', serviceUrl, attachments: [document] })).toMatchObject({ name: 'spec.pdf', withToken: false });
  });
});
