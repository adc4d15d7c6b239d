/**
 * State parts this process has validated (the loaders in dialogs/order-state.ts) and wrote itself, so the next
 * turn's read can hand them out without validating again. An object read from disk (another process, an older
 * deploy, a restart) is never marked: it is validated as before.
 *
 * The storage carries the mark across its JSON round trip: on write it notes which top-level parts of the item are
 * marked, on a read of that same write it marks the fresh objects it parses for those parts.
 */
const validated = new WeakSet<object>();

export function markValidated(value: unknown): void {
  if (typeof value === 'object' && value !== null) validated.add(value);
}

export function isValidated(value: unknown): boolean {
  return typeof value === 'object' && value !== null && validated.has(value);
}

/** The top-level parts of an item to be written that were validated by this process. */
export function validatedParts(item: object): readonly string[] | undefined {
  const parts = Object.entries(item)
    .filter(([, value]) => isValidated(value))
    .map(([key]) => key);
  return parts.length ? parts : undefined;
}

/** Marks the parts of a freshly parsed item that were validated when this process wrote it. */
export function markValidatedParts(item: Record<string, unknown>, parts: readonly string[] | undefined): void {
  for (const key of parts ?? []) markValidated(item[key]);
}
