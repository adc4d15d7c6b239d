import { osaWithin } from '../query/osa';
import type { Resolution } from '../types';
import { foldText } from '../query/fold';

export interface NamedCandidate<T> {
  value: T;
  id: number;
  /** Folded names (see foldText). */
  names: string[];
  /** Upper-case codes matched exactly ("RU", "RUS", "KA"). */
  codes: string[];
}

/** Edits tolerated for a word of this length: none for short words, where one edit makes another name. */
export function typoBudget(length: number): number {
  if (length <= 3) return 0;
  if (length <= 6) return 1;
  return 2;
}

const CYRILLIC_TO_LATIN: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ж: 'zh', з: 'z', и: 'i', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o',
  п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '',
  э: 'e', ю: 'yu', я: 'ya',
};

/** "калининград" -> "kaliningrad": OpenCart's zone names are Latin. Input is already folded (й -> и). */
export function transliterate(folded: string): string {
  return [...folded].map((ch) => CYRILLIC_TO_LATIN[ch] ?? ch).join('');
}

/** German umlauts written out ("Muenchen", "Thueringen") as foldText leaves them from "München": "u". */
export function umlautsFolded(folded: string): string {
  return folded.replace(/(?<=[a-z])ae/g, 'a').replace(/(?<=[a-z])oe/g, 'o').replace(/(?<=[a-z])ue/g, 'u');
}

/** Russian region adjectives to their city: "калининградская" => "калининград" (the zone is named after it). */
export function adjectiveStem(folded: string): string {
  return folded
    .split(' ')
    .map((word) => (word.length >= 8 ? word.replace(/(ская|ский|ской|скую|ское|ского)$/u, '') : word))
    .join(' ');
}

function unique<T>(matches: NamedCandidate<T>[]): NamedCandidate<T>[] {
  const seen = new Set<number>();
  return matches.filter((match) => (seen.has(match.id) ? false : (seen.add(match.id), true)));
}

function verdict<T>(matches: NamedCandidate<T>[]): Resolution<T> | null {
  const distinct = unique(matches);
  if (distinct.length === 0) return null;
  if (distinct.length === 1) return { kind: 'found', value: distinct[0].value };
  return { kind: 'ambiguous', candidates: distinct.map((match) => match.value) };
}

/** Whether the name starts with the query's words, or one word of it is the query ("united" in "united kingdom"). */
function namesPart(name: string, query: string): boolean {
  if (name.length <= query.length) return false;
  if (query.includes(' ')) return name.startsWith(`${query} `);
  for (let at = name.indexOf(query); at >= 0; at = name.indexOf(query, at + 1)) {
    const end = at + query.length;
    if ((at === 0 || name[at - 1] === ' ') && (end === name.length || name[end] === ' ')) return true;
  }
  return false;
}

function matchFolded<T>(query: string, candidates: NamedCandidate<T>[]): Resolution<T> | null {
  const exact = verdict(candidates.filter((c) => c.names.includes(query)));
  if (exact) return exact;
  if (query.length >= 3) {
    // "united" names the start of several countries: report them all rather than pick one.
    const partial = verdict(candidates.filter((c) => c.names.some((name) => namesPart(name, query))));
    if (partial) return partial;
  }
  const budget = typoBudget(query.length);
  if (budget === 0) return null;
  let best = budget + 1;
  let closest: NamedCandidate<T>[] = [];
  for (const candidate of candidates) {
    for (const name of candidate.names) {
      // Names whose length differs by more than the budget are skipped without building a table.
      const d = osaWithin(query, name, budget);
      if (d > budget) continue;
      if (d < best) {
        best = d;
        closest = [candidate];
      } else if (d === best) {
        closest.push(candidate);
      }
    }
  }
  return verdict(closest);
}

/** Resolves what a customer typed against names and codes; several equally good answers are reported, not guessed. */
/** Longer than any country or region name with its noise words: nothing to match, and nothing is folded. */
export const MAX_NAME_QUERY = 120;

export function resolveByName<T>(text: string, candidates: NamedCandidate<T>[], noiseWords: ReadonlySet<string> = new Set()): Resolution<T> {
  if (text.length > MAX_NAME_QUERY * 2) return { kind: 'none' };
  const query = foldText(text);
  if (query.length > MAX_NAME_QUERY) return { kind: 'none' };
  if (!query) return { kind: 'none' };
  const code = text.trim().toUpperCase();
  if (/^[A-Z0-9]{2,3}$/.test(code)) {
    const byCode = verdict(candidates.filter((c) => c.codes.includes(code)));
    if (byCode) return byCode;
  }
  const meaningful = query.split(' ').filter((word) => !noiseWords.has(word)).join(' ');
  const saintShort = meaningful.split(' ').map((word) => (word === 'saint' || word === 'sankt' ? 'st' : word)).join(' ');
  const variants = [
    ...new Set([query, meaningful, saintShort, transliterate(query), transliterate(meaningful), umlautsFolded(meaningful), transliterate(adjectiveStem(meaningful))]),
  ].filter(Boolean);
  for (const variant of variants) {
    const result = matchFolded(variant, candidates);
    if (result) return result;
  }
  return { kind: 'none' };
}
