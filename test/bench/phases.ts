import { seededRandom } from '../reliability/fault-proxy';
import { emptyStats, playOrder, runCustomers, type CustomersOptions, type Target } from './driver';
import { midOrder, wholeOrder, type OrderWay } from './orders';
import { liveHeapMiB } from './inspector';
import { latenciesWithoutOpenCart, openCartCallCollector } from './opencart-time';
import { CpuMeter, rssMiB } from './proc-stats';
import { sleep } from './processes';
import { control, openTarget, startRig, type BotKind } from './session';
import { medianBy, percentile } from './stats';

const cpuMs = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1000;

/** The measured phases. Each starts fresh processes, so one phase's leftovers never weigh on the next. */

export interface LoadResult {
  kind: BotKind;
  customers: number;
  orders: number;
  failedOrders: number;
  cutOrders: number;
  turns: number;
  turnsPerS: number;
  p50: number;
  p95: number;
  p99: number;
  /** p99 of the turns' latency less the OpenCart calls logged for them (the echo and floor bots make none). */
  p99WithoutOpenCart: number;
  cpuPerTurnMs: number;
  idleRssMiB: number;
  peakRssMiB: number;
  /** CPU of this process (driver + connector) per turn: if it nears the wall time, the driver is the limit. */
  driverCpuPerTurnMs: number;
  failures: string[];
}

/** C customers placing whole 1-line orders at once, after their connections were opened. */
export function loadPhase(kind: BotKind, customers: number, ordersEach: number, budgetMs: number): Promise<LoadResult> {
  return customersPhase(kind, { customers, ordersEach, steps: () => wholeOrder(1), budgetMs });
}

const START_SPREAD_MS = 3000;
const THINK_MIN_MS = 1000;
const THINK_MAX_MS = 3000;

/**
 * C customers who read before they answer, one whole 1-line order each: a customer starts at a uniform random
 * point of the first 3 s and waits 1–3 s (uniform) before each further turn.
 */
export function thinkPhase(kind: BotKind, customers: number, budgetMs: number): Promise<LoadResult> {
  return customersPhase(kind, {
    customers,
    ordersEach: 1,
    steps: () => wholeOrder(1),
    budgetMs,
    thinkMs: readingTimes(),
  });
}

/** Each customer's waits come from mulberry32 (seededRandom) seeded with its index, so every run waits the same. */
function readingTimes(): (customer: number, turn: number) => number {
  const streams = new Map<number, () => number>();
  return (customer, turn) => {
    const next = streams.get(customer) ?? seededRandom(customer);
    streams.set(customer, next);
    const draw = next();
    return turn === 0 ? draw * START_SPREAD_MS : THINK_MIN_MS + draw * (THINK_MAX_MS - THINK_MIN_MS);
  };
}

/** A fresh rig of `kind` with C connections open, the customers run on it, its CPU and RSS read around them. */
async function customersPhase(kind: BotKind, run: CustomersOptions): Promise<LoadResult> {
  const { customers } = run;
  // At debug level the bot logs each OpenCart call with its duration and conversation (see opencart-time.ts).
  const rig = await startRig(kind, kind === 'bot' ? { env: { LOG_LEVEL: 'debug' } } : {});
  try {
    const target = await openTarget(rig, customers);
    const openCart = openCartCallCollector();
    rig.proc.onLine(openCart.take);
    const idleRssMiB = rssMiB(rig.proc.pid);
    const meter = new CpuMeter(rig.proc.pid);
    const sampler = setInterval(() => meter.sample(), 250);
    const driverCpu = process.cpuUsage();
    const stats = emptyStats();
    const { wallMs } = await runCustomers(target, run, stats);
    clearInterval(sampler);
    meter.sample();
    return {
      kind,
      customers,
      orders: stats.orders - stats.cutOrders,
      failedOrders: stats.failedOrders,
      cutOrders: stats.cutOrders,
      turns: stats.turns,
      turnsPerS: stats.turns / (wallMs / 1000),
      p50: percentile(stats.latencies, 50),
      p95: percentile(stats.latencies, 95),
      p99: percentile(stats.latencies, 99),
      p99WithoutOpenCart: percentile(latenciesWithoutOpenCart(stats.spans, openCart.calls), 99),
      cpuPerTurnMs: meter.elapsedMs() / Math.max(1, stats.turns),
      idleRssMiB,
      peakRssMiB: meter.peakRss,
      driverCpuPerTurnMs: cpuMs(process.cpuUsage(driverCpu)) / Math.max(1, stats.turns),
      failures: stats.failures,
    };
  } finally {
    await rig.close();
  }
}

export interface AgingBlock {
  block: number;
  orders: number;
  failedOrders: number;
  cpuPerTurnMs: number;
  rssMiB: number;
}

/** One process, orders one after another in blocks: CPU per turn by block shows whether cost grows with age. */
export async function agingPhase(kind: BotKind, blocks: number, ordersPerBlock: number, budgetMs: number): Promise<AgingBlock[]> {
  const rig = await startRig(kind);
  const deadline = performance.now() + budgetMs;
  const out: AgingBlock[] = [];
  try {
    const target = await openTarget(rig, 1);
    for (let block = 1; block <= blocks && performance.now() < deadline; block++) {
      const meter = new CpuMeter(rig.proc.pid);
      const stats = emptyStats();
      for (let order = 0; order < ordersPerBlock; order++) await playOrder(target, wholeOrder(1), stats, { deadline });
      const done = stats.orders - stats.cutOrders;
      out.push({ block, orders: done, failedOrders: stats.failedOrders, cpuPerTurnMs: meter.elapsedMs() / Math.max(1, stats.turns), rssMiB: rssMiB(rig.proc.pid) });
    }
    return out;
  } finally {
    await rig.close();
  }
}

export interface CallsResult {
  lines: number;
  failed: boolean;
  turns: number;
  calls: Record<string, number>;
}

/** OpenCart and storefront requests of one whole order, counted by the proxy, each on a fresh bot (cold caches). */
export async function callsPhase(lines: number): Promise<CallsResult> {
  const rig = await startRig('bot', { viaProxy: true, warmUp: false });
  try {
    const store = rig.store;
    if (!store) throw new Error('the order bot runs with a store');
    await control(store, '/counts/reset', 'POST');
    const stats = emptyStats();
    await playOrder(await openTarget(rig, 1), wholeOrder(lines), stats);
    const counts = (await control(store, '/counts')) as { calls: Record<string, number> };
    return { lines, failed: stats.failedOrders > 0, turns: stats.turns, calls: counts.calls };
  } finally {
    await rig.close();
  }
}

/** An order of the latency phase: its lines, and how the contact and address are given. */
export interface LatencyOrder {
  lines: number;
  way: OrderWay;
}

export interface LatencyResult extends LatencyOrder {
  failed: boolean;
  apiCalls: number;
  /** Turns posted (answered or not): the echo bot gets as many. */
  turns: number;
  wallMs: number;
  openCartMs: number;
  /** The bot's main-thread CPU during the order. */
  botCpuMs: number;
  /** The echo bot's sum of turns over the same number of turns, in the same run: the stack's floor. */
  echoWallMs: number;
  /** The same for the floor bot (durable state and a prompt dialog a turn): what any dialog bot here takes. */
  floorWallMs: number;
}

/**
 * Whole orders with every OpenCart API call delayed by `latencyMs`: the order's turn time against OpenCart's,
 * then the same number of turns against the echo bot and the floor bot. Every process is warmed up first with `warmUpOrders`
 * orders (a shop's bot has served many before; the first orders of a process are JIT-cold and cost about twice
 * as much CPU), and each order is played `repeats` times: the row is the play with the median overhead.
 */
export async function latencyPhase(orders: LatencyOrder[], latencyMs: number, warmUpOrders: number, repeats: number): Promise<LatencyResult[]> {
  const bot = await botLatencies(orders, latencyMs, warmUpOrders, repeats);
  const sameTurns = bot.map((r) => ({ lines: r.lines, way: r.way, turns: r.turns }));
  const echoWalls = await plainWallsMs('echo', sameTurns, warmUpOrders, repeats);
  const floorWalls = await plainWallsMs('floor', sameTurns, warmUpOrders, repeats);
  return bot.map((r, i) => ({ ...r, echoWallMs: echoWalls[i], floorWallMs: floorWalls[i] }));
}

type BotLatency = Omit<LatencyResult, 'echoWallMs' | 'floorWallMs'>;

const sumOfTurns = (stats: { latencies: number[] }) => stats.latencies.reduce((sum, ms) => sum + ms, 0);

/** Whole orders of every kind the latency phase plays, at no added latency: the processes' warm-up. */
async function warmUp(target: Target, orders: LatencyOrder[], count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    const { lines, way } = orders[i % orders.length];
    await playOrder(target, wholeOrder(lines, way), emptyStats());
  }
}

async function botLatencies(orders: LatencyOrder[], latencyMs: number, warmUpOrders: number, repeats: number): Promise<BotLatency[]> {
  const rig = await startRig('bot', { viaProxy: true });
  const out: BotLatency[] = [];
  try {
    const store = rig.store;
    if (!store) throw new Error('the order bot runs with a store');
    const target = await openTarget(rig, 1);
    await warmUp(target, orders, warmUpOrders);
    await control(store, `/latency?ms=${latencyMs}`, 'POST');
    for (const { lines, way } of orders) {
      const plays: BotLatency[] = [];
      for (let play = 0; play < repeats; play++) {
        await control(store, '/counts/reset', 'POST');
        const stats = emptyStats();
        const meter = new CpuMeter(rig.proc.pid);
        await playOrder(target, wholeOrder(lines, way), stats);
        const botCpuMs = meter.elapsedMs();
        const counts = (await control(store, '/counts')) as { calls: Record<string, number>; apiMs: number };
        const apiCalls = Object.entries(counts.calls)
          .filter(([route]) => route.startsWith('api/'))
          .reduce((sum, [, n]) => sum + n, 0);
        plays.push({
          lines,
          way,
          failed: stats.failedOrders > 0,
          apiCalls,
          turns: stats.latencies.length,
          wallMs: sumOfTurns(stats),
          openCartMs: counts.apiMs,
          botCpuMs,
        });
      }
      const failed = plays.some((p) => p.failed);
      out.push({ ...medianBy(plays, (p) => p.wallMs - p.openCartMs), failed });
    }
    return out;
  } finally {
    await rig.close();
  }
}

/** The echo or floor bot's sum of turns for each order (median of the plays): its first `turns` steps, each sent as text. */
async function plainWallsMs(
  kind: Exclude<BotKind, 'bot'>,
  orders: (LatencyOrder & { turns: number })[],
  warmUpOrders: number,
  repeats: number,
): Promise<number[]> {
  const rig = await startRig(kind);
  try {
    const target = await openTarget(rig, 1);
    await warmUp(target, orders, warmUpOrders);
    const out: number[] = [];
    for (const { lines, way, turns } of orders) {
      const walls: number[] = [];
      for (let play = 0; play < repeats; play++) {
        const stats = emptyStats();
        await playOrder(target, wholeOrder(lines, way).slice(0, turns), stats);
        walls.push(sumOfTurns(stats));
      }
      out.push(medianBy(walls, (ms) => ms));
    }
    return out;
  } finally {
    await rig.close();
  }
}

export interface MemoryResult {
  wanted: number;
  opened: number;
  failed: number;
  idleRssMiB: number;
  afterRssMiB: number;
  /** Used V8 heap after a full GC, idle and after. */
  idleHeapMiB: number;
  afterHeapMiB: number;
}

/**
 * Conversations left open mid-order (cart filled, checkout begun), opened by 50 customers at a time. The bot
 * runs with an inspector on loopback here, to read its live heap after a full GC.
 */
export async function memoryPhase(conversations: number, budgetMs: number): Promise<MemoryResult> {
  const rig = await startRig('bot', { env: { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --inspect=127.0.0.1:0`.trim() } });
  const heap = () => liveHeapMiB(rig.proc.output, 'src/index.ts');
  try {
    const customers = Math.min(50, conversations);
    const target = await openTarget(rig, customers);
    const idleHeapMiB = await heap();
    await sleep(1000);
    const idleRssMiB = rssMiB(rig.proc.pid);
    const stats = emptyStats();
    const ordersEach = Math.ceil(conversations / customers);
    await runCustomers(target, { customers, ordersEach, steps: midOrder, budgetMs, expectPlaced: false }, stats);
    const afterHeapMiB = await heap();
    await sleep(1000);
    return {
      wanted: conversations,
      opened: stats.orders - stats.cutOrders - stats.failedOrders,
      failed: stats.failedOrders,
      idleRssMiB,
      afterRssMiB: rssMiB(rig.proc.pid),
      idleHeapMiB,
      afterHeapMiB,
    };
  } finally {
    await rig.close();
  }
}
