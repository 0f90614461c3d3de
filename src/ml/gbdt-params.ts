/** Objectives the booster can optimise. */
export const OBJECTIVES = ['binary', 'softmax'] as const;
/** binary = log-loss on 0/1 labels; softmax = multiclass log-loss on class indices 0..k−1. */
export type Objective = (typeof OBJECTIVES)[number];

/** Hyper-parameters of the histogram gradient-boosted trees (see fallout-and-ai.md §3.3). */
export interface GbdtParams {
  readonly objective: Objective;
  /** Number of classes (softmax only; 2 for binary). */
  readonly numClasses: number;
  readonly numRounds: number;
  readonly learningRate: number;
  readonly maxDepth: number;
  readonly maxLeaves: number;
  /** Minimum hessian sum in each child (XGBoost's min_child_weight). */
  readonly minChildWeight: number;
  /** Minimum training rows in each child. */
  readonly minSamplesLeaf: number;
  /** L2 regularisation of leaf values (λ). */
  readonly lambda: number;
  /** Minimum gain to make a split (γ). */
  readonly gamma: number;
  /** Share of rows drawn without replacement for each round. */
  readonly subsample: number;
  /** Share of features drawn for each tree. */
  readonly colsampleByTree: number;
  /** Value bins per feature (≤ 255; a missing bin is added). */
  readonly maxBins: number;
  /** Categorical features with at most this many present categories use one-vs-rest splits. */
  readonly maxCatOneHot: number;
  /** Smoothing added to the hessian when ordering categories by gradient. */
  readonly catSmooth: number;
  /** Stop after this many rounds without validation improvement (0 = never stop early). */
  readonly earlyStoppingRounds: number;
  /**
   * Build histograms from 8-bit quantised gradients packed into one number per row (about twice as
   * fast per histogram; split gains become approximate, leaf values stay exact).
   */
  readonly quantizedGradients: boolean;
  readonly seed: number;
}

/** Defaults from the design notes (depth 4, η 0.05, 64 bins, λ 1, subsample 0.8). */
export const DEFAULT_GBDT_PARAMS: GbdtParams = {
  objective: 'binary',
  numClasses: 2,
  numRounds: 300,
  learningRate: 0.05,
  maxDepth: 4,
  maxLeaves: 1 << 16,
  minChildWeight: 1,
  minSamplesLeaf: 20,
  lambda: 1,
  gamma: 0,
  subsample: 0.8,
  colsampleByTree: 0.8,
  maxBins: 64,
  maxCatOneHot: 4,
  catSmooth: 10,
  earlyStoppingRounds: 30,
  quantizedGradients: false,
  seed: 0,
};

/** Fills in defaults and rejects out-of-range values. */
export function resolveParams(partial: Partial<GbdtParams>): GbdtParams {
  const p = { ...DEFAULT_GBDT_PARAMS, ...partial };
  const check = (ok: boolean, what: string): void => {
    if (!ok) throw new Error(`gbdt params: ${what}`);
  };
  check(p.numRounds >= 1 && Number.isInteger(p.numRounds), 'numRounds must be a positive integer');
  check(p.learningRate > 0, 'learningRate must be positive');
  check(p.maxDepth >= 1 && p.maxDepth <= 30, 'maxDepth must be in 1..30');
  check(p.maxLeaves >= 2, 'maxLeaves must be at least 2');
  check(p.lambda >= 0 && p.gamma >= 0, 'lambda and gamma must be non-negative');
  check(p.subsample > 0 && p.subsample <= 1, 'subsample must be in (0, 1]');
  check(p.colsampleByTree > 0 && p.colsampleByTree <= 1, 'colsampleByTree must be in (0, 1]');
  check(p.maxBins >= 2 && p.maxBins <= 255, 'maxBins must be in 2..255');
  check(p.objective === 'binary' || p.numClasses >= 2, 'softmax needs numClasses ≥ 2');
  return p;
}
