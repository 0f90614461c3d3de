import { addLeaf, emptyBinTree, type BinTree } from './bin-tree.js';
import { buildHistogram, createHistogram, subtractHistogram, toRowMajorBins, type Histogram, type HistogramLayout } from './histogram.js';
import { quantizeGradients, type QuantizedGradients } from './quantized-gradients.js';
import { emptyCandidate, scanCategorical, scanNumeric, type SplitCandidate, type SplitConstraints } from './split-finder.js';

/** Tree-shape limits and regularisation for growing one tree. */
export interface GrowParams extends Omit<SplitConstraints, 'countAt'> {
  readonly maxDepth: number;
  readonly maxLeaves: number;
  readonly learningRate: number;
  /** Build histograms from 8-bit quantised gradients (split search only; leaves are refitted exactly). */
  readonly quantizedGradients: boolean;
}

/** Reusable buffers for growing many trees over one binned matrix (no allocation per split). */
export interface GrowContext {
  readonly columns: readonly Uint8Array[];
  readonly rowBins: Uint16Array;
  readonly categorical: Uint8Array;
  readonly layout: HistogramLayout;
  readonly rows: Int32Array;
  readonly scratch: Int32Array;
  readonly packed: Float64Array;
  readonly pool: Histogram[];
}

/** A grown tree plus, for each leaf, the slice of ctx.rows holding its training rows. */
export interface GrownTree {
  readonly tree: BinTree;
  readonly leafStart: Int32Array;
  readonly leafEnd: Int32Array;
}

/** Allocates the buffers for a binned matrix of nRows rows. */
export function createGrowContext(columns: readonly Uint8Array[], categorical: Uint8Array, layout: HistogramLayout, nRows: number): GrowContext {
  const rowBins = toRowMajorBins(columns, layout, nRows);
  return { columns, rowBins, categorical, layout, rows: new Int32Array(nRows), scratch: new Int32Array(nRows), packed: new Float64Array(nRows), pool: [] };
}

interface Pending {
  node: number;
  start: number;
  end: number;
  depth: number;
  hist: Histogram | null;
  g: number;
  h: number;
}

function histogramOf(ctx: GrowContext, p: GrowParams, features: Int32Array, g: Float64Array, h: Float64Array, start: number, end: number, q: QuantizedGradients | null): Histogram {
  const hist = ctx.pool.pop() ?? createHistogram(ctx.layout);
  buildHistogram(ctx.rowBins, ctx.layout, features, ctx.rows, start, end, g, h, hist, p.countRows, q);
  return hist;
}

function bestSplit(ctx: GrowContext, p: GrowParams, features: Int32Array, item: Pending, best: SplitCandidate): void {
  best.gain = 0;
  best.feature = -1;
  const totals = { g: item.g, h: item.h, n: item.end - item.start };
  const c = { ...p, countAt: 2 * ctx.layout.totalBins };
  for (let k = 0; k < features.length; k++) {
    const f = features[k]!;
    if (ctx.categorical[f] === 1) scanCategorical(item.hist!, ctx.layout, f, c, totals, best);
    else scanNumeric(item.hist!, ctx.layout, f, c, totals, best);
  }
}

function leftMaskOf(best: SplitCandidate, nBins: number): Uint8Array {
  const mask = new Uint8Array(256);
  if (best.categorical) mask.set(best.catMask.subarray(0, nBins));
  else for (let b = 1; b <= best.bin; b++) mask[b] = 1;
  mask[0] = best.missingLeft ? 1 : 0;
  return mask;
}

/** Stable in-place partition of rows[start, end): rows going left first. Returns the boundary. */
function partition(ctx: GrowContext, col: Uint8Array, mask: Uint8Array, start: number, end: number): number {
  const { rows, scratch } = ctx;
  let l = start;
  let r = 0;
  for (let i = start; i < end; i++) {
    const row = rows[i]!;
    if (mask[col[row]!] === 1) rows[l++] = row;
    else scratch[r++] = row;
  }
  rows.set(scratch.subarray(0, r), l);
  return l;
}

function leafValue(p: GrowParams, g: number, h: number): number {
  return (-p.learningRate * g) / (h + p.lambda);
}

function splitNode(ctx: GrowContext, p: GrowParams, tree: BinTree, item: Pending, best: SplitCandidate): [Pending, Pending] {
  const f = best.feature;
  const mask = leftMaskOf(best, ctx.layout.nBins[f]!);
  const mid = partition(ctx, ctx.columns[f]!, mask, item.start, item.end);
  const n = item.node;
  const gR = item.g - best.gL;
  const hR = item.h - best.hL;
  const left = addLeaf(tree, leafValue(p, best.gL, best.hL), best.hL);
  addLeaf(tree, leafValue(p, gR, hR), hR);
  tree.feature[n] = f;
  tree.left[n] = left;
  tree.leftMask[n] = mask;
  tree.bin[n] = best.categorical ? 0 : best.bin;
  tree.categorical[n] = best.categorical;
  tree.defaultLeft[n] = best.missingLeft;
  tree.value[n] = 0;
  tree.gain[n] = best.gain;
  const d = item.depth + 1;
  return [
    { node: left, start: item.start, end: mid, depth: d, hist: null, g: best.gL, h: best.hL },
    { node: left + 1, start: mid, end: item.end, depth: d, hist: null, g: gR, h: hR },
  ];
}

function childHistograms(ctx: GrowContext, p: GrowParams, features: Int32Array, g: Float64Array, h: Float64Array, parent: Histogram, kids: [Pending, Pending], q: QuantizedGradients | null): void {
  const [a, b] = kids;
  const small = a.end - a.start <= b.end - b.start ? a : b;
  const large = small === a ? b : a;
  small.hist = histogramOf(ctx, p, features, g, h, small.start, small.end, q);
  subtractHistogram(parent, small.hist);
  large.hist = parent;
}

function histogramTotals(hist: Histogram, layout: HistogramLayout, f: number): [number, number] {
  let gs = 0;
  let hs = 0;
  for (let b = layout.offsets[f]!; b < layout.offsets[f]! + layout.nBins[f]!; b++) {
    gs += hist[2 * b]!;
    hs += hist[2 * b + 1]!;
  }
  return [gs, hs];
}

/** Exact leaf value and cover from the leaf's rows (split search used quantised sums). */
function refitLeaf(ctx: GrowContext, p: GrowParams, tree: BinTree, leaf: Pending, g: Float64Array, h: Float64Array): void {
  let gs = 0;
  let hs = 0;
  for (let i = leaf.start; i < leaf.end; i++) {
    gs += g[ctx.rows[i]!]!;
    hs += h[ctx.rows[i]!]!;
  }
  tree.value[leaf.node] = leafValue(p, gs, hs);
  tree.cover[leaf.node] = hs;
}

/** Internal covers become the sum of their children's, so TreeSHAP's cover ratios are exact. */
function sumCovers(tree: BinTree): void {
  for (let n = tree.feature.length - 1; n >= 0; n--) {
    if (tree.feature[n]! >= 0) tree.cover[n] = tree.cover[tree.left[n]!]! + tree.cover[tree.left[n]! + 1]!;
  }
}

/**
 * Grows one depth-wise tree on the rows in sample (ascending) using the gradients g and hessians h,
 * restricted to the given features. Leaf values already include the learning rate.
 */
export function growTree(ctx: GrowContext, p: GrowParams, features: Int32Array, sample: Int32Array, g: Float64Array, h: Float64Array): GrownTree {
  const n = sample.length;
  ctx.rows.set(sample);
  let gSum = 0;
  let hSum = 0;
  for (let i = 0; i < n; i++) {
    gSum += g[sample[i]!]!;
    hSum += h[sample[i]!]!;
  }
  const tree = emptyBinTree();
  addLeaf(tree, leafValue(p, gSum, hSum), hSum);
  const root: Pending = { node: 0, start: 0, end: n, depth: 0, hist: null, g: gSum, h: hSum };
  const q = p.quantizedGradients ? quantizeGradients(g, h, sample, ctx.packed) : null;
  if (p.maxDepth > 0) root.hist = histogramOf(ctx, p, features, g, h, 0, n, q);
  // Split search must see totals that agree with its histograms: take them from one feature's bins.
  if (q && root.hist) [root.g, root.h] = histogramTotals(root.hist, ctx.layout, features[0]!);
  const queue: Pending[] = [root];
  const done: Pending[] = [];
  const best = emptyCandidate(256);
  let leaves = 1;
  for (let qi = 0; qi < queue.length; qi++) {
    const item = queue[qi]!;
    if (item.hist !== null && leaves < p.maxLeaves) bestSplit(ctx, p, features, item, best);
    if (item.hist === null || leaves >= p.maxLeaves || best.gain <= 0) {
      if (item.hist) ctx.pool.push(item.hist);
      done.push(item);
      continue;
    }
    const kids = splitNode(ctx, p, tree, item, best);
    leaves++;
    if (item.depth + 1 < p.maxDepth) childHistograms(ctx, p, features, g, h, item.hist, kids, q);
    else ctx.pool.push(item.hist);
    queue.push(...kids);
  }
  if (q) for (const d of done) refitLeaf(ctx, p, tree, d, g, h);
  sumCovers(tree);
  const leafStart = new Int32Array(tree.feature.length).fill(-1);
  const leafEnd = new Int32Array(tree.feature.length).fill(-1);
  for (const d of done) [leafStart[d.node], leafEnd[d.node]] = [d.start, d.end];
  return { tree, leafStart, leafEnd };
}
