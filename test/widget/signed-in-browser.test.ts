import { existsSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { signShopIdentity } from '../../src/shop-identity';
import { startBotProcess, type BotProcess } from '../e2e/bot-process';
import { CHROMIUM, launchBrowser, WidgetPage, type Browser } from './browser';

jest.setTimeout(300_000);

const SECRET = 'a-shared-secret-of-at-least-32-characters';
const RITA = { customerId: 1, firstName: 'Rita', lastName: 'Rewards', email: 'rita@example.com', telephone: '+44 20 7946 0000' };

/** What the extension's footer prints for a signed-in customer (attribute HTML-escaped, as twig does). */
function shopPage(botUrl: string, customer: Record<string, unknown>): string {
  const attribute = JSON.stringify(customer).replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  return `<!DOCTYPE html><html lang="en"><head><title>Canon EOS 5D</title></head><body><h1>Canon EOS 5D</h1>
    <script src="${botUrl}/widget.js" data-product-id="30" data-language="en-gb" data-currency="USD"
      data-customer="${attribute}" defer></script></body></html>`;
}

describe('a customer signed in on the shop, in a real browser', () => {
  let bot: BotProcess;
  let browser: Browser | undefined;
  const shops: http.Server[] = [];

  beforeAll(async () => {
    expect(existsSync(CHROMIUM)).toBe(true);
    bot = await startBotProcess({ SHOP_SHARED_SECRET: SECRET, LOG_LEVEL: 'debug' });
  });
  afterEach(async () => {
    await browser?.close();
    browser = undefined;
    for (const shop of shops.splice(0)) shop.close();
  });
  afterAll(() => bot?.kill());

  /** The product page on a shop of its own origin (loopback, as Chromium's local network checks want), the bot on another. */
  async function chatOn(customer: Record<string, unknown>): Promise<WidgetPage> {
    const shop = http.createServer((_req, res) => {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(shopPage(bot.url, customer));
    });
    await new Promise<void>((resolve) => shop.listen(0, '127.0.0.1', resolve));
    shops.push(shop);
    browser = await launchBrowser();
    const page = await browser.context.newPage();
    await page.goto(`http://127.0.0.1:${(shop.address() as AddressInfo).port}/index.php?route=product/product&product_id=30`);
    const chat = new WidgetPage(page, () => bot.output);
    await chat.open();
    return chat;
  }

  it('the widget passes the signed identity: greeted by name, and "this" is the product on the page', async () => {
    const ts = Math.floor(Date.now() / 1000); // the bot runs on the system clock: signed now, as the shop would
    const chat = await chatOn({ v: 2, ...RITA, ts, sig: signShopIdentity(RITA, ts, SECRET) });
    await chat.waitForText(/Hello, Rita!/);
    await chat.say("I'll take 2 of these in red", /Added 2 × Canon EOS 5D/);
  });

  it('a forged identity: greeted as a guest, no error', async () => {
    const ts = Math.floor(Date.now() / 1000);
    const chat = await chatOn({ v: 2, ...RITA, ts, sig: signShopIdentity(RITA, ts, 'another-secret-of-at-least-32-characters!') });
    await chat.waitForText(/Hello! I can take your order/);
    expect(await chat.transcript()).not.toMatch(/Rita|error/i);
  });
});
