export { createOrderBot, OrderBot, type OrderBotDeps } from './order-bot';
export { isShopUnreachable } from './shop-errors';
export { ConversationTurnQueue } from './turn-queue';
export { TurnGate } from './turn-gate';
