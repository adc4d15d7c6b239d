export { OrderDialogs } from './order-dialogs';
export { OrderStateStore, flowStateSchema, profileSchema, loadCheckoutState, type FlowState, type Profile } from './order-state';
export { setTurnLocale, localeOf, type DialogDeps } from './turn';
export { DIALOG } from './ids';
