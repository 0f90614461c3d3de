import { describe, expect, it } from 'vitest';
import { brierScore, expectedCalibrationError, logLoss, reliabilityBins } from './probability-metrics.js';

describe('probability metrics', () => {
  it('computes the Brier score and log-loss', () => {
    expect(brierScore([0.9, 0.2], [1, 0])).toBeCloseTo((0.01 + 0.04) / 2, 12);
    expect(logLoss([0.9, 0.2], [1, 0])).toBeCloseTo(-(Math.log(0.9) + Math.log(0.8)) / 2, 12);
    expect(logLoss([0], [1])).toBeCloseTo(-Math.log(1e-15), 9); // clipped, not infinite
    expect(Number.isFinite(logLoss([1], [0]))).toBe(true);
  });

  it('computes ECE over equal-frequency bins', () => {
    // bins {0.1, 0.2} (mean 0.15, observed 0) and {0.3, 0.4} (mean 0.35, observed 1)
    expect(expectedCalibrationError([0.3, 0.1, 0.4, 0.2], [1, 0, 1, 0], 2)).toBeCloseTo(0.5 * 0.15 + 0.5 * 0.65, 12);
    expect(reliabilityBins([0.3, 0.1, 0.4, 0.2], [1, 0, 1, 0], 2)).toEqual([
      { count: 2, meanPredicted: expect.closeTo(0.15, 12), observedRate: 0 },
      { count: 2, meanPredicted: expect.closeTo(0.35, 12), observedRate: 1 },
    ]);
    expect(expectedCalibrationError([0.5, 0.5, 0.5, 0.5], [1, 0, 0, 1], 2)).toBeCloseTo(0, 12);
  });
});
