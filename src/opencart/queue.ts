import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Runs the calls of one OpenCart session strictly one after another: OpenCart rewrites the whole session
 * at the end of each request, so overlapping calls lose writes. A task started from inside a running task
 * (the re-login hook rebuilding the cart) runs in that task's slot instead of waiting behind it forever.
 */
export class SessionQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private readonly slot = new AsyncLocalStorage<SessionQueue>();

  run<T>(task: () => Promise<T>): Promise<T> {
    if (this.slot.getStore() === this) return task();
    const result = this.tail.then(() => this.slot.run(this, task));
    // The next task waits for this one to settle, whatever its outcome.
    this.tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }

  /** True while the caller runs inside one of this queue's tasks. */
  get insideSlot(): boolean {
    return this.slot.getStore() === this;
  }
}
