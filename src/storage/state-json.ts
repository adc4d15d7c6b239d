/**
 * The JSON text of a state item, handed along beside the object so it is not serialised again. Two hand-offs, kept
 * apart so neither mark can be used for the other:
 * - read: FileStorage marks each item it parses with the text it parsed (without eTag); LeanStateCore's load
 *   takes it at once, before anything can change the object. FileStorage never writes from a read mark, so an
 *   item read and changed by other code is serialised afresh.
 * - save: LeanStateCore marks the state it saves with the text it compared; FileStorage's write takes it.
 * Each mark is taken (and so removed) by its one hand-off. Keyed weakly by the object; a storage that knows nothing
 * of this (Blob, Cosmos, memory) serialises as before, and the mark goes with the object.
 */
const readTexts = new WeakMap<object, string>();
const savedTexts = new WeakMap<object, string>();

function take(texts: WeakMap<object, string>, item: object): string | undefined {
  const json = texts.get(item);
  texts.delete(item);
  return json;
}

/** FileStorage: `item` was just parsed from `json` (plus its eTag). */
export function markReadJson<T extends object>(item: T, json: string): T {
  readTexts.set(item, json);
  return item;
}

/** LeanStateCore's load: the text `item` was parsed from, if the storage said; the mark is removed. */
export function takeReadJson(item: object): string | undefined {
  return take(readTexts, item);
}

/** LeanStateCore's save: `item` serialises (without eTag) to `json` right now. */
export function markSavedJson<T extends object>(item: T, json: string): T {
  savedTexts.set(item, json);
  return item;
}

/** FileStorage's write: the text to write for `item`, if its saver said; the mark is removed. */
export function takeSavedJson(item: object): string | undefined {
  return take(savedTexts, item);
}

/** A copy of an item being saved (the same fields, another eTag) takes over its mark. */
export function passSavedJson<T extends object>(from: object, to: T): T {
  const json = take(savedTexts, from);
  if (json !== undefined) savedTexts.set(to, json);
  return to;
}
