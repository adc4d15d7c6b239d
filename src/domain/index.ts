export * from './draft';
export * from './checkout-port';
export { createCheckoutService, type CheckoutDeps } from './checkout';
export { LINE_RENEW_AFTER_MS, matchLines } from './checkout/projection';
export * from './parsers';
