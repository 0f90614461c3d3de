/** The kinds of feature the learner understands. */
export const FEATURE_KINDS = ['numeric', 'categorical'] as const;
/** A feature kind: numeric (ordered) or categorical (non-negative integer codes). */
export type FeatureKind = (typeof FEATURE_KINDS)[number];

/** Name and kind of one feature column. */
export interface FeatureSpec {
  readonly name: string;
  readonly kind: FeatureKind;
}

/** One feature column; NaN means missing (or not applicable). */
export type FeatureColumn = Float64Array | Float32Array;

/**
 * A column-major table of features with optional labels and row weights. Categorical columns hold
 * non-negative integer codes; labels are 0/1 for binary or a class index for multiclass problems.
 */
export interface Dataset {
  readonly nRows: number;
  readonly features: readonly FeatureSpec[];
  readonly columns: readonly FeatureColumn[];
  readonly labels?: Float64Array;
  readonly weights?: Float64Array;
}

/** Builds a dataset after checking that every column and the labels have nRows entries. */
export function createDataset(
  features: readonly FeatureSpec[],
  columns: readonly FeatureColumn[],
  labels?: Float64Array,
  weights?: Float64Array,
): Dataset {
  if (features.length !== columns.length) throw new Error('dataset: one column per feature is required');
  const nRows = columns[0]?.length ?? labels?.length ?? 0;
  columns.forEach((c, i) => {
    if (c.length !== nRows) throw new Error(`dataset: column ${features[i]?.name} has ${c.length} rows, expected ${nRows}`);
  });
  if (labels && labels.length !== nRows) throw new Error('dataset: labels length differs from rows');
  if (weights && weights.length !== nRows) throw new Error('dataset: weights length differs from rows');
  const base = { nRows, features, columns };
  return { ...base, ...(labels ? { labels } : {}), ...(weights ? { weights } : {}) };
}

/** Rows [start, end) of a dataset, sharing memory with it (subarray views). */
export function sliceRows(ds: Dataset, start: number, end: number): Dataset {
  return createDataset(
    ds.features,
    ds.columns.map((c) => c.subarray(start, end)),
    ds.labels?.subarray(start, end),
    ds.weights?.subarray(start, end),
  );
}

/** Copies one row's feature values into out (length ≥ number of features). */
export function readRow(ds: Dataset, row: number, out: Float64Array): Float64Array {
  const cols = ds.columns;
  for (let f = 0; f < cols.length; f++) out[f] = cols[f]![row]!;
  return out;
}
