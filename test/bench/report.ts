import type { AgingBlock, CallsResult, LatencyResult, LoadResult, MemoryResult } from './phases';
import type { BotKind } from './session';
import { fixed, median, table } from './stats';

/** The benchmark's printed report, in Markdown. */

export interface Results {
  load: LoadResult[];
  /** The same customers reading 1–3 s before each answer. */
  think: LoadResult[];
  aging: AgingBlock[];
  agingOrdersPerBlock: number;
  calls: CallsResult[];
  latency: LatencyResult[];
  latencyMs: number;
  latencyWarmUp: number;
  latencyRepeats: number;
  memory?: MemoryResult;
  startups: Record<BotKind, number[]>;
}

const ms = (value: number) => fixed(value, value < 10 ? 2 : 1);

/** The load table's rows for each level: every bot measured, then each ratio whose two bots were. */
const KINDS: readonly BotKind[] = ['bot', 'floor', 'echo'];
const RATIOS: readonly [BotKind, BotKind][] = [
  ['bot', 'echo'],
  ['floor', 'echo'],
  ['bot', 'floor'],
];

export function loadTable(load: LoadResult[]): string {
  const rows: string[][] = [];
  const levels = [...new Set(load.map((r) => r.customers))];
  for (const customers of levels) {
    const of = (kind: BotKind) => load.find((r) => r.customers === customers && r.kind === kind);
    for (const kind of KINDS) {
      const r = of(kind);
      if (r) rows.push(loadRow(r));
    }
    for (const [top, bottom] of RATIOS) {
      const a = of(top);
      const b = of(bottom);
      if (a && b) rows.push(ratioRow(`${customers} ${top}/${bottom}`, a, b));
    }
  }
  return table(
    [
      'C customers',
      'orders',
      'failed',
      'turns/s',
      'p50 ms',
      'p95 ms',
      'p99 ms',
      'p99 ms less OpenCart',
      'CPU ms/turn',
      'RSS idle MiB',
      'RSS peak MiB',
      'driver CPU ms/turn',
    ],
    rows,
  );
}

function loadRow(r: LoadResult): string[] {
  return [
    `${r.customers} ${r.kind}`,
    String(r.orders),
    `${r.failedOrders}${r.cutOrders ? ` (+${r.cutOrders} cut)` : ''}`,
    fixed(r.turnsPerS, 0),
    ms(r.p50),
    ms(r.p95),
    ms(r.p99),
    ms(r.p99WithoutOpenCart),
    ms(r.cpuPerTurnMs),
    fixed(r.idleRssMiB, 0),
    fixed(r.peakRssMiB, 0),
    ms(r.driverCpuPerTurnMs),
  ];
}

function ratioRow(label: string, a: LoadResult, b: LoadResult): string[] {
  const times = (x: number, y: number, digits: number) => `${fixed(x / y, digits)}×`;
  return [
    label,
    '',
    '',
    times(a.turnsPerS, b.turnsPerS, 2),
    times(a.p50, b.p50, 1),
    times(a.p95, b.p95, 1),
    times(a.p99, b.p99, 1),
    times(a.p99WithoutOpenCart, b.p99WithoutOpenCart, 1),
    times(a.cpuPerTurnMs, b.cpuPerTurnMs, 1),
    '',
    times(a.peakRssMiB, b.peakRssMiB, 1),
    '',
  ];
}

function agingTable(aging: AgingBlock[], perBlock: number): string {
  return table(
    ['block', 'orders', 'failed', 'CPU ms/turn', 'RSS MiB'],
    aging.map((b) => [`${(b.block - 1) * perBlock + 1}–${(b.block - 1) * perBlock + b.orders}`, String(b.orders), String(b.failedOrders), ms(b.cpuPerTurnMs), fixed(b.rssMiB, 0)]),
  );
}

function callsTable(calls: CallsResult[]): string {
  const routes = [...new Set(calls.flatMap((c) => Object.keys(c.calls)))].sort((a, b) => (a.startsWith('api/') === b.startsWith('api/') ? a.localeCompare(b) : a.startsWith('api/') ? -1 : 1));
  const head = ['route', ...calls.map((c) => `${c.lines} line${c.lines === 1 ? '' : 's'}${c.failed ? ' (FAILED)' : ''}`)];
  const rows = routes.map((route) => [route, ...calls.map((c) => String(c.calls[route] ?? 0))]);
  const sum = (c: CallsResult, api: boolean) => Object.entries(c.calls).filter(([r]) => r.startsWith('api/') === api).reduce((s, [, n]) => s + n, 0);
  rows.push(['**API calls**', ...calls.map((c) => `**${sum(c, true)}**`)]);
  rows.push(['floor N+9', ...calls.map((c) => String(c.lines + 9))]);
  rows.push(['storefront requests', ...calls.map((c) => String(sum(c, false)))]);
  rows.push(['turns', ...calls.map((c) => String(c.turns))]);
  return table(head, rows);
}

function latencyTable(latency: LatencyResult[], latencyMs: number): string {
  return table(
    [
      'order',
      'API calls',
      'wall s (sum of turns)',
      `OpenCart s (+${latencyMs} ms/call)`,
      'overhead (wall − OpenCart)',
      'echo wall s (same turns)',
      'overhead beyond the echo floor',
      'floor bot wall s (same turns)',
      'overhead beyond the floor bot',
      'bot CPU s',
      'bot CPU / wall',
    ],
    latency.map((r) => [
      `${r.lines} line${r.lines === 1 ? '' : 's'}, ${r.way === 'forms' ? 'forms' : 'typed fields'}${r.failed ? ' (FAILED)' : ''}`,
      String(r.apiCalls),
      fixed(r.wallMs / 1000, 2),
      fixed(r.openCartMs / 1000, 2),
      `${fixed(((r.wallMs - r.openCartMs) / r.wallMs) * 100, 1)} %`,
      fixed(r.echoWallMs / 1000, 3),
      `${fixed(((r.wallMs - r.openCartMs - r.echoWallMs) / r.wallMs) * 100, 1)} %`,
      fixed(r.floorWallMs / 1000, 3),
      `${fixed(((r.wallMs - r.openCartMs - r.floorWallMs) / r.wallMs) * 100, 1)} %`,
      fixed(r.botCpuMs / 1000, 2),
      `${fixed((r.botCpuMs / r.wallMs) * 100, 1)} %`,
    ]),
  );
}

export function renderReport(results: Results): string {
  const parts: string[] = [];
  const section = (title: string, body: string) => parts.push(`### ${title}`, '', body, '');
  if (results.load.length) section('Load: whole 1-line orders, C concurrent customers', loadTable(results.load));
  if (results.think.length) {
    section(
      'Think: customers who read before they answer (1–3 s between turns, starts spread over 3 s), one whole 1-line order each',
      loadTable(results.think),
    );
  }
  if (results.aging.length) {
    section(`Aging: CPU per turn by block of ${results.agingOrdersPerBlock} sequential orders, one bot process`, agingTable(results.aging, results.agingOrdersPerBlock));
  }
  if (results.calls.length) section('Requests per order by route (fresh bot each, cold storefront cache)', callsTable(results.calls));
  if (results.latency.length) {
    const warm = `each process warmed up with ${results.latencyWarmUp} orders; the median of ${results.latencyRepeats} plays`;
    section(
      `Wall time vs OpenCart time at +${results.latencyMs} ms per API call (${warm})`,
      latencyTable(results.latency, results.latencyMs),
    );
  }
  if (results.memory) {
    const m = results.memory;
    parts.push('### Memory: conversations left open mid-order', '');
    const perConversation = (delta: number) => fixed((delta * 1024) / Math.max(1, m.opened), 1);
    parts.push(table(['wanted', 'opened', 'failed', 'measure', 'idle MiB', 'after MiB', 'Δ MiB', 'KiB / conversation'], [
      [String(m.wanted), String(m.opened), String(m.failed), 'RSS', fixed(m.idleRssMiB, 0), fixed(m.afterRssMiB, 0),
        fixed(m.afterRssMiB - m.idleRssMiB, 0), perConversation(m.afterRssMiB - m.idleRssMiB)],
      ['', '', '', 'live heap after GC', fixed(m.idleHeapMiB, 1), fixed(m.afterHeapMiB, 1),
        fixed(m.afterHeapMiB - m.idleHeapMiB, 1), perConversation(m.afterHeapMiB - m.idleHeapMiB)],
    ]), '');
  }
  const s = results.startups;
  parts.push('### Start-up: spawn to accepting connections (median of every start in this run)', '');
  const started = KINDS.filter((k) => s[k].length > 0);
  parts.push(table(['bot', 'starts', 'median ms', 'min ms', 'max ms'], started.map((k) => [
    k, String(s[k].length), fixed(median(s[k]), 0), fixed(Math.min(...s[k]), 0), fixed(Math.max(...s[k]), 0),
  ])), '');
  const failuresOf = (phase: string, runs: LoadResult[]) =>
    runs.flatMap((r) => r.failures.map((f) => `- ${phase} C=${r.customers} ${r.kind}: ${f}`));
  const failures = [...failuresOf('load', results.load), ...failuresOf('think', results.think)];
  if (failures.length) parts.push('First failures seen:', '', ...failures, '');
  return parts.join('\n');
}
