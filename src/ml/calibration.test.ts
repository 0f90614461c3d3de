import { describe, expect, it } from 'vitest';
import { calibrate } from './calibration.js';
import { applyIsotonic, fitIsotonic } from './isotonic-calibration.js';
import { fitPlatt } from './platt-scaling.js';
import { createPrng } from './prng.js';

describe('Platt scaling', () => {
  it('recovers the slope and offset of a logistic relation', () => {
    const r = createPrng(3);
    const m = Float64Array.from({ length: 5000 }, () => r.next() * 6 - 3);
    const y = m.map((v) => (r.next() < 1 / (1 + Math.exp(-(2 * v - 1))) ? 1 : 0));
    const c = fitPlatt(m, y);
    expect(c.a).toBeCloseTo(2, 0);
    expect(Math.abs(c.a - 2)).toBeLessThan(0.15);
    expect(Math.abs(c.b + 1)).toBeLessThan(0.1);
    expect(calibrate(c, 0.5)).toBeCloseTo(0.5, 1);
  });

  it('stays finite on perfectly separated data thanks to smoothed targets', () => {
    const c = fitPlatt([-2, -1, 1, 2], [0, 0, 1, 1]);
    expect(Number.isFinite(c.a) && Number.isFinite(c.b)).toBe(true);
    expect(calibrate(c, 2)).toBeLessThan(1);
  });
});

describe('isotonic calibration', () => {
  it('pools adjacent violators into increasing blocks', () => {
    // 1:1, 2:0 pool → 0.5; 3:1, 4:0 pool → 0.5, which pools with the first block; 5:1 stays.
    const c = fitIsotonic([1, 2, 3, 4, 5], [1, 0, 1, 0, 1]);
    expect(c.x).toEqual([2.5, 5]);
    expect(c.y).toEqual([0.5, 1]);
    expect(applyIsotonic(c, 3.75)).toBeCloseTo(0.75, 12);
    expect(applyIsotonic(c, 0)).toBe(0.5);
    expect(applyIsotonic(c, 10)).toBe(1 - 1e-6);
  });

  it('pools tied scores before merging', () => {
    const c = fitIsotonic([2, 1, 1], [1, 1, 0]);
    expect(c.x).toEqual([1, 2]);
    expect(c.y).toEqual([0.5, 1]);
    expect(calibrate(c, 1.5)).toBeCloseTo(0.75, 12);
  });
});
