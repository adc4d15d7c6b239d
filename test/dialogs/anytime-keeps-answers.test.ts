import { ADD_MACBOOK, CONTACT, FINISH_US, dialogTable, type Turn } from './table';
import type { FakeCheckout } from './fakes';

/** The US address started: country and region given in one answer, the city asked. */
const CALIFORNIA: Turn[] = [...ADD_MACBOOK, ...CONTACT, { say: 'California, USA', expect: ['Which city?'] }];

dialogTable('an anytime command mid-address keeps what was given', [
  {
    name: '"cart", then the cart\'s "Checkout", continues at the city with country and region kept',
    turns: [
      ...CALIFORNIA,
      { say: 'cart', expect: ['Your cart', 'MacBook'] },
      { press: 'Checkout', expect: ['Which city?'], not: ['postcode and country', 'first name', 'Now the billing address.'] },
      ...FINISH_US,
    ],
  },
  {
    name: '"cart", then typing "checkout", continues at the city',
    turns: [...CALIFORNIA, { say: 'cart', expect: ['Your cart'] }, { say: 'checkout', expect: ['Which city?'], not: ['postcode and country'] }, ...FINISH_US],
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
      { press: 'Checkout', expect: ['Street and house number?'], not: ['Which city?', 'postcode and country'] },
      { say: '1 Main Street', expect: ['postcode'] },
      { say: '90001', expect: ['How shall we ship it?'] },
      { act: (bot) => expect((bot.checkout as FakeCheckout).paymentAddresses.at(-1)).toMatchObject({ zoneName: 'California', city: 'Los Angeles' }) },
    ],
  },
  {
    name: 'a language change mid-address asks the open question again in the new language, answers kept',
    turns: [
      ...CALIFORNIA,
      { say: 'Deutsch', expect: ['Ab jetzt spreche ich Deutsch.', 'In welchem Ort?'], not: ['postcode and country', 'Welches Land?'] },
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
      { press: 'Checkout', expect: ['last name'], not: ['first name'] },
      { say: 'Doe' },
      { say: 'jane@example.com' },
      { say: '+49 30 901820', expect: ['postcode and country'] },
    ],
  },
  {
    name: 'a shipping address being typed is resumed, not the same-address question again',
    turns: [
      ...ADD_MACBOOK,
      ...CONTACT,
      { say: 'Germany' },
      { say: 'Berlin' },
      { say: 'Berlin' },
      { say: 'Unter den Linden 1' },
      { say: '10117', expect: ['How shall we ship it?'] },
      { press: 'No', expect: ['postcode and country'] },
      { say: 'California, USA', expect: ['Which city?'] },
      { say: 'cart' },
      { press: 'Checkout', expect: ['Which city?'], not: ['How shall we ship it?', 'postcode and country'] },
    ],
  },
  {
    name: '"change address" mid-address starts the address afresh',
    turns: [...CALIFORNIA, { say: 'change address', expect: ['postcode and country'] }],
  },
]);
