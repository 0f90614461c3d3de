import type { RandomStream } from '../random/index.js';

/** Misspells a word the way people do: a dropped, doubled or swapped letter. */
export function typo(rng: RandomStream, word: string): string {
  if (word.length < 4) return `${word}${word.slice(-1)}`;
  const i = rng.int(1, word.length - 2);
  const kind = rng.weighted([['drop', 4], ['swap', 3], ['double', 2]] as const);
  if (kind === 'drop') return word.slice(0, i) + word.slice(i + 1);
  if (kind === 'double') return word.slice(0, i) + word.charAt(i) + word.slice(i);
  const swapped = word.slice(0, i) + word.charAt(i + 1) + word.charAt(i) + word.slice(i + 2);
  return swapped === word ? word.slice(0, i) + word.slice(i + 1) : swapped;
}
