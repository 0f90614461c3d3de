import { describe, expect, it } from 'vitest';
import { compileModel, goesLeft, type CompiledModel } from './compiled-model.js';
import { createDataset, readRow, type Dataset } from './dataset.js';
import { trainGbdt } from './gbdt-trainer.js';
import { createPrng } from './prng.js';
import { scoreRow } from './scorer.js';
import { createTreeShap, shapRow } from './tree-shap.js';

/** Random table: 4 numeric features (10% missing) and one categorical; label from a noisy rule. */
function randomData(n: number, seed: number): Dataset {
  const r = createPrng(seed);
  const cols = Array.from({ length: 5 }, () => new Float64Array(n));
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    for (let f = 0; f < 4; f++) cols[f]![i] = r.next() < 0.1 ? NaN : r.next() * 2 - 1;
    cols[4]![i] = r.int(6);
    const [a, b, c] = [cols[0]![i]! || 0, cols[1]![i]! || 0, cols[4]![i]!];
    y[i] = r.next() < 1 / (1 + Math.exp(-(2 * a * b + (c % 2 ? 1 : -1) + cols[2]![i]!))) ? 1 : 0;
  }
  const features = [0, 1, 2, 3].map((f) => ({ name: `x${f}`, kind: 'numeric' as const }));
  return createDataset([...features, { name: 'c', kind: 'categorical' }], cols, y);
}

/** E[tree(x) | features in S known], path-dependent: unknown features follow cover shares. */
function conditional(cm: CompiledModel, n: number, x: Float64Array, known: Set<number>): number {
  const f = cm.feature[n]!;
  if (f < 0) return cm.value[n]!;
  const l = cm.left[n]!;
  if (known.has(f)) return conditional(cm, goesLeft(cm, n, x[f]!) ? l : l + 1, x, known);
  return (cm.cover[l]! * conditional(cm, l, x, known) + cm.cover[l + 1]! * conditional(cm, l + 1, x, known)) / cm.cover[n]!;
}

/** Shapley values by enumerating every coalition (fine for 5 features). */
function bruteForceShap(cm: CompiledModel, x: Float64Array): number[] {
  const m = cm.nFeatures;
  const value = (mask: number): number => {
    const known = new Set([...Array(m).keys()].filter((f) => mask & (1 << f)));
    let s = 0;
    for (let t = 0; t < cm.roots.length; t++) s += conditional(cm, cm.roots[t]!, x, known);
    return s;
  };
  const fact = (k: number): number => (k <= 1 ? 1 : k * fact(k - 1));
  return [...Array(m).keys()].map((i) => {
    let phi = 0;
    for (let mask = 0; mask < 1 << m; mask++) {
      if (mask & (1 << i)) continue;
      const size = [...Array(m).keys()].filter((f) => mask & (1 << f)).length;
      phi += ((fact(size) * fact(m - size - 1)) / fact(m)) * (value(mask | (1 << i)) - value(mask));
    }
    return phi;
  });
}

describe('TreeSHAP', () => {
  const data = randomData(3000, 1);
  const params = { numRounds: 25, maxDepth: 5, learningRate: 0.2, minSamplesLeaf: 5, subsample: 0.8, colsampleByTree: 0.8, earlyStoppingRounds: 0, seed: 2 };

  it.each([false, true])('is locally accurate: contributions plus bias equal the raw margin (quantised gradients: %s)', (quantizedGradients) => {
    const cm = compileModel(trainGbdt(data, { ...params, quantizedGradients }).model);
    const shap = createTreeShap(cm);
    const probe = randomData(200, 99);
    const x = new Float64Array(5);
    const margin = new Float64Array(1);
    for (let r = 0; r < probe.nRows; r++) {
      readRow(probe, r, x);
      const phi = shapRow(shap, x);
      const sum = phi.reduce((s, v) => s + v, 0);
      expect(Math.abs(sum - scoreRow(cm, x, margin)[0]!)).toBeLessThan(1e-6);
    }
  });

  it('matches Shapley values computed by enumerating all coalitions', () => {
    const cm = compileModel(trainGbdt(data, { ...params, numRounds: 5 }).model);
    const shap = createTreeShap(cm);
    const x = new Float64Array(5);
    for (let r = 0; r < 20; r++) {
      readRow(data, r, x);
      const phi = shapRow(shap, x);
      bruteForceShap(cm, x).forEach((v, f) => expect(phi[f]).toBeCloseTo(v, 9));
    }
  });

  it('gives one locally accurate block per class for a softmax model', () => {
    const labels = data.labels!.map((v, i) => v + (data.columns[3]![i]! > 0.5 ? 1 : 0));
    const ds = createDataset(data.features, data.columns, labels);
    const cm = compileModel(trainGbdt(ds, { ...params, objective: 'softmax', numClasses: 3, numRounds: 8 }).model);
    const shap = createTreeShap(cm);
    const x = readRow(ds, 5, new Float64Array(5));
    const phi = shapRow(shap, x);
    const margins = scoreRow(cm, x, new Float64Array(3));
    for (let k = 0; k < 3; k++) expect(phi.subarray(k * 6, k * 6 + 6).reduce((s, v) => s + v, 0)).toBeCloseTo(margins[k]!, 9);
  });
});
