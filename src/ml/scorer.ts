import { CATEGORICAL_SPLIT, goesLeft, type CompiledModel } from './compiled-model.js';
import type { Dataset } from './dataset.js';
import { sigmoid, softmaxRow } from './objective.js';

/** Raw margins (log-odds) of one row (feature values in model order), one per output, into out. */
export function scoreRow(cm: CompiledModel, x: Float64Array, out: Float64Array): Float64Array {
  out.set(cm.baseMargin);
  for (let t = 0; t < cm.roots.length; t++) out[cm.treeOutput[t]!]! += cm.value[leafOf(cm, cm.roots[t]!, x, 0)]!;
  return out;
}

/** Rows scored together tree by tree, so that each tree's nodes stay in cache across the block. */
const BLOCK_ROWS = 128;

function leafOf(cm: CompiledModel, root: number, x: Float64Array, at: number): number {
  const { split, left, threshold } = cm;
  let n = root;
  let s = split[n]!;
  while (s >= 0) {
    const v = s < CATEGORICAL_SPLIT ? x[at + s]! : NaN;
    // Fast path: a present value at a numeric node; categorical and missing go through goesLeft.
    if (v === v) n = left[n]! + +(v > threshold[n]!);
    else n = goesLeft(cm, n, x[at + (s & ~CATEGORICAL_SPLIT)]!) ? left[n]! : left[n]! + 1;
    s = split[n]!;
  }
  return n;
}

function scoreBlock(cm: CompiledModel, block: Float64Array, rows: number, out: Float64Array[], first: number): void {
  const nf = cm.nFeatures;
  for (let k = 0; k < out.length; k++) out[k]!.fill(cm.baseMargin[k]!, first, first + rows);
  for (let t = 0; t < cm.roots.length; t++) {
    const root = cm.roots[t]!;
    const o = out[cm.treeOutput[t]!]!;
    for (let i = 0; i < rows; i++) o[first + i]! += cm.value[leafOf(cm, root, block, i * nf)]!;
  }
}

/** Raw margins for every row of a dataset: one Float64Array per model output. */
export function predictMargins(cm: CompiledModel, ds: Dataset): Float64Array[] {
  if (ds.columns.length !== cm.nFeatures) throw new Error(`scorer: expected ${cm.nFeatures} features, got ${ds.columns.length}`);
  const out = Array.from({ length: cm.nOutputs }, () => new Float64Array(ds.nRows));
  const nf = cm.nFeatures;
  const block = new Float64Array(BLOCK_ROWS * nf);
  for (let first = 0; first < ds.nRows; first += BLOCK_ROWS) {
    const rows = Math.min(BLOCK_ROWS, ds.nRows - first);
    for (let f = 0; f < nf; f++) {
      const col = ds.columns[f]!;
      for (let i = 0; i < rows; i++) block[i * nf + f] = col[first + i]!;
    }
    scoreBlock(cm, block, rows, out, first);
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
