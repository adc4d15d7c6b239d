/** How a replayed answer may differ from the recording at a given key. */
export type KeyRule = 'equal' | 'type-only' | ((expected: unknown, actual: unknown) => string | null);

const typeOf = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

/**
 * Compares two JSON values: same types everywhere, same keys in the same order, equal values except where a
 * key rule says otherwise. Returns every difference as "path: what".
 */
export function compareJson(expected: unknown, actual: unknown, rules: Record<string, KeyRule>, path = '$'): string[] {
  if (typeOf(expected) !== typeOf(actual)) return [`${path}: type ${typeOf(actual)} instead of ${typeOf(expected)} (${JSON.stringify(actual)?.slice(0, 120)})`];
  if (Array.isArray(expected) && Array.isArray(actual)) {
    if (expected.length !== actual.length) return [`${path}: ${actual.length} items instead of ${expected.length}`];
    return expected.flatMap((e, i) => compareJson(e, actual[i], rules, `${path}[${i}]`));
  }
  if (typeOf(expected) === 'object') {
    const e = expected as Record<string, unknown>;
    const a = actual as Record<string, unknown>;
    const ek = Object.keys(e);
    const ak = Object.keys(a);
    if (ek.join(',') !== ak.join(',')) return [`${path}: keys [${ak.join(',')}] instead of [${ek.join(',')}]`];
    return ek.flatMap((k) => {
      const rule = rules[k] ?? 'equal';
      if (rule === 'type-only') return typeOf(e[k]) === typeOf(a[k]) ? [] : [`${path}.${k}: type ${typeOf(a[k])} instead of ${typeOf(e[k])}`];
      if (typeof rule === 'function') {
        const problem = rule(e[k], a[k]);
        return problem ? [`${path}.${k}: ${problem}`] : [];
      }
      return compareJson(e[k], a[k], rules, `${path}.${k}`);
    });
  }
  return expected === actual ? [] : [`${path}: ${JSON.stringify(actual)} instead of ${JSON.stringify(expected)}`];
}

/** Splits an answer body into the PHP warning HTML printed before the JSON and the JSON itself. */
export function splitWarnings(body: string): { prefix: string; json: unknown } {
  const start = body.search(/[[{]/);
  if (start < 0) return { prefix: body, json: undefined };
  try {
    return { prefix: body.slice(0, start), json: JSON.parse(body.slice(start)) as unknown };
  } catch {
    return { prefix: body, json: undefined };
  }
}
