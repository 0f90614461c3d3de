// talisman ships no type declarations; these cover the functions the validators use.
declare module 'talisman/metrics/jaro-winkler.js' {
  /** Jaro-Winkler similarity, 0..1. */
  export default function jaroWinkler(a: string, b: string): number;
}
declare module 'talisman/phonetics/double-metaphone.js' {
  /** Double Metaphone: [primary, alternate]. */
  export default function doubleMetaphone(word: string): [string, string];
}
declare module 'talisman/metrics/damerau-levenshtein.js' {
  /** Damerau-Levenshtein distance. */
  export default function damerauLevenshtein(a: string, b: string): number;
}
