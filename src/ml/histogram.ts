/**
 * Gradient/hessian/count histograms of a tree node over all features, one Float64Array with three
 * slots per bin: Σg at 3b, Σh at 3b + 1, row count at 3b + 2. Bins of feature f are
 * [offsets[f], offsets[f] + nBins[f]).
 */
export type Histogram = Float64Array;

/** Slots per bin in a histogram. */
export const HIST_STRIDE = 3;

/** Allocates an empty histogram for totalBins bins. */
export function createHistogram(totalBins: number): Histogram {
  return new Float64Array(HIST_STRIDE * totalBins);
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

/** Row-major copy of column-major bins: the bins of row r are rowBins[r·nFeatures … + nFeatures). */
export function toRowMajor(columns: readonly Uint8Array[], nRows: number): Uint8Array {
  const nf = columns.length;
  const out = new Uint8Array(nRows * nf);
  for (let f = 0; f < nf; f++) {
    const col = columns[f]!;
    for (let r = 0; r < nRows; r++) out[r * nf + f] = col[r]!;
  }
  return out;
}

/**
 * Builds the histogram of the rows rows[start, end) over the given features from row-major bins.
 * Each row updates all its features at once, four per step: those updates hit different bins, so
 * they do not wait on each other (a per-feature pass stalls on low-cardinality features).
 */
export function buildHistogram(
  rowBins: Uint8Array,
  nFeatures: number,
  layout: HistogramLayout,
  features: Int32Array,
  rows: Int32Array,
  start: number,
  end: number,
  g: Float64Array,
  h: Float64Array,
  out: Histogram,
  countRows: boolean,
): void {
  out.fill(0);
  if (!countRows) {
    buildSumsOnly(rowBins, nFeatures, layout, features, rows, start, end, g, h, out);
    return;
  }
  const nf = features.length;
  const base = new Int32Array(nf);
  for (let k = 0; k < nf; k++) base[k] = layout.offsets[features[k]!]!;
  const nf4 = nf - (nf % 4);
  for (let i = start; i < end; i++) {
    const r = rows[i]!;
    const gi = g[r]!;
    const hi = h[r]!;
    const rb = r * nFeatures;
    let k = 0;
    for (; k < nf4; k += 4) {
      const a = 3 * (base[k]! + rowBins[rb + features[k]!]!);
      const b = 3 * (base[k + 1]! + rowBins[rb + features[k + 1]!]!);
      const c = 3 * (base[k + 2]! + rowBins[rb + features[k + 2]!]!);
      const d = 3 * (base[k + 3]! + rowBins[rb + features[k + 3]!]!);
      out[a]! += gi;
      out[a + 1]! += hi;
      out[a + 2]!++;
      out[b]! += gi;
      out[b + 1]! += hi;
      out[b + 2]!++;
      out[c]! += gi;
      out[c + 1]! += hi;
      out[c + 2]!++;
      out[d]! += gi;
      out[d + 1]! += hi;
      out[d + 2]!++;
    }
    for (; k < nf; k++) {
      const a = 3 * (base[k]! + rowBins[rb + features[k]!]!);
      out[a]! += gi;
      out[a + 1]! += hi;
      out[a + 2]!++;
    }
  }
}

/** Same as buildHistogram but without the count slot: one memory update in three fewer. */
function buildSumsOnly(rowBins: Uint8Array, nFeatures: number, layout: HistogramLayout, features: Int32Array, rows: Int32Array, start: number, end: number, g: Float64Array, h: Float64Array, out: Histogram): void {
  const nf = features.length;
  const base = new Int32Array(nf);
  for (let k = 0; k < nf; k++) base[k] = layout.offsets[features[k]!]!;
  const nf4 = nf - (nf % 4);
  for (let i = start; i < end; i++) {
    const r = rows[i]!;
    const gi = g[r]!;
    const hi = h[r]!;
    const rb = r * nFeatures;
    let k = 0;
    for (; k < nf4; k += 4) {
      const a = 3 * (base[k]! + rowBins[rb + features[k]!]!);
      const b = 3 * (base[k + 1]! + rowBins[rb + features[k + 1]!]!);
      const c = 3 * (base[k + 2]! + rowBins[rb + features[k + 2]!]!);
      const d = 3 * (base[k + 3]! + rowBins[rb + features[k + 3]!]!);
      out[a]! += gi;
      out[a + 1]! += hi;
      out[b]! += gi;
      out[b + 1]! += hi;
      out[c]! += gi;
      out[c + 1]! += hi;
      out[d]! += gi;
      out[d + 1]! += hi;
    }
    for (; k < nf; k++) {
      const a = 3 * (base[k]! + rowBins[rb + features[k]!]!);
      out[a]! += gi;
      out[a + 1]! += hi;
    }
  }
}

/** In place: parent ← parent − child (the sibling's histogram, LightGBM's subtraction trick). */
export function subtractHistogram(parent: Histogram, child: Histogram): void {
  for (let i = 0; i < parent.length; i++) parent[i] = parent[i]! - child[i]!;
}
