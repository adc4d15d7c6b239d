import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { emptyStats, playOrder } from './driver';
import { wholeOrder, type OrderWay } from './orders';
import { openTarget, startRig } from './session';
import { fixed, table } from './stats';

/**
 * `npm run bench -- --profile`: one whole order on the bot under `node --cpu-prof` (a tsx flag, after a warm-up
 * order), and the functions with the most self time within that order's time window.
 * V8 stamps samples with the monotonic clock, the same as process.hrtime here, so the window is exact.
 */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

const INTERVAL_US = 200;
const nowUs = () => Number(process.hrtime.bigint() / 1000n);

/** Profiles `orders` orders (one by default) of `lines` lines after `before` unprofiled whole orders on the same process. */
export async function profileOneOrder(lines: number, before: number, orders = 1, way: OrderWay = 'typed'): Promise<string> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-prof-'));
  const rig = await startRig('bot', { nodeFlags: ['--cpu-prof', `--cpu-prof-dir=${dir}`, '--cpu-prof-interval', String(INTERVAL_US)] });
  const pid = rig.proc.pid;
  const target = await openTarget(rig, 1);
  const earlier = emptyStats();
  for (let order = 1; order < before; order++) await playOrder(target, wholeOrder(1, way), earlier);
  const stats = emptyStats();
  const from = nowUs();
  for (let order = 0; order < orders; order++) await playOrder(target, wholeOrder(lines, way), stats);
  const to = nowUs();
  process.stderr.write(`[bench] profile window ${from}..${to} µs (monotonic)\n`);
  await rig.close();
  // CPU.<date>.<time>.<pid>.<thread>.<seq>.cpuprofile; thread 0 is the main thread.
  const file = readdirSync(dir).find((name) => name.includes(`.${pid}.0.`) && name.endsWith('.cpuprofile'));
  if (!file) throw new Error(`no profile of process ${pid} in ${dir}; its output:\n${rig.proc.output.slice(-20).join('\n')}`);
  const profile = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as CpuProfile;
  const outcome = stats.failedOrders ? 'FAILED' : 'placed';
  const header = `Profile of ${orders === 1 ? 'one' : orders} ${lines}-line order${orders === 1 ? '' : 's'} (${way === 'forms' ? 'forms' : 'typed fields'}) after ${before} whole orders on the same process (${stats.turns} turns, ${outcome}), ${path.join(dir, file)}`;
  const failure = stats.failures.length ? `\n\nFailure: ${stats.failures.join(" / ")}` : "";
  return `${header}${failure}\n\n${summarize(profile, from, to)}`;
}

/** Self time by function and by owner (project folder, package, or V8/Node internals) within [from, to]. */
function summarize(profile: CpuProfile, from: number, to: number): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  let t = profile.startTime;
  let total = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i];
    const delta = profile.timeDeltas[i + 1] ?? INTERVAL_US;
    if (t < from || t > to) continue;
    const node = byId.get(profile.samples[i]);
    if (!node || node.callFrame.functionName === '(idle)') continue;
    selfUs.set(node.id, (selfUs.get(node.id) ?? 0) + delta);
    total += delta;
  }
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const byCaller = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const caller = projectCaller(id, byId, parent);
    byCaller.set(caller, (byCaller.get(caller) ?? 0) + us);
  }
  const byFunction = new Map<string, { us: number; owner: string }>();
  const byOwner = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const frame = (byId.get(id) as ProfileNode).callFrame;
    const owner = ownerOf(frame.url, frame.functionName);
    const key = frameName(frame);
    const entry = byFunction.get(key) ?? { us: 0, owner };
    entry.us += us;
    byFunction.set(key, entry);
    byOwner.set(owner, (byOwner.get(owner) ?? 0) + us);
  }
  const pct = (us: number) => `${fixed((us / total) * 100, 1)} %`;
  const functions = [...byFunction].sort((a, b) => b[1].us - a[1].us).slice(0, 30);
  const owners = [...byOwner].sort((a, b) => b[1] - a[1]).slice(0, 20);
  const callers = [...byCaller].sort((a, b) => b[1] - a[1]).slice(0, 20);
  return [
    `CPU in the order's window (idle excluded): ${fixed(total / 1000, 0)} ms.`,
    '',
    table(['function · file:line', 'owner', 'self ms', 'share'], functions.map(([key, e]) => [key, e.owner, fixed(e.us / 1000, 1), pct(e.us)])),
    '',
    table(['owner', 'self ms', 'share'], owners.map(([owner, us]) => [owner, fixed(us / 1000, 1), pct(us)])),
    '',
    'Self time charged to the nearest project function up the stack (what of ours made the libraries work):',
    '',
    table(['nearest project frame', 'ms', 'share'], callers.map(([caller, us]) => [caller, fixed(us / 1000, 1), pct(us)])),
  ].join('\n');
}

const ROOT = path.resolve(__dirname, '..', '..');

/** Function and file; project files are transpiled by tsx without their line numbers, so only theirs go without. */
function frameName(frame: ProfileNode['callFrame']): string {
  const line = isProject(frame.url) ? '' : `:${frame.lineNumber + 1}`;
  return `${frame.functionName || '(anonymous)'} · ${shortUrl(frame.url)}${line}`;
}

function isProject(url: string): boolean {
  return url.includes(ROOT) && !url.includes('/node_modules/');
}

function projectCaller(id: number, byId: Map<number, ProfileNode>, parent: Map<number, number>): string {
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
    const frame = byId.get(at)?.callFrame;
    if (frame && isProject(frame.url)) return frameName(frame);
  }
  const frame = byId.get(id)?.callFrame;
  return `(no project frame: ${frame ? ownerOf(frame.url, frame.functionName) : '?'})`;
}

function ownerOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : 'V8/native';
  if (url.startsWith('node:')) return `node:${url.slice(5).split('/').slice(0, 2).join('/')}`;
  const at = url.lastIndexOf('/node_modules/');
  if (at >= 0) return /^((?:@[^/]+\/)?[^/]+)/.exec(url.slice(at + '/node_modules/'.length))?.[1] ?? url;
  const project = /\/(src|dialogs|test)\/(.+)$/.exec(url);
  if (project) {
    const parts = project[2].split('/');
    return parts.length > 1 ? `${project[1]}/${parts[0]}` : `${project[1]}/${parts[0]}`;
  }
  return shortUrl(url);
}

function shortUrl(url: string): string {
  return url.replace(/^file:\/\//, '').replace(/^.*\/node_modules\//, '').replace(`${ROOT}/`, '');
}
