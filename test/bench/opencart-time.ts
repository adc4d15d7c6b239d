import type { TurnSpan } from './driver';

/**
 * Issue 7 asks for turn latency with OpenCart's time taken out. The bot logs every OpenCart call at debug level with
 * its duration and the turn's conversation (src/opencart/client.ts, src/log.ts turn fields); the bench runs it at
 * that level in the load and think phases, collects those lines, and subtracts each turn's calls from its latency.
 */
export interface OpenCartCall {
  /** When the line was written (epoch ms): just after the call's answer came. */
  at: number;
  ms: number;
}

const CALL_MESSAGES = new Set(['OpenCart call succeeded', 'OpenCart refused a call']);

/** Takes the bot's output lines; keeps the OpenCart calls by conversation. */
export function openCartCallCollector(): { take: (line: string) => void; calls: Map<string, OpenCartCall[]> } {
  const calls = new Map<string, OpenCartCall[]>();
  const take = (line: string) => {
    if (!line.includes('"OpenCart ')) return; // most lines are not calls: no JSON.parse for them
    let parsed: { msg?: unknown; conversation?: unknown; time?: unknown; ms?: unknown };
    try {
      parsed = JSON.parse(line) as typeof parsed;
    } catch {
      return;
    }
    if (!CALL_MESSAGES.has(String(parsed.msg))) return;
    const { conversation, time, ms } = parsed;
    if (typeof conversation !== 'string' || typeof time !== 'number' || typeof ms !== 'number') return;
    let own = calls.get(conversation);
    if (!own) calls.set(conversation, (own = []));
    own.push({ at: time, ms });
  };
  return { take, calls };
}

/**
 * Each turn's latency less the OpenCart calls logged in its conversation while it ran. A conversation's turns never
 * overlap, so a call belongs to the one turn whose span holds its line's time (whole milliseconds on both sides,
 * hence the 1 ms of slack). Never below zero.
 */
export function latenciesWithoutOpenCart(spans: TurnSpan[], calls: Map<string, OpenCartCall[]>): number[] {
  return spans.map((span) => {
    const own = calls.get(span.conversation) ?? [];
    let openCartMs = 0;
    for (const call of own) if (call.at >= span.startedAt && call.at <= span.endedAt + 1) openCartMs += call.ms;
    return Math.max(0, span.latencyMs - openCartMs);
  });
}
