import jaroWinklerFn from 'talisman/metrics/jaro-winkler.js';
import doubleMetaphoneFn from 'talisman/phonetics/double-metaphone.js';
import damerauLevenshteinFn from 'talisman/metrics/damerau-levenshtein.js';
import { BoundedCache } from './bounded-cache.js';

// Names repeat across orders (customers, account holders): each word is encoded once.
const METAPHONES = new BoundedCache<readonly [string, string]>(50_000);

/** Jaro-Winkler similarity of two strings, 0..1 (1 = identical). */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length === 0 || b.length === 0) return 0;
  return jaroWinklerFn(a, b);
}

/** Double Metaphone codes (primary, alternate) of one word. */
export function doubleMetaphone(word: string): readonly [string, string] {
  return METAPHONES.get(word, doubleMetaphoneFn);
}

/** True when two words share a Double Metaphone code. */
export function soundAlike(a: string, b: string): boolean {
  if (a.length === 0 || b.length === 0) return false;
  const [a1, a2] = doubleMetaphone(a);
  const [b1, b2] = doubleMetaphone(b);
  return a1 === b1 || a1 === b2 || a2 === b1 || (a2 === b2 && a2 !== '');
}

/** Damerau-Levenshtein edit distance (insert, delete, substitute, transpose). */
export function editDistance(a: string, b: string): number {
  return damerauLevenshteinFn(a, b);
}

/** The candidate most similar to `value` by Jaro-Winkler, with its score. */
export function closest(
  value: string,
  candidates: Iterable<string>,
): { readonly candidate: string; readonly score: number } | undefined {
  let best: { candidate: string; score: number } | undefined;
  for (const c of candidates) {
    const score = jaroWinkler(value, c);
    if (best === undefined || score > best.score) best = { candidate: c, score };
  }
  return best;
}
