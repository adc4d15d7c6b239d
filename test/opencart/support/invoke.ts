import type { OpenCartApi, OptionSelection, Outcome } from '../../../src/opencart';

/** Calls the client method of a recorded route with arguments read from the recorded form and query. */
export function invokeRecorded(
  api: OpenCartApi,
  route: string,
  form: [string, string][],
  query: Record<string, string>,
): Promise<Outcome<unknown>> {
  const field = (name: string, fallback = ''): string => form.find(([k]) => k === name)?.[1] ?? fallback;
  const num = (name: string, fallback = 0): number => {
    const n = Number(field(name, String(fallback)));
    return Number.isFinite(n) ? n : fallback;
  };
  const orderId = Number(query.order_id ?? 0) || 0;
  const address = () => ({
    firstname: field('firstname'),
    lastname: field('lastname'),
    company: field('company'),
    address_1: field('address_1'),
    address_2: field('address_2'),
    city: field('city'),
    postcode: field('postcode'),
    country_id: num('country_id'),
    zone_id: num('zone_id'),
  });
  switch (route) {
    case 'api/login':
      return api.login();
    case 'api/currency':
      return api.currency(field('currency'));
    case 'api/cart/add': {
      const options: OptionSelection = {};
      for (const [k, v] of form) {
        const m = /^option\[(\d+)\](\[\])?$/.exec(k);
        if (!m?.[1]) continue;
        const id = m[1];
        if (m[2]) options[id] = [...((options[id] as string[] | undefined) ?? []), v];
        else options[id] = v;
      }
      return api.cartAdd({ productId: num('product_id'), quantity: num('quantity', 1), options });
    }
    case 'api/cart/edit':
      return api.cartEdit(field('key'), num('quantity'));
    case 'api/cart/remove':
      return api.cartRemove(field('key'));
    case 'api/coupon':
      return api.coupon(field('coupon'));
    case 'api/voucher':
      return api.voucher(field('voucher'));
    case 'api/voucher/add':
      return api.voucherAdd({
        from_name: field('from_name'),
        from_email: field('from_email'),
        to_name: field('to_name'),
        to_email: field('to_email'),
        voucher_theme_id: num('voucher_theme_id'),
        message: field('message'),
        amount: num('amount'),
      });
    case 'api/customer':
      return api.customer({
        firstname: field('firstname'),
        lastname: field('lastname'),
        email: field('email'),
        telephone: field('telephone'),
      });
    case 'api/payment/address':
      return api.paymentAddress(address());
    case 'api/payment/methods':
      return api.paymentMethods();
    case 'api/payment/method':
      return api.paymentMethod(field('payment_method'));
    case 'api/shipping/address':
      return api.shippingAddress(address());
    case 'api/shipping/methods':
      return api.shippingMethods();
    case 'api/shipping/method':
      return api.shippingMethod(field('shipping_method'));
    case 'api/reward':
      return api.reward(num('reward'));
    case 'api/reward/maximum':
      return api.rewardMaximum();
    case 'api/reward/available':
      return api.rewardAvailable();
    case 'api/order/add':
      return api.orderAdd({ payment_method: field('payment_method') || undefined });
    case 'api/order/edit':
      return api.orderEdit(orderId);
    case 'api/order/delete':
      return api.orderDelete(orderId);
    case 'api/order/info':
      return api.orderInfo(orderId);
    case 'api/order/history':
      return api.orderHistory(orderId, { order_status_id: num('order_status_id') });
    default:
      // Routes the client has no method for (unknown, 4.x names): any call meets the same answer.
      return api.cartProducts();
  }
}
