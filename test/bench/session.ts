import http from 'node:http';
import { startBenchConnector, type BenchConnector } from './connector';
import { emptyStats, openConnections, playOrder, type RunStats, type Target } from './driver';
import { wholeOrder } from './orders';
import { startBot, startEchoBot, startFloorBot, startStore, type Proc, type StoreProc } from './processes';

/**
 * One bot under test with what it needs around it: its store (for the order bot) and a connector. The echo bot is
 * the stack's floor; the floor bot adds what any dialog bot with durable state pays (floor-bot.ts).
 */
export type BotKind = 'bot' | 'echo' | 'floor';

export interface Rig {
  kind: BotKind;
  proc: Proc;
  store?: StoreProc;
  connector: BenchConnector;
  target(connections: number): Target;
  close(): Promise<void>;
}

/** Every start-up time seen, by kind: spawn to accepting connections. */
export const startups: Record<BotKind, number[]> = { bot: [], echo: [], floor: [] };

/**
 * Starts a fresh bot (and, for the order bot, a fresh store, reached directly or through the counting proxy),
 * plays one warm-up order that is not measured, and hands back the rig.
 */
export async function startRig(kind: BotKind, options: { viaProxy?: boolean; warmUp?: boolean; env?: Record<string, string>; nodeFlags?: string[] } = {}): Promise<Rig> {
  const store = kind === 'bot' ? await startStore() : undefined;
  // BENCH_NODE_FLAGS: V8 or Node flags for both bots (to try a heap setting, say); none by default.
  const tried = (process.env.BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean);
  const nodeFlags = [...tried, ...(options.nodeFlags ?? [])];
  const proc = store
    ? await startBot(options.viaProxy ? store.proxy : store.store, store, options.env, nodeFlags)
    : kind === 'floor'
      ? await startFloorBot(tried)
      : await startEchoBot(tried);
  startups[kind].push(proc.startupMs);
  const connector = await startBenchConnector();
  const agents: http.Agent[] = [];
  const rig: Rig = {
    kind,
    proc,
    store,
    connector,
    target(connections) {
      const agent = new http.Agent({ keepAlive: true, maxSockets: connections, keepAliveMsecs: 10_000 });
      agents.push(agent);
      return { messagesUrl: `${proc.url}/api/messages`, connector, agent, echo: kind !== 'bot' };
    },
    async close() {
      for (const agent of agents) agent.destroy();
      await proc.stop();
      await store?.stop();
      await connector.close();
    },
  };
  if (options.warmUp !== false) await playOrder(rig.target(1), wholeOrder(1), emptyStats());
  return rig;
}

/** A target whose `connections` keep-alive connections are open already. */
export async function openTarget(rig: Rig, connections: number): Promise<Target> {
  const target = rig.target(connections);
  await openConnections(rig.proc.url, target.agent, connections);
  return target;
}

export async function control(store: StoreProc, path: string, method: 'GET' | 'POST' = 'GET'): Promise<unknown> {
  const response = await fetch(`${store.control}${path}`, { method });
  return response.json();
}

export { emptyStats, type RunStats };
