import type { PaymentMethod } from '../opencart/api';
import type { CardModel, Translate } from './model';

/** Payment methods as buttons. */
export function paymentMethodsCard(methods: PaymentMethod[], t: Translate): CardModel {
  return {
    title: t('payment.title'),
    buttons: methods.map((m) => ({ title: m.title, action: { a: 'pay' as const, v: m.code } })),
  };
}
