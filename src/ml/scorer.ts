import { leafIndex, type CompiledModel } from './compiled-model.js';
import type { Dataset } from './dataset.js';
import { sigmoid, softmaxRow } from './objective.js';

/** Raw margins (log-odds) of one row, one entry per model output, written into out. */
export function scoreRow(cm: CompiledModel, x: ArrayLike<number>, out: Float64Array): Float64Array {
  out.set(cm.baseMargin);
  const roots = cm.roots;
  const value = cm.value;
  const to = cm.treeOutput;
  for (let t = 0; t < roots.length; t++) out[to[t]!]! += value[leafIndex(cm, roots[t]!, x)]!;
  return out;
}

/** Raw margins for every row of a dataset: one Float64Array per model output. */
export function predictMargins(cm: CompiledModel, ds: Dataset): Float64Array[] {
  if (ds.columns.length !== cm.nFeatures) throw new Error(`scorer: expected ${cm.nFeatures} features, got ${ds.columns.length}`);
  const out = Array.from({ length: cm.nOutputs }, () => new Float64Array(ds.nRows));
  const row = new Float64Array(cm.nFeatures);
  const m = new Float64Array(cm.nOutputs);
  const cols = ds.columns;
  for (let r = 0; r < ds.nRows; r++) {
    for (let f = 0; f < cols.length; f++) row[f] = cols[f]![r]!;
    scoreRow(cm, row, m);
    for (let k = 0; k < m.length; k++) out[k]![r] = m[k]!;
  }
  return out;
}

/** Probability of the positive class for each row (binary models). */
export function predictProbability(cm: CompiledModel, ds: Dataset): Float64Array {
  if (cm.nOutputs !== 1) throw new Error('scorer: predictProbability needs a binary model');
  return predictMargins(cm, ds)[0]!.map(sigmoid);
}

/** Class probabilities (softmax) for each row: one Float64Array per class. */
export function predictClassProbabilities(cm: CompiledModel, ds: Dataset): Float64Array[] {
  const margins = predictMargins(cm, ds);
  if (cm.nOutputs === 1) {
    const p1 = margins[0]!.map(sigmoid);
    return [p1.map((p) => 1 - p), p1];
  }
  const p = new Float64Array(cm.nOutputs);
  const out = margins.map(() => new Float64Array(ds.nRows));
  for (let r = 0; r < ds.nRows; r++) {
    softmaxRow(margins, r, p);
    for (let k = 0; k < p.length; k++) out[k]![r] = p[k]!;
  }
  return out;
}
