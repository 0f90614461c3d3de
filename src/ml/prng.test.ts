import { describe, expect, it } from 'vitest';
import { createPrng, deriveSeed, sampleIndices } from './prng.js';

describe('seeded PRNG', () => {
  it('repeats the same sequence for the same seed and differs for another seed', () => {
    const a = createPrng(7), b = createPrng(7), c = createPrng(8);
    const sa = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(sa);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(sa);
    for (const v of sa) expect(v >= 0 && v < 1).toBe(true);
  });

  it('derives different sub-seeds per purpose', () => {
    expect(deriveSeed(1, 1)).not.toBe(deriveSeed(1, 2));
    expect(deriveSeed(1, 1)).toBe(deriveSeed(1, 1));
  });

  it('samples the requested number of distinct ascending indices', () => {
    const s = sampleIndices(1000, 0.3, createPrng(3));
    expect(s.length).toBe(300);
    for (let i = 1; i < s.length; i++) expect(s[i]!).toBeGreaterThan(s[i - 1]!);
    expect(s[s.length - 1]!).toBeLessThan(1000);
  });
});
