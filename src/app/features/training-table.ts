import { FALLOUT_CAUSES, type FalloutCause } from '../../domain/fallout/fallout-cause.js';
import { createDataset, type Dataset } from '../../ml/index.js';
import { extractFalloutFeatures } from './extract-features.js';
import { FALLOUT_FEATURES } from './fallout-features.js';
import { causeLabel, type HistoryRecord } from './history-record.js';

/** History turned into model columns, oldest order first. */
export interface TrainingTable {
  /** Features only (no labels); pair with `anyLabels` or `causeLabels`. */
  readonly features: Dataset;
  readonly anyLabels: Float64Array;
  /** Per cause: 1 when the order's first cause is that cause. */
  readonly causeLabels: Readonly<Record<FalloutCause, Float64Array>>;
  /** createdAt of each row, ascending. */
  readonly createdAt: readonly string[];
}

/** Builds the feature table of the records sorted by createdAt (the time order splits rely on). */
export function buildTrainingTable(records: readonly HistoryRecord[]): TrainingTable {
  const sorted = [...records].sort((a, b) => (a.order.createdAt < b.order.createdAt ? -1 : a.order.createdAt > b.order.createdAt ? 1 : 0));
  const n = sorted.length;
  const columns = FALLOUT_FEATURES.map(() => new Float64Array(n));
  const row = new Float64Array(FALLOUT_FEATURES.length);
  const anyLabels = new Float64Array(n);
  const causeLabels = Object.fromEntries(FALLOUT_CAUSES.map((c) => [c, new Float64Array(n)])) as Record<FalloutCause, Float64Array>;
  sorted.forEach((r, i) => {
    extractFalloutFeatures(r.order, row);
    for (let f = 0; f < columns.length; f++) columns[f]![i] = row[f]!;
    anyLabels[i] = r.fallout ? 1 : 0;
    const cause = causeLabel(r);
    if (cause) causeLabels[cause][i] = 1;
  });
  return { features: createDataset(FALLOUT_FEATURES, columns), anyLabels, causeLabels, createdAt: sorted.map((r) => r.order.createdAt) };
}

/** The rows [start, end) of the table's features with the given labels attached. */
export function labelledSlice(t: TrainingTable, labels: Float64Array, start: number, end: number): Dataset {
  return createDataset(t.features.features, t.features.columns.map((c) => c.subarray(start, end)), labels.subarray(start, end));
}
