export * from './draft';
export * from './checkout-port';
export { createCheckoutService, type CheckoutDeps } from './checkout';
export { reapplyDraft } from './checkout/reapply';
export { reconcileCart, productsOutOfStep } from './checkout/reconcile';
export * from './parsers';
