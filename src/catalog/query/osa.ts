/**
 * Optimal string alignment distance (restricted Damerau-Levenshtein): insertions, deletions, substitutions and
 * transpositions of two neighbouring letters each cost 1, so "ipohne" is one edit from "iphone" (plain Levenshtein
 * counts two). No substring is edited twice, which is what a typo is.
 */
export function osaDistance(a: string, b: string): number {
  if (a === b) return 0;
  return alignment(Array.from(a), Array.from(b), Number.POSITIVE_INFINITY);
}

/**
 * The OSA distance when it is at most `max`, else `max + 1`. Strings whose lengths differ by more than `max` are
 * refused before any table is built, and the table stops at the first row past `max`: a 4,096-character answer
 * costs nothing against a 10-letter name.
 */
export function osaWithin(a: string, b: string, max: number): number {
  if (a === b) return 0;
  // A string of n UTF-16 units has between n/2 and n code points: a cheap lower bound on the length difference.
  const lower = Math.max(Math.ceil(a.length / 2) - b.length, Math.ceil(b.length / 2) - a.length);
  if (lower > max) return max + 1;
  if (Math.abs(codePoints(a) - codePoints(b)) > max) return max + 1;
  return Math.min(alignment(Array.from(a), Array.from(b), max), max + 1);
}

/** The number of code points, counted without building an array. */
function codePoints(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i += 1) {
    const unit = text.charCodeAt(i);
    if (unit < 0xdc00 || unit > 0xdfff) count += 1; // a low surrogate belongs to the code point before it
  }
  return count;
}

function alignment(s: string[], t: string[], max: number): number {
  if (s.length === 0) return t.length;
  if (t.length === 0) return s.length;
  // Three rows: the one before the previous is needed for transpositions.
  let before = new Array<number>(t.length + 1).fill(0);
  let previous = Array.from({ length: t.length + 1 }, (_, j) => j);
  let current = new Array<number>(t.length + 1).fill(0);
  for (let i = 1; i <= s.length; i += 1) {
    current[0] = i;
    let rowBest = i;
    for (let j = 1; j <= t.length; j += 1) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let best = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) best = Math.min(best, before[j - 2] + 1);
      current[j] = best;
      rowBest = Math.min(rowBest, best);
    }
    // Every later cell costs at least the best of this row, give or take a transposition of the next one.
    if (rowBest > max + 1) return max + 1;
    [before, previous, current] = [previous, current, before];
  }
  return previous[t.length];
}

const SURROGATE = /[\uD800-\uDFFF]/;

/**
 * `osaWithin(a, b, 1) <= 1`, without a table: one substitution, one insertion or deletion, or one swap of two
 * neighbouring letters. Linear and allocation-free; words with characters outside the BMP take the general path.
 */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (SURROGATE.test(a) || SURROGATE.test(b)) return osaWithin(a, b, 1) <= 1;
  const [long, short] = a.length >= b.length ? [a, b] : [b, a];
  if (long.length - short.length > 1) return false;
  let i = 0;
  while (i < short.length && long.charCodeAt(i) === short.charCodeAt(i)) i += 1;
  if (long.length === short.length) {
    // One substitution at i, or the letters at i and i + 1 swapped; the rest the same.
    const swapped = i + 1 < long.length && long[i] === short[i + 1] && long[i + 1] === short[i];
    return sameFrom(long, i + 1, short, i + 1) || (swapped && sameFrom(long, i + 2, short, i + 2));
  }
  // One letter more in `long`, at i.
  return sameFrom(long, i + 1, short, i);
}

function sameFrom(a: string, from: number, b: string, at: number): boolean {
  if (a.length - from !== b.length - at) return false;
  for (let k = 0; k < a.length - from; k += 1) if (a.charCodeAt(from + k) !== b.charCodeAt(at + k)) return false;
  return true;
}
