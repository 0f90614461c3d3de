import { FALLOUT_CAUSES } from '../../domain/fallout/fallout-cause.js';
import { fitPlatt, compileModel, predictMargins, prepareSharedBins, serializeModel, trainBinaryJob, type BinaryBatchTrainer, type BinaryJob, type GbdtModel, type GbdtParams, type SharedBins } from '../../ml/index.js';
import { OPERATING_CAPACITIES, type HeadMetrics, type HeadOperatingPoint, type ModelHead, type ModelVersion } from '../../ports/model-registry.js';
import { headMetrics, scoreHead } from './head-metrics.js';
import { wasProvisioned, type HistoryRecord } from './history-record.js';
import { buildTrainingTable, labelledSlice, type TrainingTable } from './training-table.js';

/** What a training run needs besides the history: identity, time and hyper-parameters. */
export interface TrainOptions {
  readonly version: string;
  /** ISO instant of the run (comes from the Clock). */
  readonly trainedAt: string;
  /** Review capacity as a share of orders (default 0.05). */
  readonly capacity?: number;
  readonly params?: Partial<GbdtParams>;
}

/** Row boundaries of the time-ordered split: train | early stop | calibration | test (70/10/10/10). */
export interface TimeSplit {
  readonly train: readonly [number, number];
  readonly earlyStop: readonly [number, number];
  readonly calibration: readonly [number, number];
  readonly test: readonly [number, number];
}

/** Splits n time-ordered rows into oldest 70% train, then 10% early stop, 10% calibration, newest 10% test. */
export function timeSplit(n: number): TimeSplit {
  const a = Math.floor(n * 0.7);
  const b = Math.floor(n * 0.8);
  const c = Math.floor(n * 0.9);
  return { train: [0, a], earlyStop: [a, b], calibration: [b, c], test: [c, n] };
}

/** Default hyper-parameters of the fallout heads (design notes §3.3). */
export const FALLOUT_GBDT_PARAMS: Partial<GbdtParams> = { numRounds: 300, learningRate: 0.05, maxDepth: 4, maxBins: 64, earlyStoppingRounds: 30, seed: 42 };

/** Platt-calibrates a head's model on the calibration slice. */
function calibrateHead(t: TrainingTable, s: TimeSplit, name: string, labels: Float64Array, model: GbdtModel): ModelHead {
  const cal = labelledSlice(t, labels, ...s.calibration);
  const margins = predictMargins(compileModel(model), cal)[0]!;
  const { a, b } = fitPlatt(margins, cal.labels!);
  return { head: name, modelJson: serializeModel(model), platt: { a, b } };
}

/** Calibrated risk above which an order falls in the top `capacity` share of the given scores. */
export function thresholdAt(scores: Float64Array, capacity: number): number {
  const sorted = Float64Array.from(scores).sort().reverse();
  const k = Math.min(sorted.length - 1, Math.max(0, Math.round(capacity * sorted.length) - 1));
  return sorted[k] ?? 1;
}

/** Every head's threshold at each standard review capacity, from its scores on the calibration slice. */
function operatingPoints(t: TrainingTable, s: TimeSplit, heads: readonly ModelHead[]): HeadOperatingPoint[] {
  const cal = labelledSlice(t, t.anyLabels, ...s.calibration);
  return heads.flatMap((h) => {
    const scores = scoreHead(h, cal);
    return OPERATING_CAPACITIES.map((capacity) => ({ head: h.head, capacity, threshold: thresholdAt(scores, capacity) }));
  });
}

interface TrainingPlan {
  readonly t: TrainingTable;
  readonly s: TimeSplit;
  readonly params: Partial<GbdtParams>;
  readonly targets: readonly (readonly [string, Float64Array])[];
  /** Features of the training and early-stopping slices, binned once for every head. */
  readonly shared: SharedBins;
  /** One binary job per head, in the order of targets. */
  readonly jobs: readonly BinaryJob[];
}

function planTraining(all: readonly HistoryRecord[], options: TrainOptions): TrainingPlan {
  const records = all.filter(wasProvisioned);
  if (records.length < 200) throw new Error(`training: need at least 200 provisioned orders, got ${records.length}`);
  const t = buildTrainingTable(records);
  const s = timeSplit(t.createdAt.length);
  const params = { ...FALLOUT_GBDT_PARAMS, ...options.params };
  const targets = [['any', t.anyLabels] as const, ...FALLOUT_CAUSES.map((c) => [c, t.causeLabels[c]] as const)];
  const slice = (labels: Float64Array, [a, b]: readonly [number, number]): Float64Array => labels.subarray(a, b);
  const shared = prepareSharedBins(labelledSlice(t, t.anyLabels, ...s.train), labelledSlice(t, t.anyLabels, ...s.earlyStop), params);
  const jobs = targets.map(([, labels]) => ({ trainLabels: slice(labels, s.train), validLabels: slice(labels, s.earlyStop), params }));
  return { t, s, params, targets, shared, jobs };
}

function assemble(plan: TrainingPlan, models: readonly GbdtModel[], options: TrainOptions): ModelVersion {
  const { t, s, params, targets } = plan;
  const capacity = options.capacity ?? 0.05;
  const heads = targets.map(([name, labels], i) => calibrateHead(t, s, name, labels, models[i]!));
  const metrics: Record<string, HeadMetrics> = {};
  targets.forEach(([name, labels], i) => {
    const test = labelledSlice(t, labels, ...s.test);
    metrics[name] = headMetrics(scoreHead(heads[i]!, test), test.labels!);
  });
  const points = operatingPoints(t, s, heads);
  const threshold = points.find((p) => p.head === 'any' && p.capacity === capacity)?.threshold
    ?? thresholdAt(scoreHead(heads[0]!, labelledSlice(t, t.anyLabels, ...s.calibration)), capacity);
  const at = (i: number): string => t.createdAt[i]!;
  return {
    version: options.version,
    status: 'candidate',
    trainedAt: options.trainedAt,
    trainingWindow: { from: at(0), to: at(s.calibration[1] - 1) },
    testWindow: { from: at(s.test[0]), to: at(s.test[1] - 1) },
    features: t.features.features.map((f) => ({ name: f.name, kind: f.kind })),
    heads,
    metrics,
    operatingPoint: { capacity, threshold },
    operatingPoints: points,
    rowCounts: { train: s.train[1], earlyStop: s.earlyStop[1] - s.earlyStop[0], calibration: s.calibration[1] - s.calibration[0], test: s.test[1] - s.test[0] },
    params,
  };
}

/**
 * Trains the "any fallout" head and one head per cause on time-ordered history of provisioned
 * orders (rejected ones never reached provisioning), calibrates each with Platt scaling on the
 * calibration slice and measures it on the newest slice. Returns a candidate version for the registry.
 * The heads are trained one after another on this thread.
 */
export function trainFalloutModel(all: readonly HistoryRecord[], options: TrainOptions): ModelVersion {
  const plan = planTraining(all, options);
  return assemble(plan, plan.jobs.map((j) => trainBinaryJob(plan.shared, j)), options);
}

/**
 * As trainFalloutModel, with the heads' trees grown by `trainer` (for instance on worker threads);
 * the heads are independent, so the version is the same whichever trainer grows them.
 */
export async function trainFalloutModelWith(all: readonly HistoryRecord[], options: TrainOptions, trainer: BinaryBatchTrainer): Promise<ModelVersion> {
  const plan = planTraining(all, options);
  return assemble(plan, await trainer(plan.shared, plan.jobs), options);
}
