import { addBinTreeOutput, type BinTree } from './bin-tree.js';
import { applyBins, fitBinMapper, type BinMapper, type BinnedMatrix } from './binning.js';
import type { Dataset } from './dataset.js';
import { MODEL_FORMAT_VERSION, toModelTree, type GbdtModel } from './gbdt-model.js';
import { resolveParams, type GbdtParams } from './gbdt-params.js';
import { histogramLayout } from './histogram.js';
import { baseMargins, computeGradients, objectiveLoss } from './objective.js';
import { createPrng, deriveSeed, sampleIndices, type Prng } from './prng.js';
import { createGrowContext, growTree, type GrowContext, type GrownTree } from './tree-grower.js';

/** A trained model plus the per-round validation loss (empty without a validation set). */
export interface TrainResult {
  readonly model: GbdtModel;
  readonly validLoss: readonly number[];
}

interface Scored {
  readonly binned: BinnedMatrix;
  readonly labels: Float64Array;
  readonly weights: Float64Array | undefined;
  readonly margins: Float64Array[];
}

/** Rows already binned with a fitted mapper, with their labels (and optional weights). */
export interface BinnedRows {
  readonly binned: BinnedMatrix;
  readonly labels: Float64Array;
  readonly weights?: Float64Array | undefined;
}

function scored(rows: BinnedRows, base: readonly number[]): Scored {
  const margins = base.map((b) => new Float64Array(rows.binned.nRows).fill(b));
  return { binned: rows.binned, labels: rows.labels, weights: rows.weights, margins };
}

function featureSample(nFeatures: number, fraction: number, prng: Prng): Int32Array {
  return Int32Array.from(sampleIndices(nFeatures, fraction, prng));
}

/** Adds a grown tree's leaf values to the training margins of every row, sampled or not. */
function applyTree(ctx: GrowContext, grown: GrownTree, train: Scored, k: number, outRows: Int32Array | null): void {
  const { tree, leafStart, leafEnd } = grown;
  const m = train.margins[k]!;
  for (let n = 0; n < tree.feature.length; n++) {
    const v = tree.value[n]!;
    for (let i = leafStart[n]!; i < leafEnd[n]!; i++) m[ctx.rows[i]!]! += v;
  }
  if (outRows) addBinTreeOutput(tree, train.binned.columns, train.binned.nRows, m, outRows);
}

function outOfSample(sample: Int32Array, n: number, marks: Uint8Array): Int32Array {
  marks.fill(0);
  for (let i = 0; i < sample.length; i++) marks[sample[i]!] = 1;
  const out = new Int32Array(n - sample.length);
  let k = 0;
  for (let r = 0; r < n; r++) if (marks[r] === 0) out[k++] = r;
  return out;
}

function toModel(p: GbdtParams, mapper: BinMapper, base: number[], trees: BinTree[], k: number, rounds: number): GbdtModel {
  const kept = trees.slice(0, rounds * k);
  return {
    formatVersion: MODEL_FORMAT_VERSION,
    objective: p.objective,
    numClasses: p.objective === 'binary' ? 2 : p.numClasses,
    baseMargin: base,
    learningRate: p.learningRate,
    features: mapper.features,
    trees: kept.map((t, i) => toModelTree(t, mapper, i % k)),
    bestIteration: rounds,
    params: p,
  };
}

interface TrainingState {
  readonly p: GbdtParams;
  readonly k: number;
  readonly tr: Scored;
  readonly va: Scored | null;
  readonly ctx: GrowContext;
  readonly g: Float64Array[];
  readonly h: Float64Array[];
  readonly rowPrng: Prng;
  readonly colPrng: Prng;
  readonly allRows: Int32Array;
  readonly marks: Uint8Array;
}

function setUp(p: GbdtParams, train: BinnedRows, valid: BinnedRows | undefined, mapper: BinMapper, base: number[]): TrainingState {
  const tr = scored(train, base);
  const n = train.binned.nRows;
  const categorical = Uint8Array.from(mapper.features.map((f) => (f.kind === 'categorical' ? 1 : 0)));
  return {
    p,
    k: base.length,
    tr,
    va: valid ? scored(valid, base) : null,
    ctx: createGrowContext(tr.binned.columns, categorical, histogramLayout(tr.binned.nBins), n),
    g: base.map(() => new Float64Array(n)),
    h: base.map(() => new Float64Array(n)),
    rowPrng: createPrng(deriveSeed(p.seed, 1)),
    colPrng: createPrng(deriveSeed(p.seed, 2)),
    allRows: Int32Array.from({ length: n }, (_, i) => i),
    marks: new Uint8Array(n),
  };
}

function binnedRows(mapper: BinMapper, ds: Dataset): BinnedRows {
  if (!ds.labels) throw new Error('gbdt: labels are required');
  return { binned: applyBins(mapper, ds), labels: ds.labels, weights: ds.weights };
}

/** One boosting round: gradients, row sample, then one tree per output. */
function boostRound(s: TrainingState, trees: BinTree[]): void {
  const { p, tr, va } = s;
  const n = tr.labels.length;
  computeGradients(p.objective, tr.margins, tr.labels, tr.weights, s.g, s.h);
  const sample = p.subsample < 1 ? sampleIndices(n, p.subsample, s.rowPrng) : s.allRows;
  const outRows = p.subsample < 1 ? outOfSample(sample, n, s.marks) : null;
  const grow = { ...p, countRows: p.minSamplesLeaf > 1 };
  for (let c = 0; c < s.k; c++) {
    const features = featureSample(tr.binned.columns.length, p.colsampleByTree, s.colPrng);
    const grown = growTree(s.ctx, grow, features, sample, s.g[c]!, s.h[c]!);
    applyTree(s.ctx, grown, tr, c, outRows);
    if (va) addBinTreeOutput(grown.tree, va.binned.columns, va.binned.nRows, va.margins[c]!, null);
    trees.push(grown.tree);
  }
}

/**
 * Trains histogram gradient-boosted trees. With a validation set (the time-ordered slice after the
 * training window) the loss is tracked each round and, if earlyStoppingRounds > 0, training stops
 * after that many rounds without improvement and the model is cut back to the best round.
 */
export function trainGbdt(train: Dataset, params: Partial<GbdtParams>, valid?: Dataset): TrainResult {
  const p = resolveParams(params);
  if (!train.labels) throw new Error('gbdt: training labels are required');
  const mapper = fitBinMapper(train, { maxBins: p.maxBins, seed: deriveSeed(p.seed, 0) });
  return trainGbdtOnBins(mapper, binnedRows(mapper, train), p, valid ? binnedRows(mapper, valid) : undefined);
}

/**
 * Trains on rows binned beforehand with `mapper` (as trainGbdt does after fitting the mapper with
 * seed deriveSeed(seed, 0)), so several models on the same features can share one binning.
 */
export function trainGbdtOnBins(mapper: BinMapper, train: BinnedRows, params: Partial<GbdtParams>, valid?: BinnedRows): TrainResult {
  const p = resolveParams(params);
  const base = baseMargins(p.objective, p.numClasses, train.labels, train.weights);
  const state = setUp(p, train, valid, mapper, base);
  const trees: BinTree[] = [];
  const validLoss: number[] = [];
  let best = 0;
  for (let round = 0; round < p.numRounds; round++) {
    boostRound(state, trees);
    if (!state.va) continue;
    validLoss.push(objectiveLoss(p.objective, state.va.margins, state.va.labels, state.va.weights));
    if (validLoss[round]! < validLoss[best]!) best = round;
    if (p.earlyStoppingRounds > 0 && round - best >= p.earlyStoppingRounds) break;
  }
  const rounds = state.va && p.earlyStoppingRounds > 0 ? best + 1 : trees.length / state.k;
  return { model: toModel(p, mapper, base, trees, state.k, rounds), validLoss };
}
