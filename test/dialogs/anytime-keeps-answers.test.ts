import { ADD_MACBOOK, ADDRESS_DE, CONTACT, FINISH_US, dialogTable, type Turn } from './table';
import type { FakeCheckout } from './fakes';
import { shown } from './harness';

type Json = Record<string, unknown>;

/** The prefilled inputs of the form in the last replies (webchat/msteams), or null where no form was sent (telegram). */
function formValues(replies: { attachments?: { content?: unknown }[] }[]): Record<string, unknown> | null {
  const values: Record<string, unknown> = {};
  let found = false;
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== 'object' || node === null) return;
    const el = node as Json;
    if (typeof el.type === 'string' && el.type.startsWith('Input.')) {
      found = true;
      if (el.value !== undefined) values[String(el.id)] = el.value;
    }
    Object.values(el).forEach(walk);
  };
  walk(replies.map((r) => r.attachments?.map((a) => a.content)));
  return found ? values : null;
}

/**
 * Checks the last replies resumed where the customer was: the form again with what was given prefilled
 * (webchat/msteams), or the open question itself and not an earlier one (telegram).
 */
function resumedAt(question: string, prefilled: Record<string, string>, earlier: string[]): Turn {
  return {
    act: (bot) => {
      const values = formValues(bot.last);
      if (values) return expect(values).toMatchObject(prefilled);
      const text = shown(bot.last);
      expect(text).toContain(question);
      for (const e of earlier) expect(text).not.toContain(e);
    },
  };
}
const CALIFORNIA_KEPT = { country: '223', zone: '3624' };

/** The US address started: country and region given in one answer, the city asked. */
const CALIFORNIA: Turn[] = [...ADD_MACBOOK, ...CONTACT, { say: 'California, USA', expect: ['Which city?'] }];

dialogTable('"cart" while a product is being added keeps that product', [
  {
    name: 'at the quantity: the cart is shown, the quantity asked again, and the answer adds the product',
    turns: [
      ...ADD_MACBOOK,
      { say: 'macbook air', expect: ['How many MacBook Air would you like?'] },
      { say: 'cart', expect: ['Your cart', '1 item', 'How many MacBook Air would you like?'] },
      { say: '2', expect: ['Added 2 × MacBook Air to your cart.'] },
    ],
  },
  {
    name: 'the cart card shown meanwhile still works: its Checkout goes to checkout',
    turns: [
      ...ADD_MACBOOK,
      { say: 'macbook air' },
      { say: 'cart', expect: ['How many MacBook Air would you like?'] },
      { press: 'Checkout', expect: ['contact details'] },
    ],
  },
  {
    name: 'with nothing in the cart yet, it says so and asks the quantity again',
    turns: [
      { say: 'macbook air', expect: ['How many MacBook Air would you like?'] },
      { say: 'cart', expect: ['Your cart is empty.', 'How many MacBook Air would you like?'] },
      { say: '1', expect: ['Added 1 × MacBook Air to your cart.'] },
    ],
  },
]);

dialogTable('an anytime command mid-address keeps what was given', [
  {
    name: '"cart", then the cart\'s "Checkout", continues at the city with country and region kept',
    turns: [
      ...CALIFORNIA,
      { say: 'cart', expect: ['Your cart', 'MacBook'] },
      { press: 'Checkout', not: ['first name', 'Now the billing address.'] },
      resumedAt('Which city?', CALIFORNIA_KEPT, ['postcode and country']),
      ...FINISH_US,
    ],
  },
  {
    name: '"cart", then typing "checkout", continues at the city',
    turns: [
      ...CALIFORNIA,
      { say: 'cart', expect: ['Your cart'] },
      { say: 'checkout' },
      resumedAt('Which city?', CALIFORNIA_KEPT, ['postcode and country']),
      ...FINISH_US,
    ],
  },
  {
    name: '"help" explains and asks the city again, with country and region kept',
    turns: [...CALIFORNIA, { say: 'help', expect: ['Here is what you can say', 'Which city?'], not: ['postcode and country'] }, ...FINISH_US],
  },
  {
    name: 'a later field is kept too: "cart" at the street keeps the city',
    turns: [
      ...CALIFORNIA,
      { say: 'Los Angeles', expect: ['Street and house number?'] },
      { say: 'cart', expect: ['Your cart'] },
      { press: 'Checkout' },
      resumedAt('Street and house number?', { ...CALIFORNIA_KEPT, city: 'Los Angeles' }, ['Which city?', 'postcode and country']),
      { say: '1 Main Street', expect: ['postcode'] },
      { say: '90001', expect: ['How shall we ship it?'] },
      { act: (bot) => expect((bot.checkout as FakeCheckout).paymentAddresses.at(-1)).toMatchObject({ zoneName: 'California', city: 'Los Angeles' }) },
    ],
  },
  {
    name: 'a language change mid-address asks the open question again in the new language, answers kept',
    turns: [
      ...CALIFORNIA,
      { say: 'Deutsch', expect: ['Ab jetzt spreche ich Deutsch.'], not: ['postcode and country', 'Welches Land?'] },
      resumedAt('In welchem Ort?', CALIFORNIA_KEPT, ['Postleitzahl und Land']),
      { say: 'Los Angeles' },
      { say: '1 Main Street' },
      { say: '90001' },
      { act: (bot) => expect((bot.checkout as FakeCheckout).paymentAddresses.at(-1)).toMatchObject({ zoneName: 'California', city: 'Los Angeles', postcode: '90001' }) },
    ],
  },
  {
    name: 'contact details: "cart" after the first name keeps it',
    turns: [
      ...ADD_MACBOOK,
      { press: 'Checkout', expect: ['contact details'] },
      { say: 'Jane', expect: ['last name'] },
      { say: 'cart', expect: ['Your cart'] },
      { press: 'Checkout' },
      resumedAt('last name', { firstname: 'Jane' }, ['first name']),
      { say: 'Doe' },
      { say: 'jane@example.com' },
      { say: '+49 30 901820', expect: ['postcode and country'] },
    ],
  },
  {
    name: 'a shipping address being typed is resumed, not the summary or the shipping question again',
    turns: [
      ...ADD_MACBOOK,
      ...CONTACT,
      ...ADDRESS_DE,
      { press: /^Flat Shipping Rate/, expect: ['How would you like to pay?'] },
      { press: 'Cash On Delivery', expect: ['Please check your order.'] },
      { press: 'Deliver elsewhere', expect: [/Delivery address|Where shall we deliver/] },
      { say: 'California, USA', expect: ['Which city?'] },
      { say: 'cart' },
      { press: 'Checkout', not: ['How shall we ship it?', 'Please check your order.'] },
      resumedAt('Which city?', CALIFORNIA_KEPT, ['postcode and country']),
    ],
  },
  {
    name: '"change address" mid-address starts the address afresh',
    turns: [...CALIFORNIA, { say: 'change address', expect: ['postcode and country'] }],
  },
]);
