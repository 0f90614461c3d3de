import type { Histogram, HistogramLayout } from './histogram.js';

/** Constraints and regularisation used when scoring candidate splits. */
export interface SplitConstraints {
  readonly lambda: number;
  readonly gamma: number;
  readonly minChildWeight: number;
  readonly minSamplesLeaf: number;
  readonly maxCatOneHot: number;
  readonly catSmooth: number;
  /**
   * Whether histograms carry row counts. Without them (allowed when minSamplesLeaf ≤ 1) a side is
   * empty when its hessian sum is within rounding of zero.
   */
  readonly countRows: boolean;
  /** Index of the first count slot in a histogram (2 · total bins). */
  readonly countAt: number;
}

/**
 * The best split found so far for a node. Numeric: bins 1..bin go left. Categorical: bins b with
 * catMask[b] = 1 go left. The missing bin (0) goes left iff missingLeft.
 */
export interface SplitCandidate {
  gain: number;
  feature: number;
  bin: number;
  missingLeft: boolean;
  categorical: boolean;
  catMask: Uint8Array;
  gL: number;
  hL: number;
  nL: number;
}

/** A candidate that no real split beats (gain 0 means "keep as leaf"). */
export function emptyCandidate(maxBins: number): SplitCandidate {
  return { gain: 0, feature: -1, bin: 0, missingLeft: false, categorical: false, catMask: new Uint8Array(maxBins), gL: 0, hL: 0, nL: 0 };
}

/** Node totals Σg, Σh, n taken from one feature's bins (every row falls in exactly one bin). */
export interface NodeTotals {
  readonly g: number;
  readonly h: number;
  readonly n: number;
}

/** Hessian sums at or below this are rounding residue of the subtraction trick, not rows. */
function emptyHessian(t: NodeTotals): number {
  return 1e-9 * t.h;
}

/** Whether histogram bin b (absolute index) holds any rows. */
function occupied(gh: Histogram, b: number, c: SplitConstraints, t: NodeTotals): boolean {
  return c.countRows ? gh[c.countAt + b]! > 0 : gh[2 * b + 1]! > emptyHessian(t);
}

function consider(best: SplitCandidate, c: SplitConstraints, t: NodeTotals, gl: number, hl: number, nl: number, parentScore: number): number {
  const hr = t.h - hl;
  const nr = t.n - nl;
  if (hl < c.minChildWeight || hr < c.minChildWeight) return -1;
  if (c.countRows ? nl < c.minSamplesLeaf || nr < c.minSamplesLeaf || nl === 0 || nr === 0 : hl <= emptyHessian(t) || hr <= emptyHessian(t)) return -1;
  const gr = t.g - gl;
  const gain = 0.5 * ((gl * gl) / (hl + c.lambda) + (gr * gr) / (hr + c.lambda) - parentScore) - c.gamma;
  return gain > best.gain ? gain : -1;
}

function take(best: SplitCandidate, f: number, gain: number, gl: number, hl: number, nl: number, missingLeft: boolean): void {
  best.gain = gain;
  best.feature = f;
  best.missingLeft = missingLeft;
  best.gL = gl;
  best.hL = hl;
  best.nL = nl;
}

function takeNumeric(best: SplitCandidate, f: number, s: number, gain: number, gl: number, hl: number, nl: number, missingLeft: boolean): void {
  take(best, f, gain, gl, hl, nl, missingLeft);
  best.bin = s;
  best.categorical = false;
}

/** Scans the thresholds of a numeric feature; updates best when a strictly better split exists. */
export function scanNumeric(h: Histogram, layout: HistogramLayout, f: number, c: SplitConstraints, t: NodeTotals, best: SplitCandidate): void {
  const o = layout.offsets[f]!;
  const nb = layout.nBins[f]!;
  const gh = h;
  const parentScore = (t.g * t.g) / (t.h + c.lambda);
  const g0 = gh[2 * o]!;
  const h0 = gh[2 * o + 1]!;
  const n0 = gh[c.countAt + o]!;
  const hasMissing = occupied(gh, o, c, t);
  let gl = 0;
  let hl = 0;
  let nl = 0;
  for (let s = 1; s < nb - 1; s++) {
    gl += gh[2 * (o + s)]!;
    hl += gh[2 * (o + s) + 1]!;
    nl += gh[c.countAt + o + s]!;
    const gain = consider(best, c, t, gl, hl, nl, parentScore);
    // No missing rows here: future missing values follow the heavier child.
    if (gain > 0) takeNumeric(best, f, s, gain, gl, hl, nl, !hasMissing && hl >= t.h - hl);
    if (!hasMissing) continue;
    const gainMl = consider(best, c, t, gl + g0, hl + h0, nl + n0, parentScore);
    if (gainMl > 0) takeNumeric(best, f, s, gainMl, gl + g0, hl + h0, nl + n0, true);
  }
}

function categoryOrder(gh: Histogram, o: number, nb: number, c: SplitConstraints, t: NodeTotals): number[] {
  const present: number[] = [];
  for (let b = 1; b < nb; b++) if (occupied(gh, o + b, c, t)) present.push(b);
  const ratio = (b: number): number => gh[2 * (o + b)]! / (gh[2 * (o + b) + 1]! + c.catSmooth);
  return present.sort((a, b) => ratio(a) - ratio(b) || a - b);
}

/**
 * Scans a categorical feature: one-vs-rest when few categories are present, otherwise prefixes of
 * the categories sorted by Σg/(Σh + catSmooth) (the LightGBM / scikit-learn partition search).
 */
export function scanCategorical(h: Histogram, layout: HistogramLayout, f: number, c: SplitConstraints, t: NodeTotals, best: SplitCandidate): void {
  const o = layout.offsets[f]!;
  const nb = layout.nBins[f]!;
  const gh = h;
  const parentScore = (t.g * t.g) / (t.h + c.lambda);
  const order = categoryOrder(gh, o, nb, c, t);
  const oneHot = order.length <= c.maxCatOneHot;
  const g0 = gh[2 * o]!;
  const h0 = gh[2 * o + 1]!;
  const n0 = gh[c.countAt + o]!;
  const hasMissing = occupied(gh, o, c, t);
  let gl = 0;
  let hl = 0;
  let nl = 0;
  const last = oneHot ? order.length : order.length - 1;
  for (let k = 0; k < last; k++) {
    const b = order[k]!;
    if (oneHot) [gl, hl, nl] = [0, 0, 0];
    gl += gh[2 * (o + b)]!;
    hl += gh[2 * (o + b) + 1]!;
    nl += gh[c.countAt + o + b]!;
    for (const ml of hasMissing ? [false, true] : [false]) {
      const gain = consider(best, c, t, gl + (ml ? g0 : 0), hl + (ml ? h0 : 0), nl + (ml ? n0 : 0), parentScore);
      if (gain <= 0) continue;
      const missingLeft = hasMissing ? ml : hl >= t.h - hl;
      take(best, f, gain, gl + (ml ? g0 : 0), hl + (ml ? h0 : 0), nl + (ml ? n0 : 0), missingLeft);
      best.categorical = true;
      best.bin = 0;
      best.catMask.fill(0);
      for (let j = oneHot ? k : 0; j <= k; j++) best.catMask[order[j]!] = 1;
      best.catMask[0] = missingLeft ? 1 : 0;
    }
  }
}
