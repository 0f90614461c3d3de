/** Row indices ordered by descending score; ties keep ascending row order (deterministic). */
export function rankByScore(scores: ArrayLike<number>): Uint32Array {
  const idx = Uint32Array.from({ length: scores.length }, (_, i) => i);
  return idx.sort((a, b) => scores[b]! - scores[a]! || a - b);
}

function checkLengths(scores: ArrayLike<number>, labels: ArrayLike<number>): void {
  if (scores.length !== labels.length) throw new Error('metrics: scores and labels differ in length');
}

/**
 * ROC AUC by the Mann–Whitney statistic with average ranks for tied scores. NaN when one class is
 * absent.
 */
export function rocAuc(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  checkLengths(scores, labels);
  const order = rankByScore(scores).reverse();
  let rankSumPos = 0;
  let nPos = 0;
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && scores[order[j + 1]!] === scores[order[i]!]) j++;
    const avgRank = (i + j + 2) / 2; // ranks are 1-based
    for (let k = i; k <= j; k++) {
      if (labels[order[k]!]! > 0.5) {
        rankSumPos += avgRank;
        nPos++;
      }
    }
    i = j + 1;
  }
  const nNeg = order.length - nPos;
  if (nPos === 0 || nNeg === 0) return NaN;
  return (rankSumPos - (nPos * (nPos + 1)) / 2) / (nPos * nNeg);
}

/**
 * PR-AUC as average precision: Σ_k (R_k − R_{k−1})·P_k over distinct score thresholds, as in
 * scikit-learn's average_precision_score. NaN without positives.
 */
export function averagePrecision(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  checkLengths(scores, labels);
  const order = rankByScore(scores);
  let totalPos = 0;
  for (let i = 0; i < labels.length; i++) if (labels[i]! > 0.5) totalPos++;
  if (totalPos === 0) return NaN;
  let tp = 0;
  let ap = 0;
  let prevRecall = 0;
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && scores[order[j + 1]!] === scores[order[i]!]) j++;
    for (let k = i; k <= j; k++) if (labels[order[k]!]! > 0.5) tp++;
    const recall = tp / totalPos;
    ap += (recall - prevRecall) * (tp / (j + 1));
    prevRecall = recall;
    i = j + 1;
  }
  return ap;
}

/** Outcome of reviewing the top-scored share of rows (the review capacity). */
export interface CapacityMetrics {
  /** Rows reviewed: round(fraction · n), at least 1. */
  readonly reviewed: number;
  readonly truePositives: number;
  readonly precision: number;
  readonly recall: number;
  /** Precision divided by the base rate. */
  readonly lift: number;
  readonly baseRate: number;
}

/** Precision, recall and lift when the top `fraction` of rows by score are reviewed. */
export function atCapacity(scores: ArrayLike<number>, labels: ArrayLike<number>, fraction: number): CapacityMetrics {
  checkLengths(scores, labels);
  const n = scores.length;
  const reviewed = Math.min(n, Math.max(1, Math.round(fraction * n)));
  const order = rankByScore(scores);
  let totalPos = 0;
  for (let i = 0; i < n; i++) if (labels[i]! > 0.5) totalPos++;
  let truePositives = 0;
  for (let i = 0; i < reviewed; i++) if (labels[order[i]!]! > 0.5) truePositives++;
  const precision = truePositives / reviewed;
  const baseRate = totalPos / n;
  return { reviewed, truePositives, precision, recall: totalPos ? truePositives / totalPos : NaN, lift: baseRate ? precision / baseRate : NaN, baseRate };
}
