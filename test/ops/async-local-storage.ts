import asyncHooks from 'node:async_hooks';

/** Counts every AsyncLocalStorage made from now on, by any module that reads it from node:async_hooks at call time. */
export function countAsyncLocalStorages(): { made: () => number; restore: () => void } {
  const original = asyncHooks.AsyncLocalStorage;
  let made = 0;
  class Counted<T> extends original<T> {
    constructor() {
      super();
      made += 1;
    }
  }
  // A data property on Node 20, a getter on Node 24: defined either way, then put back as it was.
  const descriptor = Object.getOwnPropertyDescriptor(asyncHooks, 'AsyncLocalStorage');
  Object.defineProperty(asyncHooks, 'AsyncLocalStorage', { value: Counted, configurable: true, writable: true });
  const restore = () => {
    if (descriptor) Object.defineProperty(asyncHooks, 'AsyncLocalStorage', descriptor);
  };
  return { made: () => made, restore };
}
