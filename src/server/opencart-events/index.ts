export { openCartEventsRoute, OPENCART_EVENTS_PATH, type OpenCartEventsDeps } from './route';
export { signEvent, verifyEvent, ReplayCache, EVENT_SCHEME, EVENT_MAX_SKEW_MS, SIGNATURE_HEADER, TIMESTAMP_HEADER } from './signature';
