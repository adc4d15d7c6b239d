import { existsSync } from 'node:fs';
import { DEMO_API_KEY } from '../../src/demo-store';
import { startBotProcess, type BotProcess } from '../e2e/bot-process';
import { CHROMIUM, launchBrowser, orderInStore, storeUrlFromLog, WidgetPage, type Browser } from './browser';

jest.setTimeout(300_000);

const GREETING = /Hello! I can take your order/;

/** From the shipping question to the placed order, the same on both tests (delivery to the billing address is the default). */
async function finishOrder(chat: WidgetPage): Promise<string> {
  await chat.click(/flat shipping/i, /how would you like to pay/i);
  await chat.click(/cash on delivery/i, /please check your order/i);
  await chat.click(/^place order$/i, /remember your contact details/i);
  await chat.click(/^no$/i, /keep them/i);
  await chat.waitForText(/your order number is \d+/i);
  const placed = /your order number is (\d+)/i.exec(await chat.transcript());
  if (!placed?.[1]) throw new Error('no order number shown');
  return placed[1];
}

const BERLIN = { 'Region or state': 'Berlin', City: 'Berlin', 'Street and house number': 'Hauptstr. 1', Postcode: '10115' };

async function addressTo(chat: WidgetPage): Promise<void> {
  await chat.submitForm(BERLIN, { Country: 'Germany' }, /how shall we ship/i);
}

describe('the widget in a real browser, on the pages npm start serves', () => {
  let bot: BotProcess;
  let storeUrl: string;
  let browser: Browser | undefined;

  beforeAll(async () => {
    expect(existsSync(CHROMIUM)).toBe(true);
    bot = await startBotProcess({ LOG_LEVEL: 'debug' }); // debug: each turn and OpenCart call, shown when an answer does not come
    storeUrl = storeUrlFromLog(bot.output);
  });
  afterEach(async () => {
    await browser?.close();
    browser = undefined;
  });
  afterAll(async () => {
    bot?.kill();
  });

  it('orders the product on the page: a sentence, card buttons, the contact and address forms, and the order is in the store', async () => {
    browser = await launchBrowser();
    const page = await browser.context.newPage();
    await page.goto(`${bot.url}/index.php?route=product/product&product_id=30`);
    const chat = new WidgetPage(page, () => bot.output);
    await expect(chat.launcher().getAttribute('aria-label')).resolves.toBe("Open the shop's chat");
    await chat.open();
    await chat.waitForText(GREETING);

    // One product matches every word: it goes straight on, no "Choose" click.
    await chat.say('I need 2 red Canon EOS 5D cameras', /\$196\.00/);
    await chat.click(/^checkout$/i, /your contact details/i);
    const contact = { 'First name': 'Jane', 'Last name': 'Doe', Email: 'jane@example.com', Phone: '+49 30 1234567' };
    await chat.submitForm(contact, {}, /billing address/i);
    await addressTo(chat);
    const orderId = await finishOrder(chat);
    await chat.screenshot('order-placed.png');

    const order = await orderInStore(storeUrl, DEMO_API_KEY, orderId);
    expect(order).toMatchObject({
      firstname: 'Jane', lastname: 'Doe', email: 'jane@example.com', telephone: '+49 30 1234567',
      payment_city: 'Berlin', payment_address_1: 'Hauptstr. 1', payment_postcode: '10115', payment_country: 'Germany',
      shipping_city: 'Berlin', shipping_address_1: 'Hauptstr. 1', payment_method: 'Cash On Delivery',
    });
    expect(Number(order.total)).toBeGreaterThan(160);
    // The summary the order was placed from: the product on the page, twice, in the red asked for.
    expect(await chat.transcript()).toContain('2 × Canon EOS 5D (Select: Red)');
    expect((await chat.transcript()).match(new RegExp(GREETING, 'g'))).toHaveLength(1);
  });

  it('moves to another page mid-order and goes on with the same conversation there', async () => {
    browser = await launchBrowser();
    const page = await browser.context.newPage();
    await page.goto(`${bot.url}/index.php?route=product/product&product_id=30`);
    const chat = new WidgetPage(page, () => bot.output);
    await chat.open();
    await chat.waitForText(GREETING);
    await chat.say('one blue Canon EOS 5D please', /checkout/i);
    await chat.click(/^checkout$/i, /your contact details/i);
    const contact = { 'First name': 'Max', 'Last name': 'Mustermann', Email: 'max@example.com', Phone: '+49 30 1234567' };
    await chat.submitForm(contact, {}, /billing address/i);
    const before = await chat.session();
    expect(before.conversationId).toEqual(expect.any(String));

    // The address form was asked on the product page; it is filled in on the home page.
    await page.getByRole('link', { name: 'Your Store' }).click();
    await page.waitForURL(/route=common\/home/);
    await chat.waitForText(/billing address/i);
    expect((await chat.session()).conversationId).toBe(before.conversationId);

    await addressTo(chat);
    const orderId = await finishOrder(chat);
    await chat.screenshot('order-after-moving.png');

    const transcript = await chat.transcript();
    expect(transcript.match(new RegExp(GREETING, 'g'))).toHaveLength(1);
    const order = await orderInStore(storeUrl, DEMO_API_KEY, orderId);
    expect(order).toMatchObject({ firstname: 'Max', lastname: 'Mustermann', email: 'max@example.com', shipping_city: 'Berlin' });
    // The summary the order was placed from: the product on the page, once, in the blue asked for.
    expect(transcript).toContain('1 × Canon EOS 5D (Select: Blue)');
  });
});
