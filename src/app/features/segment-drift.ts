import { populationStabilityIndex, rocAuc } from '../../ml/index.js';
import { FEATURE_INDEX, FEATURE_VOCABULARIES, ORDER_CATEGORIES } from './fallout-features.js';
import type { TrainingTable } from './training-table.js';

/** Order attributes the drift report splits by (categorical features of the model). */
export const DRIFT_SEGMENTS = ['orderKind', 'family', 'channel', 'category', 'state'] as const;
/** A segmenting attribute. */
export type DriftSegment = (typeof DRIFT_SEGMENTS)[number];

/** Segments smaller than this in the later slice are left out (too few orders to judge). */
export const MIN_SEGMENT_ROWS = 200;

/** Drift and calibration of one segment (e.g. family = fiber) between the reference and a later slice. */
export interface SegmentDrift {
  readonly segment: DriftSegment;
  readonly value: string;
  readonly rows: number;
  /** Share of the reference slice in this segment, and of the later slice. */
  readonly referenceShare: number;
  readonly share: number;
  /** Observed fallout rate in the later slice. */
  readonly observed: number;
  /** Mean predicted risk in the later slice. */
  readonly predicted: number;
  /** Observed / expected; outside [0.8, 1.25] is a calibration alert (fallout-and-ai.md §3.9). */
  readonly observedToExpected: number;
  /** PSI of the risk score within the segment, reference vs later slice. */
  readonly scorePsi: number;
  readonly auc: number;
}

/** Scores and labels of one slice, with its feature table. */
export interface ScoredSlice {
  readonly table: TrainingTable;
  /** Calibrated "any fallout" risk per row. */
  readonly risk: Float64Array;
}

function valueName(segment: DriftSegment, code: number): string {
  const vocab: readonly string[] | undefined = segment === 'category' ? ORDER_CATEGORIES : FEATURE_VOCABULARIES[segment];
  return vocab?.[code] ?? String(code);
}

function codes(t: TrainingTable, segment: DriftSegment): ArrayLike<number> {
  const col = t.features.columns[FEATURE_INDEX.get(segment) ?? -1];
  if (!col) throw new Error(`drift: no feature ${segment}`);
  return col;
}

function pick(xs: ArrayLike<number>, rows: readonly number[]): Float64Array {
  return Float64Array.from(rows, (i) => xs[i]!);
}

function rowsByCode(t: TrainingTable, segment: DriftSegment): Map<number, number[]> {
  const c = codes(t, segment);
  const out = new Map<number, number[]>();
  for (let i = 0; i < c.length; i++) {
    const k = c[i]!;
    const rows = out.get(k);
    if (rows) rows.push(i);
    else out.set(k, [i]);
  }
  return out;
}

/**
 * Per segment of each DRIFT_SEGMENTS attribute: share shift, O/E calibration, score PSI and AUC of
 * the later slice against the reference slice. Aggregate monitors hide segment drift (§3.9).
 */
export function segmentDrift(reference: ScoredSlice, later: ScoredSlice): SegmentDrift[] {
  const out: SegmentDrift[] = [];
  const nRef = reference.risk.length;
  const nCur = later.risk.length;
  for (const segment of DRIFT_SEGMENTS) {
    const refRows = rowsByCode(reference.table, segment);
    for (const [code, rows] of [...rowsByCode(later.table, segment)].sort((a, b) => b[1].length - a[1].length)) {
      if (rows.length < MIN_SEGMENT_ROWS) continue;
      const p = pick(later.risk, rows);
      const y = pick(later.table.anyLabels, rows);
      const observed = y.reduce((s, v) => s + v, 0) / rows.length;
      const predicted = p.reduce((s, v) => s + v, 0) / rows.length;
      const ref = refRows.get(code) ?? [];
      out.push({
        segment,
        value: valueName(segment, code),
        rows: rows.length,
        referenceShare: ref.length / Math.max(1, nRef),
        share: rows.length / Math.max(1, nCur),
        observed,
        predicted,
        observedToExpected: predicted > 0 ? observed / predicted : NaN,
        scorePsi: ref.length > 0 ? populationStabilityIndex(pick(reference.risk, ref), p) : NaN,
        auc: rocAuc(p, y),
      });
    }
  }
  return out;
}
