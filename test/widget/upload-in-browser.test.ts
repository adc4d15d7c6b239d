import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { startBotProcess, type BotProcess } from '../e2e/bot-process';
import { CHROMIUM, launchBrowser, WidgetPage, type Browser } from './browser';

jest.setTimeout(300_000);

/** A real 4x4 red PNG (Web Chat decodes images to make their thumbnail); CRCs by zlib's crc32. */
function redPng(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type), data])) >>> 0);
    return Buffer.concat([length, Buffer.from(type), data, crc]);
  };
  const header = Buffer.from([0, 0, 0, 4, 0, 0, 0, 4, 8, 2, 0, 0, 0]);
  const rows = Buffer.concat(Array.from({ length: 4 }, () => Buffer.from([0, 255, 0, 0, 255, 0, 0, 255, 0, 0, 255, 0, 0])));
  return Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

describe('the paperclip in a real browser: a file option answered with an upload to the Direct Line stand-in', () => {
  let bot: BotProcess;
  let browser: Browser | undefined;
  let dir: string;

  beforeAll(async () => {
    expect(existsSync(CHROMIUM)).toBe(true);
    dir = mkdtempSync(path.join(os.tmpdir(), 'upload-in-browser-'));
    bot = await startBotProcess({ LOG_LEVEL: 'debug' }); // debug: each turn and OpenCart call, shown when an answer does not come
  });
  afterAll(async () => {
    await browser?.close();
    bot?.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  it('Apple Cinema 30": the picked file is uploaded, taken for its file option, and the monitor is added to the cart', async () => {
    const file = path.join(dir, 'artwork.png');
    writeFileSync(file, redPng());
    browser = await launchBrowser();
    const page = await browser.context.newPage();
    const uploads: number[] = [];
    page.on('response', (r) => {
      if (/\/v3\/directline\/conversations\/[^/]+\/upload/.test(r.url())) uploads.push(r.status());
    });
    await page.goto(`${bot.url}/`);
    const chat = new WidgetPage(page, () => bot.output);
    await chat.open();

    await chat.say('apple cinema', /found 1 product|please choose radio/i);
    if (!/please choose radio/i.test(await chat.transcript())) await chat.click(/^choose$/i, /please choose radio/i);
    await chat.click(/^Small/, /Checkbox/);
    await chat.click(/^Checkbox 1/, /Chosen: Checkbox 1/);
    await chat.click(/^Done$/i, /enter Text\./);
    await chat.say('Engraving: HELLO', /choose Select/);
    await chat.click(/^Red/, /enter Textarea/);
    await chat.say('Please gift wrap.', /attach the file/);

    // Web Chat 4.18 attaches the picked file to the send box; the send button posts it (sendAttachmentOn: send).
    // The file joins the send box once Web Chat has read it (and made its thumbnail): send when it shows there.
    await page.locator('input[type=file]').setInputFiles(file);
    await page.locator('.webchat__send-box').getByText('artwork.png').first().waitFor({ timeout: 10_000 }).catch(() => page.waitForTimeout(2000));
    await page.getByRole('button', { name: /^send$/i }).last().click();
    await chat.waitForText(/Got it: artwork\.png for File\./);
    await chat.waitForText(/enter Date as a date/);
    expect(uploads).toEqual([200]);

    await chat.say('2026-12-24', /enter Time/);
    await chat.say('18:30', /enter Date & Time/);
    await chat.say('2026-12-24 18:30', /How many/);
    await chat.say('2', /Added 2 × Apple Cinema 30/);
    await chat.screenshot('upload-in-cart.png');
  });
});
