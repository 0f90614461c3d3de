/** A seed: a number or a string; both hash to the same 128-bit state family. */
export type Seed = number | string;

/** One part of a stream name: a purpose, an entity id or an index. */
export type StreamKey = string | number;

/**
 * Hashes a root seed and a list of keys into four 32-bit words (cyrb128-style mixing), used to seed
 * an independent generator per (seed, purpose, entity). Keys are length-prefixed so that
 * ('ab', 'c') and ('a', 'bc') give different streams.
 */
export function hashKeys(seed: Seed, keys: readonly StreamKey[]): [number, number, number, number] {
  let h1 = 0x6a09e667;
  let h2 = 0xbb67ae85;
  let h3 = 0x3c6ef372;
  let h4 = 0xa54ff53a;
  const text = [seed, ...keys].map((k) => `${typeof k === 'number' ? 'n' : 's'}${String(k).length}:${k}`).join('|');
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}
