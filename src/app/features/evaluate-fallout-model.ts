import { FALLOUT_CAUSES, type FalloutCause } from '../../domain/fallout/fallout-cause.js';
import { populationStabilityIndex, reliabilityBins, type ReliabilityBin } from '../../ml/index.js';
import type { HeadMetrics, ModelVersion } from '../../ports/model-registry.js';
import { routingPolicyOfModel } from '../specialist-routing.js';
import { headMetrics, scoreHead } from './head-metrics.js';
import { wasProvisioned, type HistoryRecord } from './history-record.js';
import { replayRouting, type RoutingReplay } from './routing-evaluation.js';
import { segmentDrift, type SegmentDrift } from './segment-drift.js';
import { buildTrainingTable, type TrainingTable } from './training-table.js';

/** Drift and calibration of one cause head between the reference and the later slice. */
export interface CauseDrift {
  readonly cause: FalloutCause;
  /** PSI of the cause head's calibrated probability. */
  readonly scorePsi: number;
  /** Share of orders whose first cause was this one: in the reference slice, and in the later slice. */
  readonly referenceRate: number;
  readonly observed: number;
  /** Mean predicted probability of the cause in the later slice. */
  readonly predicted: number;
  readonly observedToExpected: number;
}

/** What the registry's operating point (review the top `capacity` by risk) does on the later slice. */
export interface OperatingPointResult {
  readonly capacity: number;
  readonly threshold: number;
  /** Share of later orders at or above the threshold (the review load it would cause). */
  readonly flaggedShare: number;
  readonly precision: number;
  readonly recall: number;
}

/** A model measured on a slice of history later than anything it trained or calibrated on. */
export interface SliceEvaluation {
  readonly modelVersion: string;
  readonly trainingWindow: ModelVersion['trainingWindow'];
  readonly slice: { readonly from: string; readonly to: string; readonly rows: number };
  readonly reference: { readonly from: string; readonly to: string; readonly rows: number };
  /** 'any' and one entry per cause, on the later slice. */
  readonly heads: Readonly<Record<string, HeadMetrics>>;
  readonly operatingPoint: OperatingPointResult;
  /** Reliability table of the "any" head (10 equal-frequency bins). */
  readonly reliability: readonly ReliabilityBin[];
  /** PSI of the "any" risk score, reference vs later slice. */
  readonly scorePsi: number;
  readonly byCause: readonly CauseDrift[];
  readonly bySegment: readonly SegmentDrift[];
  /** The default routing policy with this model's thresholds, replayed on the later slice. */
  readonly routing: RoutingReplay;
}

const mean = (xs: ArrayLike<number>): number => {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i]!;
  return xs.length ? s / xs.length : NaN;
};

function scoreAll(model: ModelVersion, t: TrainingTable): Map<string, Float64Array> {
  return new Map(model.heads.map((h) => [h.head, scoreHead(h, t.features)]));
}

function operatingPointOn(model: ModelVersion, risk: Float64Array, y: Float64Array): OperatingPointResult {
  const { capacity, threshold } = model.operatingPoint;
  let flagged = 0;
  let hits = 0;
  let positives = 0;
  for (let i = 0; i < risk.length; i++) {
    positives += y[i]!;
    if (risk[i]! >= threshold) {
      flagged++;
      hits += y[i]!;
    }
  }
  return { capacity, threshold, flaggedShare: flagged / Math.max(1, risk.length), precision: flagged ? hits / flagged : NaN, recall: positives ? hits / positives : NaN };
}

function window(t: TrainingTable): { from: string; to: string; rows: number } {
  return { from: t.createdAt[0] ?? '', to: t.createdAt.at(-1) ?? '', rows: t.createdAt.length };
}

/**
 * Measures a model on a later slice of provisioned orders and compares the slice with a reference
 * slice (normally the model's training window): ranking, calibration, the operating point, and
 * drift (PSI, observed/expected) overall, by cause and by segment.
 */
export function evaluateOnLaterSlice(model: ModelVersion, reference: readonly HistoryRecord[], later: readonly HistoryRecord[]): SliceEvaluation {
  const ref = buildTrainingTable(reference.filter(wasProvisioned));
  const cur = buildTrainingTable(later.filter(wasProvisioned));
  if (cur.createdAt.length === 0) throw new Error('evaluate: the later slice holds no provisioned orders');
  const refScores = scoreAll(model, ref);
  const curScores = scoreAll(model, cur);
  const score = (m: Map<string, Float64Array>, head: string): Float64Array => {
    const s = m.get(head);
    if (!s) throw new Error(`model ${model.version} has no "${head}" head`);
    return s;
  };
  const heads: Record<string, HeadMetrics> = { any: headMetrics(score(curScores, 'any'), cur.anyLabels) };
  for (const c of FALLOUT_CAUSES) heads[c] = headMetrics(score(curScores, c), cur.causeLabels[c]);
  const byCause = FALLOUT_CAUSES.map((cause): CauseDrift => {
    const observed = mean(cur.causeLabels[cause]);
    const predicted = mean(score(curScores, cause));
    return { cause, scorePsi: populationStabilityIndex(score(refScores, cause), score(curScores, cause)), referenceRate: mean(ref.causeLabels[cause]), observed, predicted, observedToExpected: observed / predicted };
  });
  const risk = score(curScores, 'any');
  return {
    modelVersion: model.version,
    trainingWindow: model.trainingWindow,
    slice: window(cur),
    reference: window(ref),
    heads,
    operatingPoint: operatingPointOn(model, risk, cur.anyLabels),
    reliability: reliabilityBins(risk, cur.anyLabels, 10),
    scorePsi: populationStabilityIndex(score(refScores, 'any'), risk),
    byCause,
    bySegment: segmentDrift({ table: ref, risk: score(refScores, 'any') }, { table: cur, risk }),
    routing: replayRouting(routingPolicyOfModel(model), cur, curScores),
  };
}
