import pino from 'pino';
import type { Logger } from 'pino';
import { systemClock, type Clock } from '../clock';
import type { OpenCartEndpoint, OpenCartSessionFactory } from './api';
import { OpenCartClient } from './client';
import { OpenCartTransport } from './transport';

export * from './api';
export * from './errors';
export { OpenCartClient } from './client';
export { SessionQueue } from './queue';

export interface SessionFactoryOptions {
  /** Per request; default 10 s. */
  timeoutMs?: number;
  logger?: Logger;
  clock?: Clock;
  /** Extra attempts after a transport failure, for calls that are safe to repeat; default 2. */
  maxRetries?: number;
  /** Pause before retry n; default 25 ms × n. */
  retryDelayMs?: (retry: number) => number;
}

/** One transport (keep-alive agents) per endpoint, shared by every session the factory makes. */
export function createSessionFactory(endpoint: OpenCartEndpoint, opts: SessionFactoryOptions = {}): OpenCartSessionFactory {
  const baseUrl = endpoint.baseUrl.endsWith('/') ? endpoint.baseUrl : `${endpoint.baseUrl}/`;
  const transport = new OpenCartTransport(baseUrl, {
    timeoutMs: opts.timeoutMs ?? 10_000,
    maxRetries: opts.maxRetries ?? 2,
    ...(opts.retryDelayMs ? { retryDelayMs: opts.retryDelayMs } : {}),
  });
  const deps = {
    endpoint: { ...endpoint, baseUrl },
    transport,
    clock: opts.clock ?? systemClock,
    logger: (opts.logger ?? pino({ level: 'silent' })).child({ component: 'opencart' }),
  };
  return (state, hooks) => new OpenCartClient(deps, state, hooks);
}
