import http from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Activity } from 'botbuilder';
import { conversationLogId } from '../../src/log';
import { createChannelActivityFactory, renderActivities, type ChannelActivityFactory, type RenderedTurn } from '../../src/server/local-channel';
import type { BenchConnector } from './connector';
import { chooseButton, PLACED, type Step } from './orders';

/**
 * The load driver: customers that play whole orders over HTTP on Web Chat, pressing the buttons the bot sent.
 * A turn is done when the bot's HTTP answer came back (the bot answers after the turn, replies included);
 * a turn without an answer within 15 s fails the order, as the channels give up then.
 */
export const TURN_TIMEOUT_MS = 15_000;

export interface Target {
  messagesUrl: string;
  connector: BenchConnector;
  agent: http.Agent;
  /** The echo and floor bots get the same turns as text, and every answer counts as right. */
  echo: boolean;
}

/** One turn as the driver saw it: when (epoch ms, as the bot's log lines are stamped) and in which conversation. */
export interface TurnSpan {
  /** The conversation as the bot's log lines name it (conversationLogId of channel/id). */
  conversation: string;
  startedAt: number;
  endedAt: number;
  latencyMs: number;
}

export interface RunStats {
  turns: number;
  latencies: number[];
  /** Every turn's span, to take the OpenCart time the bot logged out of its latency (opencart-time.ts). */
  spans: TurnSpan[];
  orders: number;
  failedOrders: number;
  /** Orders abandoned unfinished because the phase's time budget ran out (not counted as failed). */
  cutOrders: number;
  failures: string[];
}

export function emptyStats(): RunStats {
  return { turns: 0, latencies: [], spans: [], orders: 0, failedOrders: 0, cutOrders: 0, failures: [] };
}

let conversations = 0;

class OrderFailed extends Error {}

export interface OrderOptions {
  /** Past it the order stops between turns (counted as cut). */
  deadline?: number;
  /** Whether the last answer must say the order was placed (default true). */
  expectPlaced?: boolean;
  /** Milliseconds to wait before each turn is posted (the customer reading); never part of a turn's latency. */
  pauseMs?: () => number;
}

/** Plays one order in a new conversation; records every turn's latency. */
export async function playOrder(target: Target, steps: Step[], stats: RunStats, options: OrderOptions = {}): Promise<void> {
  const { deadline = Infinity, expectPlaced = true, pauseMs } = options;
  const factory = createChannelActivityFactory({
    channel: 'webchat',
    locale: 'en',
    serviceUrl: target.connector.serviceUrl,
    conversationKey: `bench-${process.pid}-${++conversations}`,
  });
  let last: RenderedTurn = { lines: [], buttons: [] };
  const logId = conversationLogId(`webchat/${factory.conversationId}`);
  stats.orders += 1;
  try {
    for (const [index, step] of steps.entries()) {
      // A search with one product that has every word goes straight on: there is nothing to choose.
      if (step.kind === 'choose' && !target.echo && !last.buttons.some((b) => b.number === chooseButton(last, step.product))) continue;
      if (pauseMs) await sleep(pauseMs());
      if (performance.now() > deadline) {
        stats.cutOrders += 1;
        return;
      }
      const activity = target.echo ? echoActivity(factory, step, index) : botActivity(factory, step, last);
      last = await turn(target, factory.conversationId, logId, activity, stats);
    }
    if (expectPlaced && !target.echo && !PLACED.test(last.lines.join('\n'))) throw new OrderFailed(`not placed: ${last.lines.join(' / ').slice(0, 300)}`);
  } catch (error) {
    stats.failedOrders += 1;
    if (stats.failures.length < 5) stats.failures.push(error instanceof Error ? error.message : String(error));
  }
}

function echoActivity(factory: ChannelActivityFactory, step: Step, index: number): Partial<Activity> {
  return step.kind === 'start' ? factory.start() : factory.text(step.kind === 'say' ? step.text : `step ${index}`);
}

function botActivity(factory: ChannelActivityFactory, step: Step, last: RenderedTurn): Partial<Activity> {
  if (step.kind === 'start') return factory.start();
  if (step.kind === 'say') return factory.text(step.text);
  if (step.kind === 'submit') return formActivity(factory, step, last);
  const button =
    step.kind === 'click'
      ? last.buttons.find((b) => step.label.test(b.label))
      : last.buttons.find((b) => b.number === chooseButton(last, step.product));
  const activity = button && factory.click(button);
  if (!activity) {
    const wanted = step.kind === 'click' ? String(step.label) : `Choose ${step.product}`;
    throw new OrderFailed(`no button ${wanted}; saw: ${last.lines.join(' / ').slice(0, 300)}`);
  }
  return activity;
}

function formActivity(factory: ChannelActivityFactory, step: Extract<Step, { kind: 'submit' }>, last: RenderedTurn): Partial<Activity> {
  const button = last.buttons.find((b) => b.action.kind === 'submit' && b.action.inputs.length > 0);
  if (!button || button.action.kind !== 'submit') throw new OrderFailed(`no form; saw: ${last.lines.join(' / ').slice(0, 300)}`);
  const inputs = button.action.inputs;
  const values: Record<string, string> = {};
  for (const input of inputs) if (input.defaultValue !== undefined) values[input.id] = input.defaultValue;
  Object.assign(values, step.fields);
  for (const [id, title] of Object.entries(step.choices ?? {})) {
    const choice = inputs.find((i) => i.id === id)?.choices.find((c) => title.test(c.title));
    if (!choice) throw new OrderFailed(`no choice ${String(title)} for ${id}`);
    values[id] = choice.value;
  }
  const activity = factory.click(button, values);
  if (!activity) throw new OrderFailed(`the form's button ${button.label} sends nothing`);
  return activity;
}

async function turn(target: Target, conversationId: string, logId: string, activity: Partial<Activity>, stats: RunStats): Promise<RenderedTurn> {
  const collected = target.connector.collect(conversationId);
  const startedAt = Date.now();
  const started = performance.now();
  let status: number;
  try {
    status = await post(target, JSON.stringify(activity));
  } finally {
    const latencyMs = performance.now() - started;
    stats.latencies.push(latencyMs);
    stats.spans.push({ conversation: logId, startedAt, endedAt: Date.now(), latencyMs });
  }
  const activities = collected();
  if (status >= 400) throw new OrderFailed(`HTTP ${status}`);
  stats.turns += 1;
  return renderActivities(activities);
}

function post(target: Target, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(target.messagesUrl, {
      method: 'POST',
      agent: target.agent,
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      timeout: TURN_TIMEOUT_MS,
    });
    req.once('timeout', () => req.destroy(new OrderFailed(`no answer within ${TURN_TIMEOUT_MS / 1000} s`)));
    req.once('error', reject);
    req.once('response', (res) => {
      res.resume();
      res.once('end', () => resolve(res.statusCode ?? 0));
      res.once('error', reject);
    });
    req.end(body);
  });
}

/** Opens `count` keep-alive connections to the server before measuring (GET /healthz, all at once). */
export async function openConnections(baseUrl: string, agent: http.Agent, count: number): Promise<void> {
  await Promise.all(
    Array.from({ length: count }, () =>
      new Promise<void>((resolve) => {
        const req = http.get(`${baseUrl}/healthz`, { agent, timeout: 30_000 }, (res) => {
          res.resume();
          res.once('end', () => resolve());
        });
        req.once('error', () => resolve());
        req.once('timeout', () => req.destroy());
      }),
    ),
  );
}

export interface CustomersOptions {
  customers: number;
  ordersEach: number;
  steps: () => Step[];
  budgetMs: number;
  expectPlaced?: boolean;
  /**
   * Milliseconds customer `customer` (0-based) waits before its turn `turn` (0-based, counted over all its
   * orders): turn 0's wait is when it starts. Without it, customers start at once and post each turn the
   * moment the previous answer arrived (closed loop).
   */
  thinkMs?: (customer: number, turn: number) => number;
}

/**
 * C customers, each placing orders one after another until `ordersEach` are placed or the time budget is spent
 * (then orders in flight stop at their next turn). Returns when all customers are done.
 */
export async function runCustomers(target: Target, options: CustomersOptions, stats: RunStats): Promise<{ wallMs: number }> {
  const started = performance.now();
  const deadline = started + options.budgetMs;
  const customer = async (_: unknown, index: number) => {
    const { thinkMs } = options;
    let turn = 0;
    const pauseMs = thinkMs && (() => thinkMs(index, turn++));
    for (let order = 0; order < options.ordersEach && performance.now() < deadline; order++) {
      await playOrder(target, options.steps(), stats, { deadline, expectPlaced: options.expectPlaced, pauseMs });
    }
  };
  await Promise.all(Array.from({ length: options.customers }, customer));
  return { wallMs: performance.now() - started };
}
