import type { AppConfig } from '../config';

/** How orders are watched; see ORDER_WATCH_* in .env.example. */
export interface WatchSettings {
  enabled: boolean;
  watchMs: number;
  firstIntervalMs: number;
  maxIntervalMs: number;
  maxOrders: number;
  finalStatusIds: ReadonlySet<number>;
  /** The status new orders get (OpenCart's config_order_status_id): the first one seen is told only when it differs. */
  initialStatusId: number;
  /** How long one instance holds an order while it checks it. */
  leaseMs: number;
  /** Pending updates kept per conversation (the newest per order). */
  maxPendingPerConversation: number;
}

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

export const DEFAULT_WATCH_SETTINGS: WatchSettings = {
  enabled: true,
  watchMs: 30 * DAY,
  firstIntervalMs: 5 * MINUTE,
  maxIntervalMs: 6 * 60 * MINUTE,
  maxOrders: 2000,
  finalStatusIds: new Set([5, 7, 8, 11, 12, 13, 14, 16]),
  initialStatusId: 1,
  leaseMs: 2 * MINUTE,
  maxPendingPerConversation: 10,
};

export function parseStatusIds(list: string): Set<number> {
  return new Set(list.split(',').map((part) => Number(part.trim())).filter((id) => Number.isInteger(id) && id > 0));
}

export type WatchConfig = Pick<
  AppConfig,
  | 'ORDER_WATCH'
  | 'ORDER_WATCH_DAYS'
  | 'ORDER_WATCH_FIRST_INTERVAL_MINUTES'
  | 'ORDER_WATCH_MAX_INTERVAL_MINUTES'
  | 'ORDER_WATCH_MAX_ORDERS'
  | 'ORDER_FINAL_STATUS_IDS'
  | 'ORDER_INITIAL_STATUS_ID'
>;

export function watchSettings(config: WatchConfig): WatchSettings {
  const firstIntervalMs = config.ORDER_WATCH_FIRST_INTERVAL_MINUTES * MINUTE;
  return {
    ...DEFAULT_WATCH_SETTINGS,
    enabled: config.ORDER_WATCH,
    watchMs: config.ORDER_WATCH_DAYS * DAY,
    firstIntervalMs,
    maxIntervalMs: Math.max(firstIntervalMs, config.ORDER_WATCH_MAX_INTERVAL_MINUTES * MINUTE),
    maxOrders: config.ORDER_WATCH_MAX_ORDERS,
    finalStatusIds: parseStatusIds(config.ORDER_FINAL_STATUS_IDS),
    initialStatusId: config.ORDER_INITIAL_STATUS_ID,
  };
}
