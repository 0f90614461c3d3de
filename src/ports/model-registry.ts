/** Review capacities (share of orders) at which every head's threshold is recorded. */
export const OPERATING_CAPACITIES = [0.005, 0.01, 0.02, 0.05, 0.1] as const;

/** Lifecycle of a registered model version. */
export const MODEL_STATUSES = ['candidate', 'active', 'retired'] as const;
/** Where a model version stands. */
export type ModelStatus = (typeof MODEL_STATUSES)[number];

/** One trained head: "any" fallout or one cause, as model JSON plus its Platt calibration. */
export interface ModelHead {
  /** 'any' or a FalloutCause. */
  readonly head: string;
  /** The GBDT model as JSON (src/ml serializeModel). */
  readonly modelJson: string;
  readonly platt: { readonly a: number; readonly b: number };
}

/** Metrics of one head on one slice. */
export interface HeadMetrics {
  readonly rows: number;
  readonly prevalence: number;
  readonly auc: number;
  readonly prAuc: number;
  readonly brier: number;
  readonly ece: number;
  readonly precisionAt5: number;
  readonly recallAt5: number;
  readonly precisionAt10: number;
  readonly recallAt10: number;
  /** Precision at 5% / 10% review divided by the prevalence. */
  readonly liftAt5: number;
  readonly liftAt10: number;
}

/** A head's calibrated risk above which an order is in the top `capacity` share (from the calibration slice). */
export interface HeadOperatingPoint {
  /** 'any' or a FalloutCause. */
  readonly head: string;
  /** Share of orders a queue can review, e.g. 0.02. */
  readonly capacity: number;
  readonly threshold: number;
}

/** A versioned model: what it was trained on, its artefacts, metrics and operating point. */
export interface ModelVersion {
  readonly version: string;
  readonly status: ModelStatus;
  readonly trainedAt: string;
  /** createdAt of the first and last order used for training (test slice excluded). */
  readonly trainingWindow: { readonly from: string; readonly to: string };
  /** createdAt range of the later test slice the metrics come from. */
  readonly testWindow: { readonly from: string; readonly to: string };
  readonly features: readonly { readonly name: string; readonly kind: 'numeric' | 'categorical' }[];
  readonly heads: readonly ModelHead[];
  /** Metrics on the test slice, per head ('any' and each cause). */
  readonly metrics: Readonly<Record<string, HeadMetrics>>;
  /** Review capacity (share of orders) and the calibrated risk above which an order is in it. */
  readonly operatingPoint: { readonly capacity: number; readonly threshold: number };
  /** Thresholds of every head at the standard review capacities (OPERATING_CAPACITIES), for routing; absent on older versions. */
  readonly operatingPoints?: readonly HeadOperatingPoint[];
  readonly rowCounts: { readonly train: number; readonly earlyStop: number; readonly calibration: number; readonly test: number };
  readonly params: Readonly<Record<string, unknown>>;
}

/** Stores model versions and which one is active. */
export interface ModelRegistry {
  /** Saves a new version (status as given). */
  save(model: ModelVersion): Promise<void>;
  /** One version, or undefined. */
  get(version: string): Promise<ModelVersion | undefined>;
  /** The active version, or undefined before the first promotion. */
  active(): Promise<ModelVersion | undefined>;
  /** Every version, newest first, without their model artefacts (heads). */
  list(): Promise<readonly Omit<ModelVersion, 'heads'>[]>;
  /** Makes a version active and retires the previous active one (throws for an unknown version). */
  promote(version: string): Promise<void>;
}
