export { OrderDialogs } from './order-dialogs';
export { OrderStateStore, flowStateSchema, profileSchema, loadCheckoutState, loadFlowState, loadProfile, type FlowState, type Profile } from './order-state';
export { setTurnLocale, localeOf, escapePlainTexts, type DialogDeps } from './turn';
export { DIALOG } from './ids';
