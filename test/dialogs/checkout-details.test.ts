import { ADD_MACBOOK, ADDRESS_DE, CONTACT, TO_SUMMARY, dialogTable } from './table';

dialogTable('the cart', [
  {
    name: 'a line quantity is changed and a line removed from the cart card',
    turns: [
      ...ADD_MACBOOK,
      { press: /^Change quantity/, expect: ['How many MacBook would you like?'] },
      { say: 'many', expect: ['Please type the quantity as a number'] },
      { say: '3', expect: ['Quantity: 3', 'Total: $1,806.00'] },
      { press: /^Remove/, expect: ['Removed MacBook from your cart.', 'Your cart is empty.', 'What are you looking for?'] },
    ],
  },
  { name: '"add something else" goes back to searching', turns: [...ADD_MACBOOK, { press: 'Add something else', expect: ['What are you looking for?'] }] },
  { name: 'typing words at the cart searches', turns: [...ADD_MACBOOK, { say: 'canon', expect: ['Canon EOS 5D'] }] },
  {
    name: 'a change typed at the cart is made as its buttons make it',
    turns: [
      ...ADD_MACBOOK,
      { say: 'macbook to 3', expect: ['Changed MacBook to 3.', 'Quantity: 3', 'Total: $1,806.00'] },
      { say: 'remove the iphone', expect: ["I don't see that in your cart.", 'Your cart'], not: ['I found'] },
      { say: 'Remove the MacBook', expect: ['Removed MacBook from your cart.', 'Your cart is empty.'] },
    ],
  },
  {
    name: 'typed changes in German',
    options: { template: { locale: 'de' } },
    turns: [
      { say: 'macbook', expect: ['MacBook Air'] },
      { press: 'Auswählen' },
      { say: '1' },
      { say: 'MacBook auf 2', expect: ['MacBook: Menge auf 2 geändert.'] },
      { say: 'entferne das macbook', expect: ['MacBook wurde aus dem Warenkorb entfernt.'] },
    ],
  },
  {
    name: 'typed changes in Russian',
    options: { template: { locale: 'ru' } },
    turns: [
      { say: 'macbook', expect: ['MacBook Air'] },
      { press: 'Выбрать' },
      { say: '1' },
      { say: 'macbook на 2', expect: ['Количество MacBook изменено на 2.'] },
      { say: 'убери macbook', expect: ['MacBook удалён из корзины.'], not: ['Нашёл'] },
    ],
  },
]);

dialogTable('contact details', [
  {
    name: 'bad names, emails and phones are refused with a reason and asked again',
    turns: [
      ...ADD_MACBOOK,
      { press: 'Checkout' },
      { say: '12345', expect: ["That doesn't look like a name."] },
      { say: 'Jane' },
      { say: 'x'.repeat(40), expect: ['Please keep it to 32 characters.'] },
      { say: 'Doe' },
      { say: 'jane@', expect: ["That email address doesn't look right"] },
      { say: 'jane@example.com' },
      { say: 'call me', expect: ["That phone number doesn't look right"] },
      { say: '+44 20 7946 0958', expect: ['postcode and country'] },
    ],
  },
]);

dialogTable('addresses', [
  {
    name: 'an unknown country and region are refused; a postcode is asked where the country needs it',
    turns: [...ADD_MACBOOK, ...CONTACT, { say: 'Atlantis', expect: ["I don't know that country"] }, { say: 'DE', expect: ['Which region or state in Germany?'] }, { say: 'Mordor', expect: ["I don't know that region"] }, { say: 'Bayern', expect: ['Which city?'] }, { say: 'München' }, { say: 'X', expect: ['Please type the street'] }, { say: 'Marienplatz 1', expect: ['postcode'] }, { say: '80331', expect: ['How shall we ship it?'] }],
  },
  {
    name: "a postcode in the wrong format for the country is refused with an example of the country's format",
    turns: [
      ...ADD_MACBOOK,
      ...CONTACT,
      { say: 'Germany, Bayern' },
      { say: 'München' },
      { say: 'Marienplatz 1', expect: ['postcode'] },
      { say: '8033', expect: ["That postcode doesn't look right for Germany. It looks like 10117 there."] },
      { say: 'SW1A 2AA', expect: ["doesn't look right for Germany"] },
      { say: '80331', expect: ['How shall we ship it?'] },
    ],
  },
  {
    name: 'a US ZIP code is taken as the US writes it',
    turns: [...ADD_MACBOOK, ...CONTACT, { say: 'California, USA' }, { say: 'Los Angeles' }, { say: '1 Main Street' }, { say: '9021', expect: ['It looks like 90210 there.'] }, { say: '90210-1234', expect: ['How shall we ship it?'] }],
  },
  {
    name: 'an ambiguous country is offered as buttons; no postcode where none is needed',
    turns: [...ADD_MACBOOK, ...CONTACT, { say: 'united', expect: ['Which one do you mean?', '[United Kingdom]', '[United States]'] }, { press: 'United Kingdom', expect: ['Which region or state in United Kingdom?'] }, { say: 'greater london' }, { say: 'London' }, { say: '10 Downing Street', expect: ['How shall we ship it?'], not: ['postcode'] }],
  },
  {
    name: 'a different delivery address is asked when the customer says no',
    turns: [
      ...TO_SUMMARY,
      { press: 'Deliver elsewhere', expect: ['Where shall we deliver?', 'postcode and country'] },
      { say: 'GB' },
      { say: 'Greater London' },
      { say: 'London' },
      { say: '221B Baker Street', expect: ['How shall we ship it?'] },
      { press: /^Flat/, expect: ['Please check your order.', '221B Baker Street, London'] },
    ],
  },
  {
    name: 'delivery to the billing address and no code are the summary defaults, each with its button',
    turns: [...TO_SUMMARY.slice(0, -1), { ...TO_SUMMARY.at(-1)!, expect: ['Same as billing address', '[Deliver elsewhere]', '[Add a coupon or gift voucher]'], not: ['same address?'] }],
  },
  {
    name: 'nothing to ship: no delivery questions at all',
    turns: [{ say: 'gift' }, { press: 'Choose' }, { say: '1' }, ...CONTACT, { say: 'Germany' }, { say: 'Berlin' }, { say: 'Berlin' }, { say: 'Unter den Linden 1' }, { say: '10117', expect: ['How would you like to pay?'], not: ['same address', 'ship'] }],
  },
]);

dialogTable('methods and codes', [
  {
    name: 'methods are chosen by button; a code is added from the summary',
    turns: [...ADD_MACBOOK, ...CONTACT, ...ADDRESS_DE, { press: /^Pickup/, expect: ['Cash On Delivery', 'Bank Transfer'] }, { press: 'Bank Transfer', expect: ['Please check your order.'] }, { press: 'Add a coupon or gift voucher', expect: ['Do you have a coupon'] }, { say: 'GIFT50', expect: ['Gift voucher GIFT50 applied.', 'voucher GIFT50', 'Bank Transfer', 'Pickup From Store'] }],
  },
]);

dialogTable('the summary', [
  {
    name: 'places the order and offers to remember the details',
    turns: [...TO_SUMMARY, { press: 'Place order', expect: ['Your order number is 1001', 'remember your contact details'] }, { press: 'Yes', expect: ["I'll offer them next time."] }],
  },
  {
    name: 'changing the address from the summary asks only that again, then the methods it affects',
    turns: [
      ...TO_SUMMARY,
      { press: /^Change/, nth: 2, expect: ['Now the billing address.', 'postcode and country'] },
      { say: 'GB' },
      { say: 'Greater London' },
      { say: 'London' },
      { say: '10 Downing Street', expect: ['How shall we ship it?'], not: ['same address'] },
      { press: /^Flat/, expect: ['How would you like to pay?'] },
      { press: 'Cash On Delivery', expect: ['Please check your order.', '10 Downing Street, London, Greater London, United Kingdom'], not: ['Do you have a coupon'] },
    ],
  },
  {
    name: 'a typed "change my details" at the summary asks the contact again and comes back',
    turns: [...TO_SUMMARY, { say: 'change my details', expect: ['contact details'] }, { say: 'John' }, { say: 'Roe' }, { say: 'john@example.com' }, { say: '+49 30 901821', expect: ['Please check your order.', 'John Roe, john@example.com'] }],
  },
  { name: 'typing something else at the summary explains the buttons', turns: [...TO_SUMMARY, { say: 'hmm', expect: ['Press "Place order" to order'] }] },
]);
