import { createOrderBot } from '../../src/bot';
import type { LocalChannelId } from '../../src/server/local-channel';
import { PNG_1X1, startFileServer, type FileServer } from './file-server';
import { APPLE_CINEMA_ANSWERS, questionOf } from './apple-cinema';
import { startShop, type Shop } from './harness';
import { CANON_TO_BERLIN, play, shown } from './steps';

/** The file as each channel posts it: Web Chat's upload, a file in Teams personal chat, a Telegram document. */
function fileAttachment(channel: LocalChannelId, url: string) {
  if (channel === 'msteams') {
    return { contentType: 'application/vnd.microsoft.teams.file.download.info', name: 'artwork.png', content: { downloadUrl: url, uniqueId: 'f1', fileType: 'png' } };
  }
  return { contentType: 'image/png', contentUrl: url, name: 'artwork.png' };
}

describe('Apple Cinema 30" (a required file option) ordered in the chat on every channel', () => {
  let shop: Shop;
  let files: FileServer;
  beforeAll(async () => {
    shop = await startShop(createOrderBot);
    files = await startFileServer();
  });
  afterAll(async () => {
    await files.close();
    await shop.close();
  });

  it.each<LocalChannelId>(['webchat', 'msteams', 'telegram'])('%s: from the search to the placed order, the file uploaded to the store', async (channel) => {
    const url = files.serve(`/${channel}/artwork.png`, { bytes: PNG_1X1, type: 'image/png' });
    const chat = shop.chat(channel, 'en');
    await chat.start();
    let turn = shown(await chat.say('apple cinema'));
    if (chat.lastTurn.rendered.buttons.some((b) => /^choose$/i.test(b.label))) turn = shown(await chat.click(/^choose$/i));
    const transcript = [turn];
    for (let asked = 0; !/How many/.test(turn) && asked < 20; asked++) {
      const question = questionOf(turn);
      if (/attach the file/i.test(question)) {
        turn = shown(await chat.post({ ...chat.factory.text(''), attachments: [fileAttachment(channel, url)] }));
      } else if (/Checkbox/.test(question) && /Chosen: Checkbox 1/.test(turn)) {
        turn = shown(await chat.click(/^done$/i));
      } else {
        const answer = APPLE_CINEMA_ANSWERS.find(([name]) => name.test(question))?.[1];
        if (!answer) throw new Error(`no answer for: ${turn}`);
        turn = shown(typeof answer === 'string' ? await chat.say(answer) : await chat.click(answer));
      }
      transcript.push(turn);
    }
    expect(transcript.join('\n')).toContain('Got it: artwork.png for File.');
    const checkout = CANON_TO_BERLIN.findIndex((step) => 'click' in step && String(step.click) === String(/checkout/i));
    transcript.push(...(await play(chat, [{ say: '2' }, ...CANON_TO_BERLIN.slice(checkout)])));
    if (process.env.E2E_SHOW) console.log(transcript.join('\n---\n'));

    const order = shop.store.hooks.orders().at(-1)!;
    expect(transcript.at(-1)).toContain(String(order.orderId));
    expect(order.products).toEqual([expect.objectContaining({ productId: 42, quantity: 2 })]);
    const file = order.products[0]!.options.find((o) => o.productOptionId === 222)!;
    expect(file.value).toMatch(/^[0-9a-f]{40}$/);
    expect(shop.store.hooks.upload(file.value)).toEqual({ code: file.value, name: 'artwork.png', size: PNG_1X1.length });
    expect(order.products[0]!.options.map((o) => o.productOptionId).sort()).toEqual([208, 209, 217, 218, 219, 220, 221, 222, 223]);
  });
});
