import { ADD_MACBOOK, ADDRESS_DE, CONTACT, dialogTable } from './table';

const TO_SHIPPING = [...ADD_MACBOOK, ...CONTACT, ...ADDRESS_DE];
const TO_SUMMARY = [
  ...TO_SHIPPING,
  { say: 'pick up from store', expect: ['How would you like to pay?'] },
  { say: 'cash on delivery', expect: ['Please check your order.'] },
];
const TO_QUANTITY = [
  { say: 'macbook', expect: ['MacBook Air'] },
  { press: 'Choose', expect: ['How many MacBook would you like?'] },
];

dialogTable('typed answers at the shipping and payment questions', [
  {
    name: '"pick up from store" and "cash on delivery" typed are taken',
    turns: [
      ...TO_SHIPPING,
      { say: 'pick up from store', expect: ['How would you like to pay?'], not: ['buttons above'] },
      { say: 'cash on delivery', expect: ['Please check your order.', 'Pickup From Store', 'Cash On Delivery'], not: ['buttons above'] },
    ],
  },
  {
    name: '"the second one" and "Nachnahme" with a typo',
    turns: [
      ...TO_SHIPPING,
      { say: 'the second one', expect: ['How would you like to pay?'] },
      { say: 'nachname', expect: ['Please check your order.', 'Pickup From Store', 'Cash On Delivery'] },
    ],
  },
  {
    name: '"flat" and "2" (bank transfer)',
    turns: [
      ...TO_SHIPPING,
      { say: 'FLAT', expect: ['How would you like to pay?'] },
      { say: '2', expect: ['Please check your order.', 'Flat Shipping Rate', 'Bank Transfer'] },
    ],
  },
  {
    name: 'an answer naming no method is refused with the buttons again, and the question stays open',
    turns: [
      ...TO_SHIPPING,
      { say: 'by helicopter', expect: ['by button, number or name', 'Flat Shipping Rate'] },
      { say: 'самовывоз', expect: ['How would you like to pay?'] },
      { say: 'Vorkasse', expect: ['Please check your order.'] },
    ],
  },
  {
    name: '"cash on delivery" typed at the shipping question is no shipping: asked again, then taken at the payment question',
    turns: [
      ...TO_SHIPPING,
      { say: 'cash on delivery', expect: ['by button, number or name', 'Flat Shipping Rate'], not: ['How would you like to pay?'] },
      { say: 'flat', expect: ['How would you like to pay?'] },
      { say: 'cash on delivery', expect: ['Please check your order.', 'Flat Shipping Rate', 'Cash On Delivery'] },
    ],
  },
]);

dialogTable('typed answers at the quantity question', [
  { name: '"the second one" is the second button', turns: [...TO_QUANTITY, { say: 'the second one', expect: ['Added 2 × MacBook to your cart.'] }] },
  { name: '"die zweite" is the second button', turns: [...TO_QUANTITY, { say: 'die zweite', expect: ['Added 2 × MacBook to your cart.'] }] },
  { name: '"второй" is the second button', turns: [...TO_QUANTITY, { say: 'второй', expect: ['Added 2 × MacBook to your cart.'] }] },
  { name: '"last" is the last button', turns: [...TO_QUANTITY, { say: 'last', expect: ['Added 3 × MacBook to your cart.'] }] },
  { name: 'number words: "two"', turns: [...TO_QUANTITY, { say: 'two', expect: ['Added 2 × MacBook to your cart.'] }] },
  { name: 'number words: "zwei"', turns: [...TO_QUANTITY, { say: 'zwei', expect: ['Added 2 × MacBook to your cart.'] }] },
  { name: 'number words: "три"', turns: [...TO_QUANTITY, { say: 'три', expect: ['Added 3 × MacBook to your cart.'] }] },
  { name: 'a number word with a typo: "zwie"', turns: [...TO_QUANTITY, { say: 'zwie', expect: ['Added 2 × MacBook to your cart.'] }] },
  { name: 'digits as before: "7"', turns: [...TO_QUANTITY, { say: '7', expect: ['Added 7 × MacBook to your cart.'] }] },
  {
    name: 'a word far from any number is refused, the question stays open',
    turns: [...TO_QUANTITY, { say: 'lots', expect: ['Please type the quantity as a number'] }, { say: 'drei', expect: ['Added 3 × MacBook to your cart.'] }],
  },
  {
    name: 'with a minimum of 2 the buttons are 2, 3, 4: "one" is below it, "the second one" is 3',
    turns: [
      { say: 'hp', expect: ['[Choose]'] },
      { press: 'Choose', expect: ['Please enter Delivery Date as a date'] },
      { say: '2026-03-31', expect: ['The minimum is 2.'] },
      { say: 'one', expect: ['The minimum quantity is 2.'] },
      { say: 'the second one', expect: ['Added 3 × HP LP3065'] },
    ],
  },
  {
    name: 'with a minimum of 2 a number word is its number, not a button position',
    turns: [
      { say: 'hp', expect: ['[Choose]'] },
      { press: 'Choose', expect: ['Please enter Delivery Date as a date'] },
      { say: '2026-03-31', expect: ['The minimum is 2.'] },
      { say: 'two please', expect: ['Added 2 × HP LP3065'] },
    ],
  },
]);

dialogTable('typed labels of the summary buttons', [
  { name: '"deliver elsewhere" opens the delivery address', turns: [...TO_SUMMARY, { say: 'deliver elsewhere', expect: ['Where shall we deliver?'] }] },
  { name: '"delivr elsewere" (typos) too', turns: [...TO_SUMMARY, { say: 'delivr elsewere', expect: ['Where shall we deliver?'] }] },
  { name: '"woanders liefern" too', turns: [...TO_SUMMARY, { say: 'woanders liefern', expect: ['Where shall we deliver?'] }] },
  { name: '"add a cupon" asks for the code', turns: [...TO_SUMMARY, { say: 'add a cupon', expect: ['Do you have a coupon or gift voucher code?'] }] },
  { name: '"изменить оплату" asks for the payment again', turns: [...TO_SUMMARY, { say: 'изменить оплату', expect: ['How would you like to pay?'] }] },
  { name: '"change payment" asks for the payment again', turns: [...TO_SUMMARY, { say: 'change payment', expect: ['How would you like to pay?'] }] },
  {
    name: '"address" names two parts: a short question naming both, nothing changed or placed',
    turns: [
      ...TO_SUMMARY,
      { say: 'address', expect: ['Which one do you mean: Billing address or Delivery address?'], not: ['Thank you', 'Where shall we deliver?'] },
      { press: 'Delivery address', expect: ['Where shall we deliver?'] },
    ],
  },
  {
    name: 'a typo of "place order" or a fuzzy "yes" never places the order',
    turns: [
      ...TO_SUMMARY,
      { say: 'place ordr', expect: ['Place order'], not: ['Thank you', 'order number'] },
      { say: 'yess', expect: ['Place order'], not: ['Thank you', 'order number'] },
      { say: 'order', expect: ['Place order'], not: ['Thank you', 'order number'] },
    ],
  },
]);
