import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { agingPhase, callsPhase, latencyPhase, loadPhase, memoryPhase, thinkPhase, type LatencyOrder, type LoadResult } from './phases';
import type { OrderWay } from './orders';
import { profileOneOrder } from './profile';
import { renderReport, type Results } from './report';
import { startups, type BotKind } from './session';

/**
 * `npm run bench [-- --quick] [--only=load,think,aging,calls,latency,memory] [--customers=50,200] [--kinds=bot,floor,echo]
 * [--aging-orders=100]
 * | -- --profile [--lines=N] [--after=N] [--orders=N] [--forms]`:
 * the order bot against an echo bot on the same stack, on loopback, with the demo
 * store in its own process. Phases: load (C customers, each turn posted the moment the last answer came),
 * think (C customers reading 1–3 s before each turn), aging, calls, latency (+100 ms per OpenCart call, against
 * the echo bot's floor), memory. Progress goes to stderr, the Markdown report to stdout. Every phase has a time
 * budget, so the run ends by itself even when the bot is slow.
 */
interface Plan {
  load: Level[];
  loadBudgetMs: number;
  /** Customers of the think phase, one whole 1-line order each. */
  think: number[];
  thinkBudgetMs: number;
  agingBlocks: number;
  agingOrdersPerBlock: number;
  agingBudgetMs: number;
  callLines: number[];
  latencyOrders: LatencyOrder[];
  /** Orders played on each process of the latency phase before it is measured. */
  latencyWarmUp: number;
  /** Plays of each latency order: the median is reported. */
  latencyRepeats: number;
  openConversations: number;
  memoryBudgetMs: number;
}

/** C customers, each placing `ordersEach` orders. */
interface Level {
  customers: number;
  ordersEach: number;
}

const FULL: Plan = {
  load: [
    { customers: 1, ordersEach: 20 },
    { customers: 10, ordersEach: 3 },
    { customers: 50, ordersEach: 2 },
    { customers: 200, ordersEach: 1 },
  ],
  loadBudgetMs: 90_000,
  think: [50, 200],
  thinkBudgetMs: 120_000,
  agingBlocks: 10,
  agingOrdersPerBlock: 50,
  agingBudgetMs: 240_000,
  callLines: [1, 3, 10],
  latencyOrders: [
    { lines: 1, way: 'typed' },
    { lines: 1, way: 'forms' },
    { lines: 3, way: 'typed' },
    { lines: 3, way: 'forms' },
  ],
  latencyWarmUp: 20,
  latencyRepeats: 5,
  openConversations: 1000,
  memoryBudgetMs: 180_000,
};

const QUICK: Plan = {
  load: [
    { customers: 1, ordersEach: 5 },
    { customers: 10, ordersEach: 1 },
    { customers: 50, ordersEach: 1 },
  ],
  loadBudgetMs: 40_000,
  think: [50],
  thinkBudgetMs: 90_000,
  agingBlocks: 10,
  agingOrdersPerBlock: 5,
  agingBudgetMs: 60_000,
  callLines: [1, 3, 10],
  latencyOrders: [
    { lines: 1, way: 'typed' },
    { lines: 1, way: 'forms' },
  ],
  latencyWarmUp: 10,
  latencyRepeats: 3,
  openConversations: 200,
  memoryBudgetMs: 60_000,
};

const LATENCY_MS = 100;

function progress(message: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

/** Commit of the tree measured; BENCH_COMMIT names it when the bench runs in an exported copy without .git. */
function commit(): string {
  if (process.env.BENCH_COMMIT) return process.env.BENCH_COMMIT;
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { encoding: 'utf8' }).trim();
    return dirty ? `${head} + uncommitted changes` : head;
  } catch {
    return 'unknown';
  }
}

function machine(): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const load = os.loadavg().map((l) => l.toFixed(1)).join(' ');
  return `${new Date().toISOString()} · commit ${commit()} · Node ${process.version} · ${os.cpus().length} × ${cpu} · load average at start ${load}`;
}

function numberFlag(name: string, fallback: number): number {
  const value = process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  return value && /^\d{1,6}$/.test(value) ? Number(value) : fallback;
}

function listFlag(name: string): string[] | undefined {
  return process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3).split(',');
}

/** --kinds=bot,floor,echo: the bots the load and think phases measure (all three by default). */
function kinds(): BotKind[] {
  const all: BotKind[] = ['bot', 'floor', 'echo'];
  const wanted = listFlag('kinds');
  return wanted ? all.filter((kind) => wanted.includes(kind)) : all;
}

/** --customers=50,200: only these levels of the load and think phases. */
function onlyLevels<T extends { customers: number }>(levels: T[]): T[] {
  const wanted = listFlag('customers')?.map(Number);
  return wanted ? levels.filter((level) => wanted.includes(level.customers)) : levels;
}

/** One customers phase at each level, for each kind measured: the bot, the framework floor and the echo bot. */
async function everyKind(
  phase: string,
  levels: Level[],
  run: (kind: BotKind, level: Level) => Promise<LoadResult>,
): Promise<LoadResult[]> {
  const out: LoadResult[] = [];
  for (const level of onlyLevels(levels)) {
    for (const kind of kinds()) {
      progress(`${phase} C=${level.customers} ${kind}: ${level.customers * level.ordersEach} orders`);
      const result = await run(kind, level);
      progress(`  ${result.orders} orders, ${result.failedOrders} failed, ${result.cpuPerTurnMs.toFixed(2)} ms CPU/turn, p99 ${result.p99.toFixed(0)} ms`);
      out.push(result);
    }
  }
  return out;
}

async function main(): Promise<void> {
  if (process.argv.includes('--profile')) {
    const lines = Math.min(10, numberFlag('lines', 1));
    const after = Math.min(1000, numberFlag('after', 1));
    const orders = Math.min(100, numberFlag('orders', 1));
    const way: OrderWay = process.argv.includes('--forms') ? 'forms' : 'typed';
    progress(`profiling ${orders} ${lines}-line order(s), ${way}, after ${after} orders`);
    process.stdout.write(`## npm run bench -- ${process.argv.slice(2).join(' ')}\n\n${machine()}\n\n${await profileOneOrder(lines, after, orders, way)}\n`);
    return;
  }
  const quick = process.argv.includes('--quick');
  const plan = quick ? QUICK : FULL;
  const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',');
  const wanted = (phase: string) => !only || only.includes(phase);
  const started = performance.now();
  const header = `## npm run bench${quick ? ' -- --quick' : ''}\n\n${machine()}\n`;
  const load = await everyKind('load', wanted('load') ? plan.load : [], (kind, { customers, ordersEach }) =>
    loadPhase(kind, customers, ordersEach, plan.loadBudgetMs),
  );
  const thinkLevels = (wanted('think') ? plan.think : []).map((customers) => ({ customers, ordersEach: 1 }));
  const think = await everyKind('think', thinkLevels, (kind, { customers }) =>
    thinkPhase(kind, customers, plan.thinkBudgetMs),
  );
  // --aging-orders=100: orders per aging block (10 blocks: 1,000 orders on one process), the budget scaled with it.
  const agingOrders = numberFlag('aging-orders', plan.agingOrdersPerBlock);
  const agingBudgetMs = (plan.agingBudgetMs * agingOrders) / plan.agingOrdersPerBlock;
  progress(`aging: ${plan.agingBlocks} blocks of ${agingOrders} orders`);
  const aging = wanted('aging') ? await agingPhase('bot', plan.agingBlocks, agingOrders, agingBudgetMs) : [];
  progress(`requests per order: ${plan.callLines.join(', ')} lines`);
  const calls = [];
  for (const lines of wanted('calls') ? plan.callLines : []) calls.push(await callsPhase(lines));
  progress(`latency +${LATENCY_MS} ms per call`);
  const latency = wanted('latency') ? await latencyPhase(plan.latencyOrders, LATENCY_MS, plan.latencyWarmUp, plan.latencyRepeats) : [];
  progress(`memory: ${plan.openConversations} conversations mid-order`);
  const memory = wanted('memory') ? await memoryPhase(plan.openConversations, plan.memoryBudgetMs) : undefined;
  const results: Results = {
    load,
    think,
    aging,
    agingOrdersPerBlock: agingOrders,
    calls,
    latency,
    latencyMs: LATENCY_MS,
    latencyWarmUp: plan.latencyWarmUp,
    latencyRepeats: plan.latencyRepeats,
    memory,
    startups,
  };
  process.stdout.write(`${header}\n${renderReport(results)}\nTotal run time ${((performance.now() - started) / 1000).toFixed(0)} s.\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
