import type { JsonOut } from '../php';
import { cartAdd, cartEdit, cartProductsRoute, cartRemove } from './cart-routes';
import type { ApiContext } from './context';
import { customerRoute, paymentAddressRoute, shippingAddressRoute } from './customer-routes';
import {
  couponRoute, currencyRoute, rewardAvailableRoute, rewardMaximumRoute, rewardRoute, voucherAddRoute, voucherRoute,
} from './discount-routes';
import { loginRoute } from './login-route';
import { paymentMethodRoute, paymentMethodsRoute, shippingMethodRoute, shippingMethodsRoute } from './method-routes';
import { orderAddRoute, orderDeleteRoute, orderEditRoute, orderHistoryRoute, orderInfoRoute } from './order-routes';

/** Every api/ route OpenCart 3.0.5.1 answers; anything else under api/ is the storefront's 404 page. */
export const apiRoutes: Readonly<Record<string, (ctx: ApiContext) => JsonOut>> = {
  'api/login': loginRoute,
  'api/currency': currencyRoute,
  'api/cart/add': cartAdd,
  'api/cart/edit': cartEdit,
  'api/cart/remove': cartRemove,
  'api/cart/products': cartProductsRoute,
  'api/customer': customerRoute,
  'api/payment/address': paymentAddressRoute,
  'api/payment/methods': paymentMethodsRoute,
  'api/payment/method': paymentMethodRoute,
  'api/shipping/address': shippingAddressRoute,
  'api/shipping/methods': shippingMethodsRoute,
  'api/shipping/method': shippingMethodRoute,
  'api/coupon': couponRoute,
  'api/voucher': voucherRoute,
  'api/voucher/add': voucherAddRoute,
  'api/reward': rewardRoute,
  'api/reward/maximum': rewardMaximumRoute,
  'api/reward/available': rewardAvailableRoute,
  'api/order/add': orderAddRoute,
  'api/order/edit': orderEditRoute,
  'api/order/delete': orderDeleteRoute,
  'api/order/info': orderInfoRoute,
  'api/order/history': orderHistoryRoute,
};
