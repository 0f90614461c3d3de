import { describe, expect, it } from 'vitest';
import { streamFor } from './index.js';

function draws(seed: number, ...keys: (string | number)[]): number[] {
  const rng = streamFor(seed, ...keys);
  return Array.from({ length: 5 }, () => rng.uint32());
}

describe('seeded random streams', () => {
  it('gives the same sequence for the same seed and name, different ones otherwise', () => {
    expect(draws(42, 'orders', 1)).toEqual(draws(42, 'orders', 1));
    expect(draws(42, 'orders', 1)).not.toEqual(draws(42, 'orders', 2));
    expect(draws(42, 'orders', 1)).not.toEqual(draws(43, 'orders', 1));
    expect(draws(42, 'ab', 'c')).not.toEqual(draws(42, 'a', 'bc'));
    expect(draws(42, '1')).not.toEqual(draws(42, 1));
  });

  it('draws uniforms in [0, 1) with the right mean', () => {
    const rng = streamFor(7, 'uniform');
    let sum = 0;
    for (let i = 0; i < 50_000; i++) {
      const x = rng.next();
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
      sum += x;
    }
    expect(sum / 50_000).toBeCloseTo(0.5, 2);
  });

  it('matches the moments of normal, lognormal and Poisson draws', () => {
    const rng = streamFor(7, 'moments');
    const n = 40_000;
    const normals = Array.from({ length: n }, () => rng.normal(690, 70));
    const mean = normals.reduce((a, b) => a + b, 0) / n;
    const sd = Math.sqrt(normals.reduce((a, b) => a + (b - mean) ** 2, 0) / n);
    expect(Math.abs(mean - 690)).toBeLessThan(2);
    expect(Math.abs(sd - 70)).toBeLessThan(2);
    const logs = Array.from({ length: n }, () => Math.log(rng.lognormal(0, 0.6)));
    expect(Math.abs(logs.reduce((a, b) => a + b, 0) / n)).toBeLessThan(0.02);
    for (const lambda of [0.4, 5, 45]) {
      const counts = Array.from({ length: n }, () => rng.poisson(lambda));
      expect(Math.abs(counts.reduce((a, b) => a + b, 0) / n - lambda)).toBeLessThan(0.05 * lambda + 0.02);
    }
  });

  it('chooses by weight and shuffles without losing elements', () => {
    const rng = streamFor(3, 'choice');
    const hits = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < 30_000; i++) hits[rng.weighted([['a', 0.6], ['b', 0.3], ['c', 0.1]] as const)]++;
    expect(hits.a / 30_000).toBeCloseTo(0.6, 1);
    expect(hits.c / 30_000).toBeCloseTo(0.1, 1);
    const list = Array.from({ length: 20 }, (_, i) => i);
    const shuffled = rng.shuffle(list);
    expect(shuffled).not.toEqual(list);
    expect([...shuffled].sort((x, y) => x - y)).toEqual(list);
    expect(() => rng.pick([])).toThrow();
  });
});
