/**
 * Gradient/hessian/count histograms of a tree node over all features. Bins of feature f occupy
 * [offsets[f], offsets[f] + nBins[f]); gh interleaves Σg (even slots) and Σh (odd slots).
 */
export interface Histogram {
  readonly gh: Float64Array;
  readonly count: Int32Array;
}

/** Allocates an empty histogram for totalBins bins. */
export function createHistogram(totalBins: number): Histogram {
  return { gh: new Float64Array(2 * totalBins), count: new Int32Array(totalBins) };
}

/** Layout of the histograms of one binned matrix. */
export interface HistogramLayout {
  readonly offsets: Int32Array;
  readonly nBins: Int32Array;
  readonly totalBins: number;
}

/** Computes bin offsets for the features of a binned matrix. */
export function histogramLayout(nBins: Int32Array): HistogramLayout {
  const offsets = new Int32Array(nBins.length);
  let total = 0;
  for (let f = 0; f < nBins.length; f++) {
    offsets[f] = total;
    total += nBins[f]!;
  }
  return { offsets, nBins, totalBins: total };
}

function accumulate(col: Uint8Array, o: number, rows: Uint32Array, start: number, m: number, og: Float64Array, oh: Float64Array, gh: Float64Array, cnt: Int32Array): void {
  for (let i = 0; i < m; i++) {
    const b = o + col[rows[start + i]!]!;
    gh[2 * b]! += og[i]!;
    gh[2 * b + 1]! += oh[i]!;
    cnt[b]!++;
  }
}

function accumulateDense(col: Uint8Array, o: number, m: number, og: Float64Array, oh: Float64Array, gh: Float64Array, cnt: Int32Array): void {
  for (let i = 0; i < m; i++) {
    const b = o + col[i]!;
    gh[2 * b]! += og[i]!;
    gh[2 * b + 1]! += oh[i]!;
    cnt[b]!++;
  }
}

/**
 * Builds the histogram of the rows rows[start, end) over the given features. og/oh must hold the
 * gradients and hessians of those rows in the same order ("ordered gradients").
 */
export function buildHistogram(
  columns: readonly Uint8Array[],
  layout: HistogramLayout,
  features: Int32Array,
  rows: Uint32Array,
  start: number,
  end: number,
  og: Float64Array,
  oh: Float64Array,
  out: Histogram,
): void {
  out.gh.fill(0);
  out.count.fill(0);
  const m = end - start;
  // rows[start..end) = 0..m−1 happens at the root without subsampling: skip the indirection.
  const dense = start === 0 && m === columns[0]?.length && rows[m - 1] === m - 1;
  for (let k = 0; k < features.length; k++) {
    const f = features[k]!;
    const col = columns[f]!;
    const o = layout.offsets[f]!;
    if (dense) accumulateDense(col, o, m, og, oh, out.gh, out.count);
    else accumulate(col, o, rows, start, m, og, oh, out.gh, out.count);
  }
}

/** In place: parent ← parent − child (the sibling's histogram, LightGBM's subtraction trick). */
export function subtractHistogram(parent: Histogram, child: Histogram): void {
  const pg = parent.gh;
  const cg = child.gh;
  for (let i = 0; i < pg.length; i++) pg[i] = pg[i]! - cg[i]!;
  const pc = parent.count;
  const cc = child.count;
  for (let i = 0; i < pc.length; i++) pc[i] = pc[i]! - cc[i]!;
}
