import type { OpenCartApi, OrderInfo } from '../../opencart/api';
import { orderReferenceAgent } from '../../opencart/transport';

/** At most this many order/info calls per lookup (galloping to the newest order, bisecting, then the window). */
const MAX_PROBES = 100;
/** Missing ids tolerated in a row while looking for the newest order (orders deleted in the admin leave holes). */
const GAP = 3;
/** How far below the newest order the placement is looked for (orders other customers placed since). */
const WINDOW = 30;

export class LookupExhausted extends Error {
  constructor() {
    super('order lookup used all its probes');
  }
}

/** order/info by id, each id asked once; NOT_FOUND is null, any other refusal or transport error is thrown. */
class Prober {
  private readonly seen = new Map<number, OrderInfo | null>();
  private probes = 0;

  constructor(private readonly api: Pick<OpenCartApi, 'orderInfo'>) {}

  async info(id: number): Promise<OrderInfo | null> {
    if (id < 1) return null;
    const cached = this.seen.get(id);
    if (cached !== undefined) return cached;
    if (++this.probes > MAX_PROBES) throw new LookupExhausted();
    const answer = await this.api.orderInfo(id);
    if (!answer.ok && answer.code !== 'NOT_FOUND') throw new Error(`order/info refused: ${answer.code}`);
    const info = answer.ok ? answer.value : null;
    this.seen.set(id, info);
    return info;
  }

  async exists(id: number): Promise<boolean> {
    return (await this.info(id)) !== null;
  }
}

/**
 * The highest order id in the store, from `base` (an id known to have been issued, or 0): gallop up while ids exist,
 * bisect the last step, then walk on over holes of fewer than GAP ids. O(log n) calls.
 */
async function newestOrderId(prober: Prober, base: number): Promise<number> {
  let low = base;
  let step = 1;
  while (step < 2 ** 31 && (await prober.exists(low + step))) {
    low += step;
    step *= 2;
  }
  let high = low + step;
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if (await prober.exists(mid)) low = mid;
    else high = mid;
  }
  for (let id = low + 1, misses = 0; misses < GAP; id++) {
    if (await prober.exists(id)) {
      low = id;
      misses = 0;
    } else misses++;
  }
  return low;
}

export interface PlacementLookup {
  reference: string;
  email: string;
  /** The highest order id known before order/add was sent; null when none was (then the whole store is galloped). */
  lookFrom: number | null;
}

/**
 * Finds the order a placement created, if any, by looking only (OpenCart 3.0's API has no order search). order/add
 * sent the placement's reference in its User-Agent, which OpenCart stores in the order row and order/info returns as
 * `user_agent`; the e-mail must match too. Order ids only grow, so the order is above `lookFrom`, and being recent it
 * is near the newest order: the newest id is found by galloping and bisecting, then the WINDOW below it is read.
 * Answers the order id, or null when no such order exists in that window; throws when it could not look.
 */
export async function findPlacedOrder(api: Pick<OpenCartApi, 'orderInfo'>, lookup: PlacementLookup): Promise<{ orderId: number | null; newest: number }> {
  const prober = new Prober(api);
  const base = Math.max(0, lookup.lookFrom ?? 0);
  const newest = await newestOrderId(prober, base);
  const agent = orderReferenceAgent(lookup.reference);
  for (let id = newest; id > Math.max(base, newest - WINDOW); id--) {
    const info = await prober.info(id);
    const userAgent = typeof info?.raw.user_agent === 'string' ? info.raw.user_agent : '';
    if (info && userAgent === agent && info.email.toLowerCase() === lookup.email.toLowerCase()) {
      return { orderId: info.orderId, newest };
    }
  }
  return { orderId: null, newest };
}
