import { decodeSums, type QuantizedGradients } from './quantized-gradients.js';

/**
 * Gradient/hessian/count histograms of a tree node over all features, in one Float64Array:
 * Σg of absolute bin b at 2b, Σh at 2b + 1 (b < totalBins), and the row count at 2·totalBins + b.
 * Feature f owns absolute bins [offsets[f], offsets[f] + nBins[f]).
 */
export type Histogram = Float64Array;

/** Layout of the histograms of one binned matrix. */
export interface HistogramLayout {
  readonly offsets: Int32Array;
  readonly nBins: Int32Array;
  readonly totalBins: number;
}

/** Absolute bin indices are stored in 16 bits, which bounds features × bins. */
export const MAX_TOTAL_BINS = 65_536;

/** Allocates an empty histogram. */
export function createHistogram(layout: HistogramLayout): Histogram {
  return new Float64Array(3 * layout.totalBins);
}

/** Computes bin offsets for the features of a binned matrix. */
export function histogramLayout(nBins: Int32Array): HistogramLayout {
  const offsets = new Int32Array(nBins.length);
  let total = 0;
  for (let f = 0; f < nBins.length; f++) {
    offsets[f] = total;
    total += nBins[f]!;
  }
  if (total > MAX_TOTAL_BINS) throw new Error(`histogram: ${total} bins in all exceed ${MAX_TOTAL_BINS}; lower maxBins or the feature count`);
  return { offsets, nBins, totalBins: total };
}

/**
 * Row-major absolute bin indices: entry r·nFeatures + f = offsets[f] + bin of row r in feature f.
 * One row's entries are contiguous, so a histogram pass reads each row once.
 */
export function toRowMajorBins(columns: readonly Uint8Array[], layout: HistogramLayout, nRows: number): Uint16Array {
  const nf = columns.length;
  const out = new Uint16Array(nRows * nf);
  for (let f = 0; f < nf; f++) {
    const col = columns[f]!;
    const o = layout.offsets[f]!;
    for (let r = 0; r < nRows; r++) out[r * nf + f] = o + col[r]!;
  }
  return out;
}

/** Σg and Σh, four features per step: updates of one row hit different bins and do not wait on each other. */
function addSums(rowBins: Uint16Array, nFeatures: number, features: Int32Array, rows: Int32Array, start: number, end: number, g: Float64Array, h: Float64Array, out: Histogram): void {
  const nf = features.length;
  const nf4 = nf - (nf % 4);
  for (let i = start; i < end; i++) {
    const r = rows[i]!;
    const gi = g[r]!;
    const hi = h[r]!;
    const rb = r * nFeatures;
    let k = 0;
    for (; k < nf4; k += 4) {
      const a = 2 * rowBins[rb + features[k]!]!;
      const b = 2 * rowBins[rb + features[k + 1]!]!;
      const c = 2 * rowBins[rb + features[k + 2]!]!;
      const d = 2 * rowBins[rb + features[k + 3]!]!;
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
      const a = 2 * rowBins[rb + features[k]!]!;
      out[a]! += gi;
      out[a + 1]! += hi;
    }
  }
}

/** addSums when every feature is active: no feature indirection. */
function addSumsAll(rowBins: Uint16Array, nf: number, rows: Int32Array, start: number, end: number, g: Float64Array, h: Float64Array, out: Histogram): void {
  const nf4 = nf - (nf % 4);
  for (let i = start; i < end; i++) {
    const r = rows[i]!;
    const gi = g[r]!;
    const hi = h[r]!;
    const rb = r * nf;
    let k = rb;
    for (; k < rb + nf4; k += 4) {
      const a = 2 * rowBins[k]!;
      const b = 2 * rowBins[k + 1]!;
      const c = 2 * rowBins[k + 2]!;
      const d = 2 * rowBins[k + 3]!;
      out[a]! += gi;
      out[a + 1]! += hi;
      out[b]! += gi;
      out[b + 1]! += hi;
      out[c]! += gi;
      out[c + 1]! += hi;
      out[d]! += gi;
      out[d + 1]! += hi;
    }
    for (; k < rb + nf; k++) {
      const a = 2 * rowBins[k]!;
      out[a]! += gi;
      out[a + 1]! += hi;
    }
  }
}

/** Packed quantised gradients: one addition per feature and row, into slot 2b. */
function addPacked(rowBins: Uint16Array, nFeatures: number, features: Int32Array, rows: Int32Array, start: number, end: number, packed: Float64Array, out: Histogram): void {
  const nf = features.length;
  const nf4 = nf - (nf % 4);
  for (let i = start; i < end; i++) {
    const r = rows[i]!;
    const q = packed[r]!;
    const rb = r * nFeatures;
    let k = 0;
    for (; k < nf4; k += 4) {
      out[2 * rowBins[rb + features[k]!]!]! += q;
      out[2 * rowBins[rb + features[k + 1]!]!]! += q;
      out[2 * rowBins[rb + features[k + 2]!]!]! += q;
      out[2 * rowBins[rb + features[k + 3]!]!]! += q;
    }
    for (; k < nf; k++) out[2 * rowBins[rb + features[k]!]!]! += q;
  }
}

function addCounts(rowBins: Uint16Array, nFeatures: number, features: Int32Array, rows: Int32Array, start: number, end: number, out: Histogram, at: number): void {
  const nf = features.length;
  for (let i = start; i < end; i++) {
    const rb = rows[i]! * nFeatures;
    for (let k = 0; k < nf; k++) out[at + rowBins[rb + features[k]!]!]!++;
  }
}

/**
 * Builds the histogram of the rows rows[start, end) over the given features from row-major
 * absolute bins. Row counts are filled only when countRows is set. With quantised gradients the
 * sums are accumulated packed and decoded at the end.
 */
export function buildHistogram(
  rowBins: Uint16Array,
  layout: HistogramLayout,
  features: Int32Array,
  rows: Int32Array,
  start: number,
  end: number,
  g: Float64Array,
  h: Float64Array,
  out: Histogram,
  countRows: boolean,
  quantized: QuantizedGradients | null,
): void {
  out.fill(0);
  const nf = layout.nBins.length;
  if (quantized) {
    addPacked(rowBins, nf, features, rows, start, end, quantized.packed, out);
    for (let k = 0; k < features.length; k++) {
      const o = layout.offsets[features[k]!]!;
      decodeSums(out, o, o + layout.nBins[features[k]!]!, quantized);
    }
  } else if (features.length === nf) addSumsAll(rowBins, nf, rows, start, end, g, h, out);
  else addSums(rowBins, nf, features, rows, start, end, g, h, out);
  if (countRows) addCounts(rowBins, nf, features, rows, start, end, out, 2 * layout.totalBins);
}

/** In place: parent ← parent − child (the sibling's histogram, LightGBM's subtraction trick). */
export function subtractHistogram(parent: Histogram, child: Histogram): void {
  for (let i = 0; i < parent.length; i++) parent[i] = parent[i]! - child[i]!;
}
