import { describe, expect, it } from 'vitest';
import { categoricalPsi, populationStabilityIndex } from './psi.js';

describe('population stability index', () => {
  const reference = Array.from({ length: 10 }, (_, i) => i + 1);

  it('is zero for the same distribution', () => {
    expect(populationStabilityIndex(reference, [...reference].reverse())).toBeCloseTo(0, 12);
  });

  it('matches a hand computation when everything moves into one decile', () => {
    // reference: 0.1 in each of 10 bins; current: 1.0 in the first, 0 (floored to 1e-4) elsewhere
    const expected = 0.9 * Math.log(10) + 9 * (0.1 - 1e-4) * Math.log(0.1 / 1e-4);
    expect(populationStabilityIndex(reference, Array(50).fill(1))).toBeCloseTo(expected, 10);
  });

  it('counts missing values in their own bin', () => {
    const withMissing = [...reference.slice(0, 5), NaN, NaN, NaN, NaN, NaN];
    expect(populationStabilityIndex(reference, withMissing)).toBeGreaterThan(1);
  });

  it('compares category shares for categorical features', () => {
    // shares 0.5/0.5 → 0.75/0.25: 0.25·ln 1.5 − 0.25·ln 0.5 = 0.25·ln 3
    expect(categoricalPsi([0, 0, 1, 1], [0, 0, 0, 1])).toBeCloseTo(0.25 * Math.log(3), 12);
  });
});
