import type { Dataset, FeatureKind, FeatureSpec } from './dataset.js';
import { createPrng, sampleIndices } from './prng.js';

/** Largest number of value bins per feature; bin 0 is reserved for missing, so a bin fits a byte. */
export const MAX_VALUE_BINS = 255;

/**
 * How one feature maps to bins. Numeric: bin 0 = missing, bin k ≥ 1 holds cuts[k−2] < x ≤ cuts[k−1].
 * Categorical: bin 1 + i holds code categories[i]; codes outside the list count as missing (bin 0).
 */
export interface FeatureBins {
  readonly name: string;
  readonly kind: FeatureKind;
  readonly cuts: readonly number[];
  readonly categories: readonly number[];
}

/** Fitted binning of every feature (fit on training data, applied to any later data). */
export interface BinMapper {
  readonly features: readonly FeatureBins[];
}

/** Options for fitting a bin mapper. */
export interface BinningOptions {
  readonly maxBins?: number;
  /** Rows drawn (seeded) to place the cuts; default 100,000. */
  readonly sampleRows?: number;
  readonly seed?: number;
}

/** A binned feature matrix: one byte per value, column-major. */
export interface BinnedMatrix {
  readonly nRows: number;
  readonly nBins: Int32Array;
  readonly columns: readonly Uint8Array[];
}

/** Number of bins (missing bin included) of a fitted feature. */
export function binCount(fb: FeatureBins): number {
  return fb.kind === 'categorical' ? fb.categories.length + 1 : fb.cuts.length + 2;
}

/** Distinct values of a sorted array, or null as soon as there are more than limit of them. */
function distinctUpTo(sorted: Float64Array, limit: number): number[] | null {
  const distinct: number[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const v = sorted[i]!;
    if (i > 0 && v === sorted[i - 1]) continue;
    if (distinct.length === limit) return null;
    distinct.push(v);
  }
  return distinct;
}

function numericCuts(values: Float64Array, maxBins: number): number[] {
  values.sort();
  const distinct = distinctUpTo(values, maxBins);
  if (distinct) return distinct.slice(1).map((v, i) => (distinct[i]! + v) / 2);
  const cuts: number[] = [];
  const n = values.length;
  for (let k = 1; k < maxBins; k++) {
    const v = values[Math.min(n - 1, Math.floor((k * n) / maxBins))]!;
    if (cuts.length === 0 || v > cuts[cuts.length - 1]!) cuts.push(v);
  }
  // A cut at the maximum would leave the last bin empty.
  if (cuts.length > 0 && cuts[cuts.length - 1]! >= values[n - 1]!) cuts.pop();
  return cuts;
}

function categoryList(values: Float64Array, maxBins: number, name: string): number[] {
  const counts = new Map<number, number>();
  for (const v of values) {
    if (!Number.isInteger(v) || v < 0) throw new Error(`binning: categorical ${name} has non-integer code ${v}`);
    counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  // Keep the most frequent codes (ties: lower code first); rarer codes fall into the missing bin.
  const kept = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, maxBins);
  return kept.map((e) => e[0]).sort((a, b) => a - b);
}

function presentValues(col: ArrayLike<number>, rows: Int32Array): Float64Array {
  const out = new Float64Array(rows.length);
  let k = 0;
  for (let i = 0; i < rows.length; i++) {
    const v = col[rows[i]!]!;
    if (v === v) out[k++] = v;
  }
  return out.subarray(0, k);
}

/** Fits quantile cuts (numeric) and category lists (categorical) on training data. */
export function fitBinMapper(ds: Dataset, options: BinningOptions = {}): BinMapper {
  const maxBins = Math.min(MAX_VALUE_BINS, options.maxBins ?? MAX_VALUE_BINS);
  if (maxBins < 2) throw new Error('binning: maxBins must be at least 2');
  const sampleRows = options.sampleRows ?? 100_000;
  const rows = sampleIndices(ds.nRows, Math.min(1, sampleRows / Math.max(1, ds.nRows)), createPrng(options.seed ?? 0));
  const features = ds.features.map((spec: FeatureSpec, f): FeatureBins => {
    const values = presentValues(ds.columns[f]!, rows);
    return spec.kind === 'categorical'
      ? { name: spec.name, kind: spec.kind, cuts: [], categories: categoryList(values, maxBins, spec.name) }
      : { name: spec.name, kind: spec.kind, cuts: numericCuts(values, maxBins), categories: [] };
  });
  return { features };
}

/** Bin of a numeric value: 0 if missing, else 1 + number of cuts strictly below it. */
export function numericBin(cuts: ArrayLike<number>, x: number): number {
  if (x !== x) return 0;
  let lo = 0;
  let hi = cuts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (x <= cuts[mid]!) hi = mid;
    else lo = mid + 1;
  }
  return lo + 1;
}

function binCategorical(fb: FeatureBins, col: ArrayLike<number>, out: Uint8Array): void {
  const index = new Map<number, number>(fb.categories.map((c, i) => [c, i + 1]));
  for (let r = 0; r < out.length; r++) out[r] = index.get(col[r]!) ?? 0;
}

/** Branch-free search: cuts padded with +Infinity to a power of two, so every row takes the same steps. */
function binNumeric(cuts: Float64Array, col: Float64Array | Float32Array, out: Uint8Array): void {
  let size = 1;
  while (size < cuts.length + 1) size *= 2;
  const padded = new Float64Array(size).fill(Infinity);
  padded.set(cuts);
  for (let r = 0; r < out.length; r++) {
    const x = col[r]!;
    // pos = number of cuts strictly below x; NaN compares false everywhere, so fix it up after.
    let pos = 0;
    for (let step = size >> 1; step > 0; step >>= 1) pos += step * +(padded[pos + step - 1]! < x);
    out[r] = x === x ? pos + 1 : 0;
  }
}

function binColumn(fb: FeatureBins, col: Float64Array | Float32Array, nRows: number): Uint8Array {
  const out = new Uint8Array(nRows);
  if (fb.kind === 'categorical') binCategorical(fb, col, out);
  else binNumeric(Float64Array.from(fb.cuts), col, out);
  return out;
}

/** Applies a fitted mapper to a dataset with the same features, in the same order. */
export function applyBins(mapper: BinMapper, ds: Dataset): BinnedMatrix {
  if (mapper.features.length !== ds.features.length) throw new Error('binning: feature count differs from the mapper');
  const columns = mapper.features.map((fb, f) => binColumn(fb, ds.columns[f]!, ds.nRows));
  return { nRows: ds.nRows, nBins: Int32Array.from(mapper.features.map(binCount)), columns };
}
