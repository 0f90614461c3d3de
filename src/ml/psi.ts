/** Shares below this floor are raised to it, so empty bins do not make PSI infinite. */
export const PSI_SHARE_FLOOR = 1e-4;

function psiFromCounts(ref: Float64Array, cur: Float64Array, nRef: number, nCur: number): number {
  let s = 0;
  for (let b = 0; b < ref.length; b++) {
    const e = Math.max(PSI_SHARE_FLOOR, ref[b]! / nRef);
    const a = Math.max(PSI_SHARE_FLOOR, cur[b]! / nCur);
    s += (a - e) * Math.log(a / e);
  }
  return s;
}

/** Decile-style edges of the reference sample: the distinct values at ⌊k·n/bins⌋, k = 1..bins−1. */
export function referenceEdges(reference: ArrayLike<number>, bins: number): number[] {
  const sorted = Float64Array.from(reference).filter((v) => v === v).sort();
  const edges: number[] = [];
  for (let k = 1; k < bins; k++) {
    const v = sorted[Math.floor((k * sorted.length) / bins)];
    if (v !== undefined && (edges.length === 0 || v > edges[edges.length - 1]!)) edges.push(v);
  }
  return edges;
}

function binOf(edges: readonly number[], v: number): number {
  if (v !== v) return edges.length + 1; // missing values get their own bin
  let b = 0;
  while (b < edges.length && v >= edges[b]!) b++;
  return b;
}

/**
 * Population stability index of a numeric sample against a reference: PSI = Σ (a − e)·ln(a/e) over
 * the reference's quantile bins (value < edge[0], …), plus a bin for missing values.
 */
export function populationStabilityIndex(reference: ArrayLike<number>, current: ArrayLike<number>, bins = 10): number {
  const edges = referenceEdges(reference, bins);
  const ref = new Float64Array(edges.length + 2);
  const cur = new Float64Array(edges.length + 2);
  for (let i = 0; i < reference.length; i++) ref[binOf(edges, reference[i]!)]!++;
  for (let i = 0; i < current.length; i++) cur[binOf(edges, current[i]!)]!++;
  return psiFromCounts(ref, cur, reference.length, current.length);
}

/** PSI of a categorical sample: one bin per category seen in either sample (NaN is a category). */
export function categoricalPsi(reference: ArrayLike<number>, current: ArrayLike<number>): number {
  const index = new Map<number, number>();
  const key = (v: number): number => (v === v ? v : -Infinity);
  for (const s of [reference, current]) for (let i = 0; i < s.length; i++) if (!index.has(key(s[i]!))) index.set(key(s[i]!), index.size);
  const ref = new Float64Array(index.size);
  const cur = new Float64Array(index.size);
  for (let i = 0; i < reference.length; i++) ref[index.get(key(reference[i]!))!]!++;
  for (let i = 0; i < current.length; i++) cur[index.get(key(current[i]!))!]!++;
  return psiFromCounts(ref, cur, reference.length, current.length);
}
