import { createDataset, type Dataset } from './dataset.js';
import type { GbdtModel } from './gbdt-model.js';
import type { GbdtParams } from './gbdt-params.js';
import { trainGbdt } from './gbdt-trainer.js';
import { deriveSeed } from './prng.js';

/** One binary model per class ("is it this cause?"), as used for the per-cause fallout models. */
export interface OneVsRestModels {
  readonly classes: readonly number[];
  readonly models: readonly GbdtModel[];
}

function binaryView(ds: Dataset, cls: number): Dataset {
  if (!ds.labels) throw new Error('one-vs-rest: labels are required');
  return createDataset(ds.features, ds.columns, ds.labels.map((y) => (y === cls ? 1 : 0)), ds.weights);
}

/**
 * Trains one binary model per class label in `classes` on the same features. Each model gets its
 * own seed derived from params.seed, so adding a class does not change the others' models.
 */
export function trainOneVsRest(train: Dataset, classes: readonly number[], params: Partial<GbdtParams>, valid?: Dataset): OneVsRestModels {
  const models = classes.map((cls) => {
    const p = { ...params, objective: 'binary' as const, seed: deriveSeed(params.seed ?? 0, 1000 + cls) };
    return trainGbdt(binaryView(train, cls), p, valid ? binaryView(valid, cls) : undefined).model;
  });
  return { classes, models };
}
