export { createServer, startServer, MESSAGES_PATH, HEALTH_PATH, EDGE_DEFAULTS, type RunningServer, type ServerOptions, type StartServerOptions, type TurnRunner } from './server';
export { createCloudAdapter, botAuthOptions, isAnonymous, BotCloudAdapter, adapterIsAnonymous, type BotCredentials, type CloudAdapterOptions } from './adapter';
export { createTurnErrorHandler, describeError, translatedTurnErrorText, TURN_ERROR_KEY, type TurnErrorText } from './turn-error';
export { createStorage, type StorageKind } from './storage';
export { startBotApp, type BotApp, type BotAppOptions, type BotDeps, type BotFactory } from './app';
export { checkStoreAccess, type StoreAccess } from './store-check';
export { readJsonBody, replyBodyError, isJsonContentType, type JsonBodyOptions, type JsonBodyResult, type JsonBodyError } from './http/json-body';
export { checkIncomingActivity, incomingActivitySchema, ACTIVITY_LIMITS, type IncomingActivity } from './http/activity-schema';
export { isLoopbackHostname, isLoopbackUrl } from './http/loopback';
