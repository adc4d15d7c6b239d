import { ADD_MACBOOK, ADDRESS_DE, CONTACT, dialogTable } from './table';

const TO_SHIPPING = [...ADD_MACBOOK, ...CONTACT, ...ADDRESS_DE];

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
]);
