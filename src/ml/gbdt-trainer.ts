import { addBinTreeOutput, type BinTree } from './bin-tree.js';
import { applyBins, fitBinMapper, type BinMapper, type BinnedMatrix } from './binning.js';
import type { Dataset } from './dataset.js';
import { MODEL_FORMAT_VERSION, toModelTree, type GbdtModel } from './gbdt-model.js';
import { resolveParams, type GbdtParams } from './gbdt-params.js';
import { histogramLayout } from './histogram.js';
import { baseMargins, computeGradients, objectiveLoss, outputCount } from './objective.js';
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

function scored(binned: BinnedMatrix, ds: Dataset, base: readonly number[]): Scored {
  if (!ds.labels) throw new Error('gbdt: labels are required');
  const margins = base.map((b) => new Float64Array(ds.nRows).fill(b));
  return { binned, labels: ds.labels, weights: ds.weights, margins };
}

function featureSample(nFeatures: number, fraction: number, prng: Prng): Int32Array {
  return Int32Array.from(sampleIndices(nFeatures, fraction, prng));
}

/** Adds a grown tree's leaf values to the training margins of every row, sampled or not. */
function applyTree(ctx: GrowContext, grown: GrownTree, train: Scored, k: number, inSample: Uint8Array | null, outRows: Int32Array | null): void {
  const { tree, leafStart, leafEnd } = grown;
  const m = train.margins[k]!;
  for (let n = 0; n < tree.feature.length; n++) {
    const v = tree.value[n]!;
    for (let i = leafStart[n]!; i < leafEnd[n]!; i++) m[ctx.rows[i]!]! += v;
  }
  if (inSample && outRows) addBinTreeOutput(tree, train.binned.columns, train.binned.nRows, m, outRows);
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

/**
 * Trains histogram gradient-boosted trees. With a validation set (the time-ordered slice after the
 * training window) the loss is tracked each round and, if earlyStoppingRounds > 0, training stops
 * after that many rounds without improvement and the model is cut back to the best round.
 */
export function trainGbdt(train: Dataset, params: Partial<GbdtParams>, valid?: Dataset): TrainResult {
  const p = resolveParams(params);
  if (!train.labels) throw new Error('gbdt: training labels are required');
  const k = outputCount(p.objective, p.numClasses);
  const mapper = fitBinMapper(train, { maxBins: p.maxBins, seed: deriveSeed(p.seed, 0) });
  const base = baseMargins(p.objective, p.numClasses, train.labels, train.weights);
  const tr = scored(applyBins(mapper, train), train, base);
  const va = valid ? scored(applyBins(mapper, valid), valid, base) : null;
  const layout = histogramLayout(tr.binned.nBins);
  const categorical = Uint8Array.from(train.features.map((f) => (f.kind === 'categorical' ? 1 : 0)));
  const ctx = createGrowContext(tr.binned.columns, categorical, layout, train.nRows);
  const g = base.map(() => new Float64Array(train.nRows));
  const h = base.map(() => new Float64Array(train.nRows));
  const rowPrng = createPrng(deriveSeed(p.seed, 1));
  const colPrng = createPrng(deriveSeed(p.seed, 2));
  const allRows = Int32Array.from({ length: train.nRows }, (_, i) => i);
  const marks = new Uint8Array(train.nRows);
  const trees: BinTree[] = [];
  const grow = { ...p, countRows: p.minSamplesLeaf > 1 };
  const validLoss: number[] = [];
  let bestRound = p.numRounds;
  for (let round = 0; round < p.numRounds; round++) {
    computeGradients(p.objective, tr.margins, tr.labels, tr.weights, g, h);
    const sample = p.subsample < 1 ? sampleIndices(train.nRows, p.subsample, rowPrng) : allRows;
    const outRows = p.subsample < 1 ? outOfSample(sample, train.nRows, marks) : null;
    for (let c = 0; c < k; c++) {
      const features = featureSample(train.features.length, p.colsampleByTree, colPrng);
      const grown = growTree(ctx, grow, features, sample, g[c]!, h[c]!);
      applyTree(ctx, grown, tr, c, outRows ? marks : null, outRows);
      if (va) addBinTreeOutput(grown.tree, va.binned.columns, va.binned.nRows, va.margins[c]!, null);
      trees.push(grown.tree);
    }
    if (!va) continue;
    validLoss.push(objectiveLoss(p.objective, va.margins, va.labels, va.weights));
    const best = validLoss.indexOf(Math.min(...validLoss));
    bestRound = best + 1;
    if (p.earlyStoppingRounds > 0 && round - best >= p.earlyStoppingRounds) break;
  }
  if (!va || p.earlyStoppingRounds === 0) bestRound = trees.length / k;
  return { model: toModel(p, mapper, base, trees, k, bestRound), validLoss };
}
