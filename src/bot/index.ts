export { createOrderBot, OrderBot, type OrderBotDeps } from './order-bot';
export { isShopUnreachable } from './shop-errors';
