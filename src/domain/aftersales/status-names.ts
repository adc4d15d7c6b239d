/**
 * Order status names in the customer's language. OpenCart 3.0 installs fourteen order statuses with fixed ids and
 * English names; a shop may rename them or add its own. A status is translated when its id is one of those and the
 * store's name (order/info's `order_status`, when given) is still the installer's; a renamed or added status is shown
 * with the store's own name, and a status without any name gets a neutral text. Framework-free (no botbuilder).
 */

/** OpenCart 3.0's default order statuses (oc_order_status, language 1): id -> installer name and locale key. */
export const DEFAULT_ORDER_STATUSES: Readonly<Record<number, { name: string; key: string }>> = {
  1: { name: 'Pending', key: 'pending' },
  2: { name: 'Processing', key: 'processing' },
  3: { name: 'Shipped', key: 'shipped' },
  5: { name: 'Complete', key: 'complete' },
  7: { name: 'Canceled', key: 'canceled' },
  8: { name: 'Denied', key: 'denied' },
  9: { name: 'Canceled Reversal', key: 'canceledReversal' },
  10: { name: 'Failed', key: 'failed' },
  11: { name: 'Refunded', key: 'refunded' },
  12: { name: 'Reversed', key: 'reversed' },
  13: { name: 'Chargeback', key: 'chargeback' },
  14: { name: 'Expired', key: 'expired' },
  15: { name: 'Processed', key: 'processed' },
  16: { name: 'Voided', key: 'voided' },
};

/** Longest store status name shown (oc_order_status.name is varchar(32)); longer is cut. */
const MAX_STORE_NAME = 32;

/** The locale key (under locales/<lng>/aftersales.json) and its values that name a status. */
export interface StatusLabel {
  key: string;
  vars?: Record<string, string>;
  /** The translated text, when a translator was given. */
  text?: string;
}

/** A translator bound to the customer's locale: (key, vars) => text, as the dialogs' `translate(ctx, …)` gives. */
export type LocaleTranslate = (key: string, vars?: Record<string, unknown>) => string;

const sameName = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * How to name order status `statusId`: `aftersales.status.<key>` for OpenCart's default statuses (unless the store
 * renamed it: `storeName` differs), `aftersales.status.named` with the store's name for others, and
 * `aftersales.status.unknown` when there is no name. With `t`, `text` holds the translation too.
 */
export function statusLabel(statusId: number, t?: LocaleTranslate, storeName?: string): StatusLabel {
  const known = DEFAULT_ORDER_STATUSES[statusId];
  const name = (storeName ?? '').trim().slice(0, MAX_STORE_NAME);
  let label: StatusLabel;
  if (known && (!name || sameName(name, known.name))) label = { key: `aftersales.status.${known.key}` };
  else if (name) label = { key: 'aftersales.status.named', vars: { name } };
  else label = { key: 'aftersales.status.unknown' };
  return t ? { ...label, text: t(label.key, label.vars) } : label;
}

/** Statuses after which nothing more happens to an order in a default OpenCart 3.0 shop. */
export const FINAL_ORDER_STATUS_IDS: ReadonlySet<number> = new Set([5, 7, 8, 11, 12, 13, 14, 16]);
