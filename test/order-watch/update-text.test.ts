import { createTranslator } from '../../src/i18n';
import { updateText } from '../../src/order-watch';

describe('the update told to the customer', () => {
  const translator = createTranslator();
  const update = (statusId: number, storeStatusName = '') => ({ orderId: 24, statusId, storeStatusName, at: 0 });

  it.each([
    ['en', 'Your order 24 is now shipped.'],
    ['de', 'Neuer Stand Ihrer Bestellung 24: versandt.'],
    ['ru', 'Новый статус вашего заказа 24: отправлен.'],
  ])('names a default status in %s', (locale, text) => {
    expect(updateText(translator, locale, update(3, 'Shipped'))).toBe(text);
  });

  it("uses the store's own name for a renamed or added status", () => {
    expect(updateText(translator, 'de', update(3, 'Unterwegs'))).toBe('Neuer Stand Ihrer Bestellung 24: Unterwegs.');
    expect(updateText(translator, 'en', update(17, 'Ready for pickup'))).toBe('Your order 24 is now Ready for pickup.');
  });
});
