import type { Activity, Attachment } from 'botbuilder';
import { createStorefrontUploader } from '../../src/catalog/upload';
import { ManualClock } from '../../src/clock';
import { startDemoStore, type DemoStoreHandle } from '../../src/demo-store';
import { PNG_1X1, startFileServer, type FileServer } from '../e2e/file-server';
import { CHANNELS, botUnderTest, buttons, shown, type ChannelId } from './harness';
import { dialogTable } from './table';
import type { FakeCheckout } from './fakes';

dialogTable('checkbox options (several values)', [
  {
    name: 'values are ticked and unticked, then "done" takes them; an optional one is finished with nothing ticked',
    turns: [
      { say: 'photo mug', expect: ['Your photo can only be chosen on our website', 'Please choose Extras: one or more', 'Nothing chosen yet.', '[Ribbon (+$1.00)]', '[Done]'] },
      { press: 'Ribbon (+$1.00)', expect: ['Chosen: Ribbon', '[✓ Ribbon (+$1.00)]', '[Card]'] },
      { press: 'Card', expect: ['Chosen: Ribbon, Card', '[✓ Card]'] },
      { press: '✓ Ribbon (+$1.00)', expect: ['Chosen: Card', '[Ribbon (+$1.00)]'], not: ['Your photo'] },
      { say: 'wrapping', expect: ['Chosen: Card, Wrapping'] },
      { press: 'Done', expect: ['Would you like Stickers? Choose one or more', 'Nothing chosen yet.'] },
      { say: 'done', expect: ['How many Photo mug would you like?'] },
      { say: '1', expect: ['Added 1 × Photo mug to your cart.', 'Extras: Card, Wrapping'], not: ['Stickers:'] },
    ],
  },
  {
    name: 'a required checkbox needs at least one value, and says so with its buttons',
    turns: [
      { say: 'photo mug' },
      { press: 'Done', expect: ['Extras is needed for this product; please choose at least one', '[Ribbon (+$1.00)]', '[Done]'] },
      { say: 'fertig', expect: ['please choose at least one'] },
      { say: '3', expect: ['Chosen: Wrapping'] },
      { say: 'Done', expect: ['Would you like Stickers?'] },
      { press: 'Stars' },
      { press: 'Hearts', expect: ['Chosen: Stars, Hearts'] },
      { press: 'Done', expect: ['How many Photo mug would you like?'] },
    ],
  },
  {
    name: 'the earlier card\'s "done" finishes the option on screen; its values are refused once the next option is asked',
    turns: [
      { say: 'photo mug' },
      { press: 'Card', expect: ['Chosen: Card'] },
      { press: 'Done', pressFrom: 0, expect: ['Would you like Stickers?'] },
      { press: 'Card', pressFrom: 0, expect: ['That button belongs to an earlier message', '[Stars]'] },
    ],
  },
]);

describe.each(CHANNELS)('checkbox values on %s', (channelId) => {
  it('go to the checkout as an array per option (option[id][])', async () => {
    const bot = botUnderTest(channelId);
    await bot.say('photo mug');
    await bot.press('Ribbon (+$1.00)');
    await bot.press('Wrapping');
    await bot.press('Done');
    await bot.press('Hearts');
    await bot.press('Done');
    await bot.say('2');
    const line = (bot.checkout as FakeCheckout).addedLines.at(-1)!;
    expect(line.options).toEqual({ '401': ['61', '63'], '402': ['72'] });
    expect(line.optionLabels).toEqual([
      { name: 'Extras', value: 'Ribbon, Wrapping' },
      { name: 'Stickers', value: 'Hearts' },
    ]);
    expect(shown(bot.last)).toContain('Extras: Ribbon, Wrapping, Stickers: Hearts');
  });

  it('keeps the single-value options (select) to one value', async () => {
    const bot = botUnderTest(channelId);
    await bot.say('canon eos');
    expect(buttons(bot.last).map((b) => b.title)).toEqual(['Red (+$4.80)', 'Blue']);
    await bot.press('Blue');
    await bot.say('1');
    expect((bot.checkout as FakeCheckout).addedLines.at(-1)!.options).toEqual({ '226': '16' });
  });
});

/** Where each channel puts a German or Russian customer's language. */
const LOCALE: Record<'de' | 'ru', Record<ChannelId, Partial<Activity>>> = {
  de: {
    webchat: { locale: 'de-DE' },
    msteams: { entities: [{ type: 'clientInfo', locale: 'de-DE' }] },
    telegram: { channelData: { message: { from: { language_code: 'de' } } } },
  },
  ru: {
    webchat: { locale: 'ru-RU' },
    msteams: { entities: [{ type: 'clientInfo', locale: 'ru-RU' }] },
    telegram: { channelData: { message: { from: { language_code: 'ru' } } } },
  },
};

/** A file as each channel sends it: Web Chat's upload, a file in Teams personal chat, a Telegram photo (no name). */
function attachment(channelId: ChannelId, url: string, name: string, type: string): Attachment {
  if (channelId === 'msteams') {
    return { contentType: 'application/vnd.microsoft.teams.file.download.info', name, contentUrl: 'https://contoso.sharepoint.com/f', content: { downloadUrl: url, uniqueId: 'u1', fileType: name.split('.').pop() } };
  }
  if (channelId === 'telegram') return { contentType: type, contentUrl: url };
  return { contentType: type, contentUrl: url, name };
}

describe('file options taken in the chat', () => {
  let store: DemoStoreHandle;
  let files: FileServer;
  beforeAll(async () => {
    store = await startDemoStore({ clock: new ManualClock() });
    files = await startFileServer();
  });
  afterAll(async () => {
    await files.close();
    await store.close();
  });
  const uploader = () => createStorefrontUploader({ baseUrl: store.url });
  /** Searches; presses the result's choose button when the search shows one (a single hit may go straight on). */
  const chooseFirst = async (bot: ReturnType<typeof botUnderTest>, search: string) => {
    await bot.say(search);
    if (buttons(bot.last).some((b) => /^(Choose|Auswählen|Выбрать)$/.test(b.title))) await bot.press(/^(Choose|Auswählen|Выбрать)$/);
    return shown(bot.last);
  };
  const chooseCinema = (bot: ReturnType<typeof botUnderTest>) => chooseFirst(bot, 'cinema');

  describe.each(CHANNELS)('on %s', (channelId) => {
    it('asks for the required file, refuses text and a skip, uploads the attachment and sends its code to the cart', async () => {
      const bot = botUnderTest(channelId, { uploader: uploader() });
      const question = await chooseCinema(bot);
      expect(question).toContain('Please attach the file for File: you can use the paperclip button');
      expect(question).not.toContain('on our website');
      expect(buttons(bot.last).map((b) => b.title)).not.toContain('Skip');
      expect(shown(await bot.say('here it is'))).toContain('For File I need the file itself: please attach it');
      expect(shown(await bot.say('skip'))).toContain('File is needed for this product; please attach the file');
      const url = files.serve(`/${channelId}/swatch.png`, { bytes: PNG_1X1, type: 'image/png' });
      const name = channelId === 'telegram' ? 'file.png' : 'swatch.png';
      const replies = shown(await bot.send({ attachments: [attachment(channelId, url, 'swatch.png', 'image/png')] }));
      expect(replies).toContain(`Got it: ${name} for File.`);
      expect(replies).toContain('How many Apple Cinema 30" would you like?');
      await bot.say('2');
      const line = (bot.checkout as FakeCheckout).addedLines.at(-1)!;
      const code = (line.options as Record<string, string>)['222']!;
      expect(code).toMatch(/^[0-9a-f]{40}$/);
      expect(line.optionLabels).toEqual([{ name: 'File', value: name }]);
      expect(store.hooks.upload(code)).toEqual({ code, name, size: PNG_1X1.length });
    });

    it('offers a skip for an optional file option', async () => {
      const bot = botUnderTest(channelId, { uploader: uploader() });
      await chooseFirst(bot, 'photo');
      expect(shown(bot.last)).toContain('Would you like to attach a file for Your photo?');
      await bot.press('Skip');
      expect(shown(bot.last)).toContain('Please choose Extras: one or more');
    });

    it('refuses a file over 2 MB while it streams in, and keeps the question open', async () => {
      const bot = botUnderTest(channelId, { uploader: uploader() });
      await chooseCinema(bot);
      const big = files.serve(`/${channelId}/big.png`, { bytes: Buffer.alloc(2 * 1024 * 1024 + 1, 1), type: 'image/png', chunked: true });
      expect(shown(await bot.send({ attachments: [attachment(channelId, big, 'big.png', 'image/png')] }))).toContain(
        'This file is too big: the shop takes files of at most 2 MB',
      );
      const url = files.serve(`/${channelId}/ok.png`, { bytes: PNG_1X1, type: 'image/png' });
      expect(shown(await bot.send({ attachments: [attachment(channelId, url, 'ok.png', 'image/png')] }))).toContain('How many Apple Cinema 30"');
    });

    it('tells OpenCart\'s "Invalid file type!" in German, and a failed download in Russian; nothing is lost', async () => {
      const german = botUnderTest(channelId, { uploader: uploader(), template: LOCALE.de[channelId] });
      await chooseCinema(german);
      const exe = files.serve(`/${channelId}/setup.exe`, { bytes: Buffer.from('MZ fake executable'), type: 'application/octet-stream' });
      const refused = shown(await german.send({ attachments: [attachment(channelId, exe, 'setup.exe', 'application/octet-stream')] }));
      expect(refused).toContain('Der Shop nimmt diese Dateiart für File nicht an');
      expect(refused).not.toContain('Invalid file type');

      const russian = botUnderTest(channelId, { uploader: uploader(), template: LOCALE.ru[channelId] });
      await chooseFirst(russian, 'photo');
      const gone = files.serve(`/${channelId}/gone.png`, { status: 404 });
      expect(shown(await russian.send({ attachments: [attachment(channelId, gone, 'gone.png', 'image/png')] }))).toContain('Не удалось получить файл из чата');
      const url = files.serve(`/${channelId}/photo.png`, { bytes: PNG_1X1, type: 'image/png' });
      const taken = shown(await russian.send({ attachments: [attachment(channelId, url, 'photo.png', 'image/png')] }));
      expect(taken).toContain('Получено');
      expect(taken).toContain('Extras');
    });
  });

  it('fetches a Teams inline image from the Bot Connector with the bot\'s connector token, and sends it nowhere else', async () => {
    const bot = botUnderTest('msteams', { uploader: uploader(), template: { serviceUrl: `${files.base}/` } });
    bot.adapter.use(async (ctx, next) => {
      ctx.turnState.set(ctx.adapter.ConnectorClientKey, { credentials: { appId: 'bot-app-id', getToken: async () => 'connector-token' } });
      await next();
    });
    await chooseCinema(bot);
    const inline = files.serve('/v3/attachments/a1/views/original', { bytes: PNG_1X1, type: 'image/png' });
    await bot.send({ attachments: [{ contentType: 'image/*', contentUrl: inline }, { contentType: 'text/html', content: '<div><img></div>' }] });
    expect(files.requests.at(-1)).toEqual({ path: '/v3/attachments/a1/views/original', authorization: 'Bearer connector-token' });
    expect(shown(bot.last)).toContain('How many Apple Cinema 30"');
    expect((bot.checkout as FakeCheckout).addedLines).toHaveLength(0);

    const other = botUnderTest('msteams', { uploader: uploader() });
    other.adapter.use(async (ctx, next) => {
      ctx.turnState.set(ctx.adapter.ConnectorClientKey, { credentials: { appId: 'bot-app-id', getToken: async () => 'connector-token' } });
      await next();
    });
    await chooseCinema(other);
    await other.send({ attachments: [attachment('msteams', files.serve('/teams/file.png', { bytes: PNG_1X1, type: 'image/png' }), 'file.png', 'image/png')] });
    expect(files.requests.at(-1)).toEqual({ path: '/teams/file.png', authorization: undefined });
  });
});
