import { SessionQueue } from '../../src/opencart';

/** Records when each task starts and ends, to prove tasks never overlap. */
function tracker() {
  const events: string[] = [];
  let running = 0;
  let maxRunning = 0;
  const task = (name: string, inner?: () => Promise<unknown>) => async () => {
    running += 1;
    maxRunning = Math.max(maxRunning, running);
    events.push(`start ${name}`);
    await new Promise((r) => setImmediate(r));
    running -= 1; // a nested task runs while its parent waits, so the parent does not count as running
    if (inner) await inner();
    running += 1;
    await new Promise((r) => setImmediate(r));
    events.push(`end ${name}`);
    running -= 1;
    return name;
  };
  return { events, task, max: () => maxRunning };
}

test('tasks run one after another in the order they were queued', async () => {
  const queue = new SessionQueue();
  const t = tracker();
  const results = await Promise.all([queue.run(t.task('a')), queue.run(t.task('b')), queue.run(t.task('c'))]);
  expect(results).toEqual(['a', 'b', 'c']);
  expect(t.events).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
  expect(t.max()).toBe(1);
});

test('tasks a task starts through nested run in its slot (no deadlock), one after another, before tasks queued outside', async () => {
  const queue = new SessionQueue();
  const t = tracker();
  const inner = () => queue.nested(() => Promise.all([queue.run(t.task('inner1')), queue.run(t.task('inner2'))]));
  const outer = queue.run(t.task('outer', inner));
  const later = queue.run(t.task('later'));
  await Promise.all([outer, later]);
  expect(t.events).toEqual(['start outer', 'start inner1', 'end inner1', 'start inner2', 'end inner2', 'end outer', 'start later', 'end later']);
  expect(t.max()).toBe(1);
});

test('a rejected task does not stop the queue', async () => {
  const queue = new SessionQueue();
  const failed = queue.run(() => Promise.reject(new Error('boom')));
  const next = queue.run(() => Promise.resolve('next'));
  await expect(failed).rejects.toThrow('boom');
  await expect(next).resolves.toBe('next');
});

test('a nested task left running is finished before its parent goes on; a failing nested block leaves the queue usable', async () => {
  const queue = new SessionQueue();
  const events: string[] = [];
  const slow = () => new Promise<void>((resolve) => setImmediate(() => setImmediate(resolve)));
  await queue.run(async () => {
    await queue.nested(async () => {
      void queue.run(async () => {
        await slow();
        events.push('unawaited nested task done');
      });
    });
    events.push('parent goes on');
  });
  await expect(
    queue.run(() =>
      queue.nested(async () => {
        throw new Error('hook failed');
      }),
    ),
  ).rejects.toThrow('hook failed');
  await expect(queue.run(() => Promise.resolve('after'))).resolves.toBe('after');
  expect(events).toEqual(['unawaited nested task done', 'parent goes on']);
});
