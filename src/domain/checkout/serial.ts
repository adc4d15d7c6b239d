import type { CheckoutState } from '../checkout-port';

// Module-wide, so two services sharing a state object (unlikely, but cheap) still queue behind each other.
const tails = new WeakMap<CheckoutState, Promise<unknown>>();

/**
 * Runs operations on one conversation's state one after another: a double click on "place order" waits for the
 * first placement and then sees it placed. (OpenCart also loses writes when one session gets parallel requests.)
 */
export function serialized<T>(state: CheckoutState, operation: () => Promise<T>): Promise<T> {
  const previous = tails.get(state) ?? Promise.resolve();
  const run = previous.then(operation, operation);
  tails.set(
    state,
    run.catch(() => undefined),
  );
  return run;
}
