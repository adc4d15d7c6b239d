interface Chain {
  tail: Promise<unknown>;
}

/**
 * Runs the calls of one OpenCart session strictly one after another: OpenCart rewrites the whole session at the end
 * of each request, so overlapping calls lose writes.
 *
 * A running task that must itself make calls (the client's re-login hook, which may rebuild the cart through the same
 * client) wraps them in `nested`: meanwhile `run` queues on a line of its own, which the waiting task does not block,
 * and the task goes on only once that line is empty. Nested calls still never overlap each other. This is explicit
 * rather than found out with an AsyncLocalStorage: on Node 20 and 22 any AsyncLocalStorage that has run makes every
 * promise of the process pay for a hook, about a quarter of the bot's CPU (BENCHMARKS.md, 2026-12-03).
 */
export class SessionQueue {
  private readonly root: Chain = { tail: Promise.resolve() };
  /** Where `run` queues: the root line, or a nested one while a task's `nested` work runs. */
  private current: Chain = this.root;

  run<T>(task: () => Promise<T>): Promise<T> {
    const chain = this.current;
    const result = chain.tail.then(task);
    // The next task waits for this one to settle, whatever its outcome.
    chain.tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }

  /** From inside a running task: runs `work`, whose `run` calls queue behind each other but not behind this task. */
  async nested<T>(work: () => Promise<T>): Promise<T> {
    const outer = this.current;
    const line: Chain = { tail: Promise.resolve() };
    this.current = line;
    try {
      return await work();
    } finally {
      // Calls `work` started without awaiting them still finish before the task goes on.
      while (true) {
        const tail = line.tail;
        await tail;
        if (line.tail === tail) break;
      }
      this.current = outer;
    }
  }
}
