import { applyBins, fitBinMapper, type BinMapper, type BinnedMatrix } from './binning.js';
import type { Dataset } from './dataset.js';
import type { GbdtModel } from './gbdt-model.js';
import { resolveParams, type GbdtParams } from './gbdt-params.js';
import { trainGbdtOnBins } from './gbdt-trainer.js';
import { deriveSeed } from './prng.js';

/** Features binned once for several binary models: the training rows and the early-stopping rows. */
export interface SharedBins {
  readonly mapper: BinMapper;
  readonly train: BinnedMatrix;
  readonly valid?: BinnedMatrix | undefined;
}

/** One binary model of a batch: its labels on the shared rows and its hyper-parameters. */
export interface BinaryJob {
  readonly trainLabels: Float64Array;
  readonly validLabels?: Float64Array | undefined;
  readonly params: Partial<GbdtParams>;
}

/** Trains every job of a batch on the shared bins; models come back in job order. */
export type BinaryBatchTrainer = (shared: SharedBins, jobs: readonly BinaryJob[]) => Promise<GbdtModel[]>;

/**
 * Fits the bin mapper on the training features and bins both slices, exactly as trainGbdt does
 * with the same maxBins and seed, so a job trained on these bins equals trainGbdt on the dataset.
 */
export function prepareSharedBins(train: Dataset, valid: Dataset | undefined, params: Partial<GbdtParams>): SharedBins {
  const p = resolveParams(params);
  const mapper = fitBinMapper(train, { maxBins: p.maxBins, seed: deriveSeed(p.seed, 0) });
  return { mapper, train: applyBins(mapper, train), valid: valid ? applyBins(mapper, valid) : undefined };
}

/** Trains one job of a batch (what each worker thread runs). */
export function trainBinaryJob(shared: SharedBins, job: BinaryJob): GbdtModel {
  const valid = shared.valid && job.validLabels ? { binned: shared.valid, labels: job.validLabels } : undefined;
  return trainGbdtOnBins(shared.mapper, { binned: shared.train, labels: job.trainLabels }, { ...job.params, objective: 'binary' }, valid).model;
}

/** The batch trained one job after another on the calling thread. */
export const trainBinaryBatchSequentially: BinaryBatchTrainer = async (shared, jobs) => jobs.map((j) => trainBinaryJob(shared, j));
