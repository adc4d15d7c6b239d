import { AsyncLocalStorage } from 'node:async_hooks';

interface Chain {
  tail: Promise<unknown>;
}

interface Slot {
  owner: SessionQueue;
  /** Tasks started from inside this slot queue here, one after another. */
  children: Chain;
}

/**
 * One for the whole process, shared by every queue (the slot names its owner). On Node 20 an AsyncLocalStorage that
 * has once run is never released and every later promise pays for each one ever made, so never make one per queue.
 */
const slots = new AsyncLocalStorage<Slot>();

/**
 * Runs the calls of one OpenCart session strictly one after another: OpenCart rewrites the whole session
 * at the end of each request, so overlapping calls lose writes. A task started from inside a running task
 * (the re-login hook rebuilding the cart) runs within that task's slot, in a nested line of its own, instead
 * of waiting behind it forever; nested tasks still never overlap each other.
 */
export class SessionQueue {
  private readonly root: Chain = { tail: Promise.resolve() };

  run<T>(task: () => Promise<T>): Promise<T> {
    const current = slots.getStore();
    return this.enqueue(current?.owner === this ? current.children : this.root, task);
  }

  /** True while the caller runs inside one of this queue's tasks. */
  get insideSlot(): boolean {
    return slots.getStore()?.owner === this;
  }

  private enqueue<T>(chain: Chain, task: () => Promise<T>): Promise<T> {
    const result = chain.tail.then(() => slots.run({ owner: this, children: { tail: Promise.resolve() } }, task));
    // The next task waits for this one to settle, whatever its outcome.
    chain.tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }
}
