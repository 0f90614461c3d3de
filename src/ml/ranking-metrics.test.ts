import { describe, expect, it } from 'vitest';
import { atCapacity, averagePrecision, rocAuc } from './ranking-metrics.js';

describe('ranking metrics', () => {
  it('computes ROC AUC, counting tied scores as half-correct pairs', () => {
    expect(rocAuc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1])).toBeCloseTo(0.75, 12);
    // pairs (pos, neg): (0.5, 0.5) tie = ½, the other three are ordered correctly → 3.5 / 4
    expect(rocAuc([0.5, 0.5, 0.2, 0.9], [1, 0, 0, 1])).toBeCloseTo(0.875, 12);
    expect(rocAuc([1, 1, 1, 1], [1, 0, 1, 0])).toBeCloseTo(0.5, 12);
    expect(rocAuc([0.3, 0.2], [1, 1])).toBeNaN();
  });

  it('computes average precision over distinct thresholds', () => {
    // 0.8 → P 1, R ½; 0.35 → P ⅔, R 1 → ½·1 + ½·⅔
    expect(averagePrecision([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1])).toBeCloseTo(0.5 + 1 / 3, 12);
    // the tied pair at 0.5 counts as one threshold: P ⅔ at R 1
    expect(averagePrecision([0.5, 0.5, 0.2, 0.9], [1, 0, 0, 1])).toBeCloseTo(0.5 + 1 / 3, 12);
    expect(averagePrecision([0.5, 0.6], [0, 0])).toBeNaN();
  });

  it('reports precision, recall and lift for the top share of orders', () => {
    const scores = [0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1, 0.05];
    const labels = [1, 0, 1, 0, 0, 0, 1, 0, 0, 0];
    const m = atCapacity(scores, labels, 0.2);
    expect(m).toMatchObject({ reviewed: 2, truePositives: 1, precision: 0.5, baseRate: 0.3 });
    expect(m.recall).toBeCloseTo(1 / 3, 12);
    expect(m.lift).toBeCloseTo(0.5 / 0.3, 12);
    expect(atCapacity(scores, labels, 0.3).precision).toBeCloseTo(2 / 3, 12);
  });
});
