import type { ModelVersion } from '../../ports/model-registry.js';
import { headMetrics, scoreHead } from './head-metrics.js';
import type { HistoryRecord } from './history-record.js';
import { buildTrainingTable } from './training-table.js';
import { createDataset } from '../../ml/index.js';

/** The outcome of comparing a candidate with the active model on the most recent labelled slice. */
export interface PromotionDecision {
  readonly promote: boolean;
  readonly reason: string;
  readonly capacity: number;
  readonly candidatePrecision: number;
  readonly incumbentPrecision?: number;
  readonly candidateAuc: number;
  readonly incumbentAuc?: number;
  readonly rows: number;
}

/** AUC the candidate may lose against the incumbent while still winning at the operating point. */
export const MAX_AUC_LOSS = 0.01;

function scoreOnRecent(model: ModelVersion, recent: readonly HistoryRecord[], capacity: number): { precision: number; auc: number } {
  const t = buildTrainingTable(recent);
  const ds = createDataset(t.features.features, t.features.columns);
  const any = model.heads.find((h) => h.head === 'any');
  if (!any) throw new Error(`model ${model.version} has no "any" head`);
  const m = headMetrics(scoreHead(any, ds), t.anyLabels);
  return { precision: capacity <= 0.05 ? m.precisionAt5 : m.precisionAt10, auc: m.auc };
}

/**
 * The promotion rule: a candidate replaces the active model only if, on the most recent labelled
 * orders, its precision at the review capacity is at least the incumbent's and its AUC is no more
 * than MAX_AUC_LOSS lower. With no active model the candidate is promoted.
 */
export function decidePromotion(candidate: ModelVersion, incumbent: ModelVersion | undefined, recent: readonly HistoryRecord[]): PromotionDecision {
  const capacity = candidate.operatingPoint.capacity;
  const c = scoreOnRecent(candidate, recent, capacity);
  const base = { capacity, candidatePrecision: c.precision, candidateAuc: c.auc, rows: recent.length };
  if (!incumbent) return { ...base, promote: true, reason: 'no active model' };
  const i = scoreOnRecent(incumbent, recent, capacity);
  const wins = c.precision >= i.precision && c.auc >= i.auc - MAX_AUC_LOSS;
  const reason = wins
    ? `precision at ${capacity * 100}% ${c.precision.toFixed(3)} >= active ${i.precision.toFixed(3)}`
    : `refused: precision at ${capacity * 100}% ${c.precision.toFixed(3)} vs active ${i.precision.toFixed(3)}, AUC ${c.auc.toFixed(3)} vs ${i.auc.toFixed(3)}`;
  return { ...base, promote: wins, reason, incumbentPrecision: i.precision, incumbentAuc: i.auc };
}
