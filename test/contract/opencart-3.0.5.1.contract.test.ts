import { ManualClock } from '../../src/clock';
import { startDemoStore } from '../../src/demo-store/index';
import type { DemoStoreHandle } from '../../src/demo-store/handle';
import { isExchange, isSql, loadScenario, scenarioFiles, type Step } from './recording';
import { Replayer } from './replayer';
import { parallelSteps, sqlSteps } from './sql-steps';

/**
 * Replays every recorded OpenCart 3.0.5.1 scenario against the demo store, step by step, and compares each
 * answer with the recording: status, content type, session cookie, warnings, JSON types, keys and values.
 */

const files = scenarioFiles();

async function replay(file: string): Promise<string[]> {
  const scenario = loadScenario(file);
  const store: DemoStoreHandle = await startDemoStore({ clock: new ManualClock() });
  const replayer = new Replayer(store, scenario);
  const problems: string[] = [];
  const parallel = parallelSteps[file] ?? [];
  try {
    for (let i = 0; i < scenario.steps.length; i++) {
      const step: Step = scenario.steps[i]!;
      const group = parallel.find((g) => g[0] === i);
      if (group) {
        store.hooks.setLatency(60);
        const pending = group.map(async (index, n) => {
          await new Promise((r) => setTimeout(r, n * 15));
          const s = scenario.steps[index]!;
          return isExchange(s) ? (await replayer.exchange(s.request, s.response)).map((p) => `[${index}] ${p}`) : [];
        });
        problems.push(...(await Promise.all(pending)).flat());
        store.hooks.setLatency(0);
        i = group[group.length - 1]!;
        continue;
      }
      if (isSql(step)) {
        const action = sqlSteps[file]?.[i];
        if (action?.kind === 'hook') action.run(store, (p) => replayer.value(p));
        continue;
      }
      if (!isExchange(step)) continue;
      const found = await replayer.exchange(step.request, step.response);
      problems.push(...found.map((p) => `[${i}] ${step.request.route}: ${p}`));
    }
  } finally {
    await store.close();
  }
  return problems;
}

describe('OpenCart 3.0.5.1 contract: the demo store replays the recorded corpus', () => {
  it('has the 29 recorded scenario files', () => {
    expect(files).toHaveLength(29);
  });

  it.each(files)('%s', async (file) => {
    expect(await replay(file)).toEqual([]);
  });

  it('accounts for every recorded SQL step (replayed through a hook or listed with a reason)', () => {
    const listed = Object.entries(sqlSteps).flatMap(([file, steps]) => Object.keys(steps).map((i) => `${file}#${i}`)).sort();
    const recorded = files.flatMap((file) => loadScenario(file).steps.flatMap((s, i) => (isSql(s) ? [`${file}#${i}`] : []))).sort();
    expect(listed).toEqual(recorded);
    for (const steps of Object.values(sqlSteps)) {
      for (const action of Object.values(steps)) if (action.kind === 'not-replayed') expect(action.reason.length).toBeGreaterThan(20);
    }
  });
});
