import type { Objective } from './gbdt-params.js';

/** Smallest hessian used, so that leaf values stay finite on pure nodes. */
const MIN_HESSIAN = 1e-16;
/** Probabilities are clipped to [EPS, 1 − EPS] inside log-losses. */
const EPS = 1e-15;

/** Logistic function σ(x) = 1 / (1 + e^−x). */
export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** Number of margins (trees per round) an objective needs. */
export function outputCount(objective: Objective, numClasses: number): number {
  return objective === 'binary' ? 1 : numClasses;
}

function weightOf(weights: Float64Array | undefined, r: number): number {
  return weights ? weights[r]! : 1;
}

/** Initial margins: log-odds of the weighted positive rate, or log class shares for softmax. */
export function baseMargins(objective: Objective, numClasses: number, labels: Float64Array, weights?: Float64Array): number[] {
  const k = outputCount(objective, numClasses);
  const sums = new Float64Array(objective === 'binary' ? 2 : k);
  let total = 0;
  for (let r = 0; r < labels.length; r++) {
    const w = weightOf(weights, r);
    sums[objective === 'binary' ? (labels[r]! > 0.5 ? 1 : 0) : labels[r]!]! += w;
    total += w;
  }
  const share = (c: number): number => Math.min(1 - 1e-6, Math.max(1e-6, sums[c]! / total));
  if (objective === 'binary') return [Math.log(share(1) / (1 - share(1)))];
  return Array.from({ length: k }, (_, c) => Math.log(share(c)));
}

/** Fills g and h (one array per output) with the log-loss gradients at the current margins. */
export function computeGradients(objective: Objective, margins: readonly Float64Array[], labels: Float64Array, weights: Float64Array | undefined, g: readonly Float64Array[], h: readonly Float64Array[]): void {
  const n = labels.length;
  if (objective === 'binary') {
    const m = margins[0]!;
    const g0 = g[0]!;
    const h0 = h[0]!;
    for (let r = 0; r < n; r++) {
      const p = 1 / (1 + Math.exp(-m[r]!));
      const w = weights ? weights[r]! : 1;
      g0[r] = w * (p - labels[r]!);
      h0[r] = w * Math.max(p * (1 - p), MIN_HESSIAN);
    }
    return;
  }
  const k = margins.length;
  const p = new Float64Array(k);
  for (let r = 0; r < n; r++) {
    softmaxRow(margins, r, p);
    const w = weightOf(weights, r);
    for (let c = 0; c < k; c++) {
      const y = labels[r] === c ? 1 : 0;
      g[c]![r] = w * (p[c]! - y);
      h[c]![r] = w * Math.max(p[c]! * (1 - p[c]!), MIN_HESSIAN);
    }
  }
}

/** Softmax of the margins of row r into out. */
export function softmaxRow(margins: readonly Float64Array[], r: number, out: Float64Array): void {
  let max = -Infinity;
  for (let c = 0; c < margins.length; c++) max = Math.max(max, margins[c]![r]!);
  let sum = 0;
  for (let c = 0; c < margins.length; c++) {
    out[c] = Math.exp(margins[c]![r]! - max);
    sum += out[c]!;
  }
  for (let c = 0; c < margins.length; c++) out[c] = out[c]! / sum;
}

/** Weighted mean log-loss of the margins against the labels. */
export function objectiveLoss(objective: Objective, margins: readonly Float64Array[], labels: Float64Array, weights?: Float64Array): number {
  let loss = 0;
  let total = 0;
  const p = new Float64Array(margins.length);
  for (let r = 0; r < labels.length; r++) {
    const w = weightOf(weights, r);
    let q: number;
    if (objective === 'binary') {
      const s = sigmoid(margins[0]![r]!);
      q = labels[r]! > 0.5 ? s : 1 - s;
    } else {
      softmaxRow(margins, r, p);
      q = p[labels[r]!] ?? 0;
    }
    loss -= w * Math.log(Math.min(1 - EPS, Math.max(EPS, q)));
    total += w;
  }
  return loss / total;
}
