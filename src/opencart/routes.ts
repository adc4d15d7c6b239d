import { z } from 'zod';
import { cartProductsAnswer } from './schemas/cart';
import { paymentMethodsAnswer, rewardAvailableAnswer, rewardMaximumAnswer, shippingMethodsAnswer } from './schemas/checkout';
import { successAnswer } from './schemas/common';
import { loginSuccess } from './schemas/login';
import { orderAddAnswer, orderInfoAnswer } from './schemas/order';

/** One API route: its name, whether a transport failure may be retried, and its success schema. */
export interface RouteSpec<T> {
  route: string;
  /** False where a second delivery would change more (adds, orders): never repeated automatically. */
  repeatable: boolean;
  success: z.ZodType<T>;
}

const done = successAnswer.transform((): undefined => undefined);

function spec<T>(route: string, repeatable: boolean, success: z.ZodType<T>): RouteSpec<T> {
  return { route, repeatable, success };
}

export const ROUTES = {
  login: spec('api/login', true, loginSuccess.transform((a) => ({ token: a.api_token }))),
  currency: spec('api/currency', true, done),
  cartAdd: spec('api/cart/add', false, done),
  cartEdit: spec('api/cart/edit', true, done),
  cartRemove: spec('api/cart/remove', true, done),
  cartProducts: spec('api/cart/products', true, cartProductsAnswer),
  coupon: spec('api/coupon', true, done),
  voucher: spec('api/voucher', true, done),
  voucherAdd: spec('api/voucher/add', false, done),
  customer: spec('api/customer', true, done),
  paymentAddress: spec('api/payment/address', true, done),
  paymentMethods: spec('api/payment/methods', true, paymentMethodsAnswer),
  paymentMethod: spec('api/payment/method', true, done),
  shippingAddress: spec('api/shipping/address', true, done),
  shippingMethods: spec('api/shipping/methods', true, shippingMethodsAnswer),
  shippingMethod: spec('api/shipping/method', true, done),
  reward: spec('api/reward', true, done),
  rewardMaximum: spec('api/reward/maximum', true, rewardMaximumAnswer),
  rewardAvailable: spec('api/reward/available', true, rewardAvailableAnswer),
  orderAdd: spec('api/order/add', false, orderAddAnswer),
  orderEdit: spec('api/order/edit', false, done),
  orderDelete: spec('api/order/delete', false, done),
  orderInfo: spec('api/order/info', true, orderInfoAnswer),
  orderHistory: spec('api/order/history', false, done),
} as const;
