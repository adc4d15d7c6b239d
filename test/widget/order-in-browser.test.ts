import { existsSync } from 'node:fs';
import { DEMO_API_KEY } from '../../src/demo-store';
import { startBotProcess, type BotProcess } from '../e2e/bot-process';
import { CHROMIUM, launchBrowser, orderInStore, storeUrlFromLog, WidgetPage, type Browser } from './browser';

jest.setTimeout(300_000);

const GREETING = /Hello! I can take your order/;

/** From the shipping question to the placed order, the same on both tests. */
async function finishOrder(chat: WidgetPage): Promise<string> {
  await chat.click(/^yes$/i, /how shall we ship/i); // deliver to the same address
  await chat.click(/flat shipping/i, /how would you like to pay/i);
  await chat.click(/cash on delivery/i, /coupon or gift voucher/i);
  await chat.click(/^no code$/i, /please check your order/i);
  await chat.click(/^place order$/i, /remember your contact details/i);
  await chat.click(/^no$/i, /keep them/i);
  await chat.waitForText(/your order number is \d+/i);
  const placed = /your order number is (\d+)/i.exec(await chat.transcript());
  if (!placed?.[1]) throw new Error('no order number shown');
  return placed[1];
}

async function addressTo(chat: WidgetPage): Promise<void> {
  await chat.say('+49 30 1234567', /which country/i);
  await chat.say('Germany', /region or state/i);
  await chat.say('Berlin', /which city/i);
  await chat.say('Berlin', /street and house number/i);
  await chat.say('Hauptstr. 1', /postcode/i);
  await chat.say('10115', /same address/i);
}

describe('the widget in a real browser, on the pages npm start serves', () => {
  let bot: BotProcess;
  let storeUrl: string;
  let browser: Browser | undefined;

  beforeAll(async () => {
    expect(existsSync(CHROMIUM)).toBe(true);
    bot = await startBotProcess({});
    storeUrl = storeUrlFromLog(bot.output);
  });
  afterEach(async () => {
    await browser?.close();
    browser = undefined;
  });
  afterAll(async () => {
    bot?.kill();
  });

  it('orders the product on the page: a sentence, card buttons, typed answers, and the order is in the store', async () => {
    browser = await launchBrowser();
    const page = await browser.context.newPage();
    await page.goto(`${bot.url}/index.php?route=product/product&product_id=30`);
    const chat = new WidgetPage(page);
    await expect(chat.launcher().getAttribute('aria-label')).resolves.toBe("Open the shop's chat");
    await chat.open();
    await chat.waitForText(GREETING);

    await chat.say('I need 2 red Canon EOS 5D cameras', /found 1 product/i);
    await chat.click(/^choose$/i, /\$196\.00/);
    await chat.click(/^checkout$/i, /first name/i);
    await chat.say('Jane', /last name/i);
    await chat.say('Doe', /email/i);
    await chat.say('jane@example.com', /phone number/i);
    await addressTo(chat);
    const orderId = await finishOrder(chat);
    await chat.screenshot('order-placed.png');

    const order = await orderInStore(storeUrl, DEMO_API_KEY, orderId);
    expect(order).toMatchObject({ firstname: 'Jane', lastname: 'Doe', email: 'jane@example.com', shipping_city: 'Berlin', payment_method: 'Cash On Delivery' });
    expect(Number(order.total)).toBeGreaterThan(160);
    expect((await chat.transcript()).match(new RegExp(GREETING, 'g'))).toHaveLength(1);
  });

  it('moves to another page mid-order and goes on with the same conversation there', async () => {
    browser = await launchBrowser();
    const page = await browser.context.newPage();
    await page.goto(`${bot.url}/index.php?route=product/product&product_id=30`);
    const chat = new WidgetPage(page);
    await chat.open();
    await chat.waitForText(GREETING);
    await chat.say('one blue Canon EOS 5D please', /found 1 product/i);
    await chat.click(/^choose$/i, /checkout/i);
    await chat.click(/^checkout$/i, /first name/i);
    await chat.say('Max', /last name/i);
    const before = await chat.session();
    expect(before.conversationId).toEqual(expect.any(String));

    await page.getByRole('link', { name: 'Your Store' }).click();
    await page.waitForURL(/route=common\/home/);
    await chat.waitForText(/last name/i);
    expect((await chat.session()).conversationId).toBe(before.conversationId);

    await chat.say('Mustermann', /email/i);
    await chat.say('max@example.com', /phone number/i);
    await addressTo(chat);
    const orderId = await finishOrder(chat);
    await chat.screenshot('order-after-moving.png');

    const transcript = await chat.transcript();
    expect(transcript.match(new RegExp(GREETING, 'g'))).toHaveLength(1);
    const order = await orderInStore(storeUrl, DEMO_API_KEY, orderId);
    expect(order).toMatchObject({ firstname: 'Max', lastname: 'Mustermann', email: 'max@example.com' });
  });
});
