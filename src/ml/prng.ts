/** A seeded pseudo-random stream (mulberry32): same seed, same sequence, on every platform. */
export interface Prng {
  /** Next uniform draw in [0, 1). */
  next(): number;
  /** Next integer in [0, n). */
  int(n: number): number;
}

/** Creates a mulberry32 stream from a 32-bit integer seed. */
export function createPrng(seed: number): Prng {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n: number) => Math.floor(next() * n) };
}

/** Derives an independent sub-seed from a seed and a purpose number (splitmix-style hash). */
export function deriveSeed(seed: number, purpose: number): number {
  let z = (seed ^ Math.imul(purpose + 0x9e3779b9, 0x85ebca6b)) >>> 0;
  z = Math.imul(z ^ (z >>> 16), 0x7feb352d) >>> 0;
  z = Math.imul(z ^ (z >>> 15), 0x846ca68b) >>> 0;
  return (z ^ (z >>> 16)) >>> 0;
}

/**
 * Draws round(fraction·n) distinct indices from [0, n) without replacement, returned in ascending
 * order (ascending keeps later column scans cache-friendly).
 */
export function sampleIndices(n: number, fraction: number, prng: Prng): Int32Array {
  const k = Math.max(1, Math.min(n, Math.round(fraction * n)));
  if (k === n) return Int32Array.from({ length: n }, (_, i) => i);
  // Selection sampling (Knuth's algorithm S): one pass, already sorted.
  const out = new Int32Array(k);
  let taken = 0;
  for (let i = 0; i < n && taken < k; i++) {
    if ((n - i) * prng.next() < k - taken) out[taken++] = i;
  }
  return out;
}
