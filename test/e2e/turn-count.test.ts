import { createOrderBot } from '../../src/bot';
import type { ChatSession, ChatTurn, LocalChannelId } from '../../src/server/local-channel';
import type { Button } from '../../src/server/local-channel/card-text';
import { startShop, type Shop } from './harness';
import { restock, shown } from './steps';

/**
 * Counts the customer's turns of a one-product order from the first message to the placed order (and the
 * "remember me?" answer after it): at most 9 for a new customer, at most 5 for a returning one who agreed to be
 * remembered. Web Chat and Teams fill in forms; Telegram has none, and the customer types several fields at once.
 */
const NEW_CUSTOMER_TURNS = 9;
const RETURNING_TURNS = 5;

const CONTACT = { firstname: 'Jane', lastname: 'Doe', email: 'jane@example.com', telephone: '+49 30 1234567' };

/** A customer whose turns are counted: every message typed and every button pressed is one. */
class CountedCustomer {
  turns = 0;
  last!: ChatTurn;
  constructor(readonly chat: ChatSession) {}

  async say(text: string): Promise<string> {
    this.turns += 1;
    this.last = await this.chat.say(text);
    return shown(this.last);
  }

  async click(label: RegExp, inputs?: Record<string, string>): Promise<string> {
    this.turns += 1;
    this.last = await this.chat.click(label, inputs);
    return shown(this.last);
  }

  /** The form's submit button. */
  submitButton(): Button & { action: { kind: 'submit' } } {
    const button = this.last.rendered.buttons.find((b) => b.action.kind === 'submit' && b.action.inputs.length > 0);
    if (!button) throw new Error(`no form in the last turn:\n${shown(this.last)}`);
    return button as Button & { action: { kind: 'submit' } };
  }

  /** The value of the choice titled `title` of the form's input `id`. */
  choice(id: string, title: RegExp): string {
    const input = this.submitButton().action.inputs.find((i) => i.id === id);
    const found = input?.choices.find((c) => title.test(c.title));
    if (!found) throw new Error(`no choice ${String(title)} for ${id}`);
    return found.value;
  }

  async submit(inputs: Record<string, string>): Promise<string> {
    const button = this.submitButton();
    const defaults = Object.fromEntries(button.action.inputs.filter((i) => i.defaultValue !== undefined).map((i) => [i.id, i.defaultValue!]));
    return this.click(new RegExp(`^${button.label}$`), { ...defaults, ...inputs });
  }
}

/** The same chat orders again: the saved details and methods confirmed in one click, within RETURNING_TURNS. */
async function orderAgainWithSavedDetails(customer: CountedCustomer): Promise<void> {
  const returning = new CountedCustomer(customer.chat);
  expect(await returning.say('2 red canon eos 5d')).toMatch(/added/i);
  expect(await returning.click(/checkout/i)).toMatch(/saved details/i);
  expect(await returning.click(/^yes$/i)).toMatch(/place order/i);
  expect(await returning.click(/place order/i)).toMatch(/order number is \d+/i);
  if (process.env.E2E_SHOW) console.log(`returning customer: ${returning.turns} turns`);
  expect(returning.turns).toBeLessThanOrEqual(RETURNING_TURNS);
}

describe('turns of a one-product order', () => {
  let shop: Shop;
  beforeAll(async () => {
    shop = await startShop(createOrderBot);
  });
  afterAll(() => shop.close());
  beforeEach(() => restock(shop.store));

  /** Search with product, option and quantity in one sentence, checkout, details, methods, place: the order. */
  async function orderWithForms(customer: CountedCustomer): Promise<void> {
    expect(await customer.say('2 red canon eos 5d')).toMatch(/added/i);
    expect(await customer.click(/checkout/i)).toMatch(/contact details/i);
    expect(await customer.submit(CONTACT)).toMatch(/billing address/i);
    const germany = customer.choice('country', /^germany$/i);
    // The form starts with the country of the customer's language (the United States): changed, with the region typed.
    const address = { country: germany, zone: 'Berlin', city: 'Berlin', address1: 'Hauptstr. 1', postcode: '10115' };
    expect(await customer.submit(address)).toMatch(/flat shipping/i);
    await customer.click(/flat shipping/i);
    await customer.click(/cash on delivery/i);
    expect(await customer.click(/place order/i)).toMatch(/order number is \d+/i);
  }

  async function orderTyped(customer: CountedCustomer): Promise<void> {
    expect(await customer.say('2 red canon eos 5d')).toMatch(/added/i);
    expect(await customer.click(/checkout/i)).toMatch(/contact details/i);
    expect(await customer.say('Jane Doe, jane@example.com, +49 30 1234567')).toMatch(/address/i);
    const afterAddress = await customer.say('Hauptstr. 1, 10115 Berlin, Germany');
    expect(afterAddress).toMatch(/flat shipping/i);
    await customer.click(/flat shipping/i);
    await customer.click(/cash on delivery/i);
    expect(await customer.click(/place order/i)).toMatch(/order number is \d+/i);
  }

  it.each<LocalChannelId>(['webchat', 'msteams'])('%s: a new customer in at most 9 turns, a returning one in at most 5', async (channel) => {
    const ordersBefore = shop.store.hooks.orders().length;
    const customer = new CountedCustomer(shop.chat(channel, 'en-US'));
    await customer.chat.start();
    await orderWithForms(customer);
    expect(await customer.click(/^yes$/i)).toMatch(/offer them next time/i); // remember me
    if (process.env.E2E_SHOW) console.log(`new customer: ${customer.turns} turns`);
    expect(customer.turns).toBeLessThanOrEqual(NEW_CUSTOMER_TURNS);

    await orderAgainWithSavedDetails(customer);

    const orders = shop.store.hooks.orders().slice(ordersBefore);
    expect(orders).toHaveLength(2);
    for (const order of orders) {
      expect(order.info).toMatchObject({
        firstname: 'Jane',
        email: 'jane@example.com',
        payment_city: 'Berlin',
        payment_postcode: '10115',
        payment_country_id: '81',
        payment_zone_id: '1256',
        shipping_zone_id: '1256',
        payment_code: 'cod',
        shipping_code: 'flat.flat',
      });
    }
  });

  it('telegram: typed answers with several fields each, new and returning', async () => {
    const ordersBefore = shop.store.hooks.orders().length;
    const customer = new CountedCustomer(shop.chat('telegram', 'en'));
    await customer.chat.start();
    await orderTyped(customer);
    expect(await customer.say('yes')).toMatch(/offer them next time/i);
    if (process.env.E2E_SHOW) console.log(`new customer: ${customer.turns} turns`);
    expect(customer.turns).toBeLessThanOrEqual(NEW_CUSTOMER_TURNS);

    await orderAgainWithSavedDetails(customer);

    const orders = shop.store.hooks.orders().slice(ordersBefore);
    expect(orders.map((o) => o.info)).toEqual([
      expect.objectContaining({ lastname: 'Doe', telephone: '+49 30 1234567', payment_address_1: 'Hauptstr. 1', payment_postcode: '10115', payment_zone_id: '1256' }),
      expect.objectContaining({ lastname: 'Doe', payment_zone_id: '1256', shipping_code: 'flat.flat', payment_code: 'cod' }),
    ]);
  });
});
