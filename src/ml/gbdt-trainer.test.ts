import { describe, expect, it } from 'vitest';
import { compileModel } from './compiled-model.js';
import { createDataset, sliceRows, type Dataset } from './dataset.js';
import { parseModel, serializeModel } from './gbdt-model.js';
import { trainGbdt } from './gbdt-trainer.js';
import { objectiveLoss } from './objective.js';
import { createPrng } from './prng.js';
import { rocAuc } from './ranking-metrics.js';
import { predictClassProbabilities, predictMargins } from './scorer.js';

/** x0, x1 uniform; y = XOR(x0 > 0.5, x1 > 0.5) with 10% label noise; x2 is noise, sometimes missing. */
function xorData(n: number, seed: number): Dataset {
  const r = createPrng(seed);
  const cols = [new Float64Array(n), new Float64Array(n), new Float64Array(n)];
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const [a, b] = [r.next(), r.next()];
    [cols[0]![i], cols[1]![i], cols[2]![i]] = [a, b, r.next() < 0.2 ? NaN : r.next()];
    y[i] = (a > 0.5 !== b > 0.5 ? 1 : 0) ^ (r.next() < 0.1 ? 1 : 0);
  }
  return createDataset([0, 1, 2].map((i) => ({ name: `x${i}`, kind: 'numeric' as const })), cols, y);
}

const base = { numRounds: 40, maxDepth: 3, learningRate: 0.3, minSamplesLeaf: 5, subsample: 1, colsampleByTree: 1, earlyStoppingRounds: 0 };

describe('histogram GBDT', () => {
  it('learns an interaction that no single feature explains', () => {
    const data = xorData(4000, 1);
    const { model } = trainGbdt(sliceRows(data, 0, 3000), { ...base, minSamplesLeaf: 1 });
    const test = sliceRows(data, 3000, 4000);
    expect(rocAuc(predictMargins(compileModel(model), test)[0]!, test.labels!)).toBeGreaterThan(0.85);
  });

  it('with quantised gradients ranks about as well as with exact ones, and keeps exact leaf values', () => {
    const data = xorData(4000, 10);
    const train = sliceRows(data, 0, 3000);
    const test = sliceRows(data, 3000, 4000);
    const exact = trainGbdt(train, { ...base, minSamplesLeaf: 1 }).model;
    const quantized = trainGbdt(train, { ...base, minSamplesLeaf: 1, quantizedGradients: true }).model;
    const auc = (m: typeof exact): number => rocAuc(predictMargins(compileModel(m), test)[0]!, test.labels!);
    expect(Math.abs(auc(quantized) - auc(exact))).toBeLessThan(0.01);
    // the first tree's root split is clear-cut, so both modes pick it and share the exact leaf sums
    expect(quantized.trees[0]!.cover[0]).toBeCloseTo(exact.trees[0]!.cover[0]!, 9);
  });

  it('scores in value space exactly as the trainer did in bin space, also after a JSON round trip', () => {
    const data = xorData(2000, 2);
    const valid = xorData(500, 20);
    const res = trainGbdt(data, { ...base, subsample: 0.7, colsampleByTree: 0.67, seed: 3 }, valid);
    const reparsed = compileModel(parseModel(serializeModel(res.model)));
    const margins = predictMargins(reparsed, valid);
    expect(objectiveLoss('binary', margins, valid.labels!)).toBe(res.validLoss[res.validLoss.length - 1]);
    expect(Array.from(predictMargins(compileModel(res.model), valid)[0]!)).toEqual(Array.from(margins[0]!));
  });

  it('is deterministic for a seed and changes with the seed when subsampling', () => {
    const data = xorData(1500, 4);
    const p = { ...base, numRounds: 10, subsample: 0.8, colsampleByTree: 0.67, seed: 11 };
    const a = serializeModel(trainGbdt(data, p).model);
    expect(serializeModel(trainGbdt(data, p).model)).toBe(a);
    expect(serializeModel(trainGbdt(data, { ...p, seed: 12 }).model)).not.toBe(a);
  });

  it('learns where missing values go', () => {
    const r = createPrng(5);
    const n = 3000;
    const x = Float64Array.from({ length: n }, () => (r.next() < 0.3 ? NaN : r.next()));
    // Missing is strongly positive; among present values, high x is positive.
    const y = x.map((v) => (Number.isNaN(v) ? (r.next() < 0.9 ? 1 : 0) : v > 0.7 ? 1 : 0));
    const ds = createDataset([{ name: 'x', kind: 'numeric' }], [x], y);
    const cm = compileModel(trainGbdt(ds, { ...base, maxDepth: 2, numRounds: 20 }).model);
    const probe = createDataset([{ name: 'x', kind: 'numeric' }], [Float64Array.from([NaN, 0.2, 0.9])]);
    const [missing, low, high] = predictMargins(cm, probe)[0]!;
    expect(missing!).toBeGreaterThan(low! + 1);
    expect(high!).toBeGreaterThan(low! + 1);
  });

  it('splits a categorical feature by category set, not by code order', () => {
    const r = createPrng(6);
    const n = 4000;
    const c = Float64Array.from({ length: n }, () => r.int(10));
    const risky = new Set([1, 4, 8]);
    const y = c.map((v) => (r.next() < (risky.has(v) ? 0.8 : 0.1) ? 1 : 0));
    const ds = createDataset([{ name: 'c', kind: 'categorical' }], [c], y);
    const { model } = trainGbdt(ds, { ...base, maxDepth: 1, numRounds: 5, maxCatOneHot: 2 });
    expect(new Set(model.trees[0]!.categoriesLeft[0] ?? [])).toSatisfy((s: Set<number>) => [...s].every((v) => risky.has(v)) || [...s].every((v) => !risky.has(v)));
    const m = predictMargins(compileModel(model), createDataset(ds.features, [Float64Array.from([1, 4, 8, 0, 5, 99, NaN])]))[0]!;
    expect(Math.min(m[0]!, m[1]!, m[2]!)).toBeGreaterThan(Math.max(m[3]!, m[4]!) + 1);
    expect(m[5]).toBe(m[6]); // a code never seen in training is routed like a missing value
  });

  it('stops early on a validation slice and keeps the best round', () => {
    const r = createPrng(7);
    const n = 3000;
    const x = Float64Array.from({ length: n }, () => r.next());
    const y = x.map((v) => (r.next() < 0.3 + 0.2 * v ? 1 : 0));
    const ds = createDataset([{ name: 'x', kind: 'numeric' }], [x], y);
    const res = trainGbdt(sliceRows(ds, 0, 2000), { ...base, maxDepth: 6, learningRate: 0.5, numRounds: 200, earlyStoppingRounds: 5, minSamplesLeaf: 1 }, sliceRows(ds, 2000, n));
    expect(res.validLoss.length).toBeLessThan(200);
    expect(res.model.bestIteration).toBe(res.validLoss.indexOf(Math.min(...res.validLoss)) + 1);
    expect(res.model.trees.length).toBe(res.model.bestIteration);
  });

  it('respects the depth limit, the leaf limit and the minimum rows per leaf', () => {
    const data = xorData(1000, 8);
    const { model } = trainGbdt(data, { ...base, maxDepth: 2, minSamplesLeaf: 200, numRounds: 3 });
    for (const t of model.trees) expect(t.feature.length).toBeLessThanOrEqual(7);
    const cm = compileModel(model);
    expect(cm.maxDepth).toBeLessThanOrEqual(2);
    const hits = new Map<number, number>();
    const row = new Float64Array(3);
    for (let r = 0; r < data.nRows; r++) {
      for (let f = 0; f < 3; f++) row[f] = data.columns[f]![r]!;
      let n = cm.roots[0]!;
      while (cm.feature[n]! >= 0) n = row[cm.feature[n]!]! <= cm.threshold[n]! || (Number.isNaN(row[cm.feature[n]!]!) && cm.defaultLeft[n] === 1) ? cm.left[n]! : cm.left[n]! + 1;
      hits.set(n, (hits.get(n) ?? 0) + 1);
    }
    for (const count of hits.values()) expect(count).toBeGreaterThanOrEqual(200);
    const capped = trainGbdt(data, { ...base, maxDepth: 6, maxLeaves: 3, numRounds: 3 }).model;
    for (const t of capped.trees) expect(t.feature.filter((f) => f < 0).length).toBeLessThanOrEqual(3);
  });

  it('trains a softmax model whose class probabilities follow the classes', () => {
    const r = createPrng(9);
    const n = 3000;
    const x = Float64Array.from({ length: n }, () => r.next() * 3);
    const y = x.map((v) => (r.next() < 0.85 ? Math.floor(v) : r.int(3)));
    const ds = createDataset([{ name: 'x', kind: 'numeric' }], [x], y);
    const { model } = trainGbdt(ds, { ...base, objective: 'softmax', numClasses: 3, numRounds: 20 });
    expect(model.trees.length).toBe(60);
    const probs = predictClassProbabilities(compileModel(model), createDataset(ds.features, [Float64Array.from([0.5, 1.5, 2.5])]));
    for (let row = 0; row < 3; row++) {
      expect(probs[0]![row]! + probs[1]![row]! + probs[2]![row]!).toBeCloseTo(1, 12);
      expect(probs[row]![row]!).toBeGreaterThan(0.7);
    }
  });
});
