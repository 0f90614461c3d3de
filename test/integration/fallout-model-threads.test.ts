import { describe, expect, it } from 'vitest';
import { trainFalloutModel, trainFalloutModelWith } from '../../src/app/features/train-fallout-model.js';
import { poolSize, threadedBinaryTrainer } from '../../src/adapters/ml/gbdt-thread-pool.js';
import {
  createDataset, createPrng, prepareSharedBins, serializeModel, trainBinaryBatchSequentially, trainGbdt,
  type BinaryJob, type FeatureSpec,
} from '../../src/ml/index.js';
import { modelCommand } from '../../src/main/commands/model-command.js';
import { fakeFalloutHistory } from '../fixtures/fallout-history.js';

const FAST = { numRounds: 40, learningRate: 0.1, earlyStoppingRounds: 10, maxDepth: 3, seed: 5 };

/** 3,000 rows, four features (one categorical, some missing), three binary targets. */
function smallProblem(): { features: FeatureSpec[]; columns: Float64Array[]; targets: Float64Array[] } {
  const n = 3000;
  const prng = createPrng(9);
  const rnd = (): number => prng.next();
  const features: FeatureSpec[] = [
    { name: 'a', kind: 'numeric' }, { name: 'b', kind: 'numeric' }, { name: 'c', kind: 'categorical' }, { name: 'd', kind: 'numeric' },
  ];
  const columns = features.map(() => new Float64Array(n));
  const targets = [0, 1, 2].map(() => new Float64Array(n));
  for (let i = 0; i < n; i++) {
    const [a, b, c, d] = [rnd(), rnd(), Math.floor(rnd() * 5), rnd() < 0.1 ? NaN : rnd()];
    columns[0]![i] = a; columns[1]![i] = b; columns[2]![i] = c; columns[3]![i] = d;
    targets[0]![i] = +(a + 0.3 * rnd() > 0.7);
    targets[1]![i] = +(c === 2 || b * rnd() > 0.6);
    targets[2]![i] = +((d !== d && rnd() < 0.5) || a * b > 0.5);
  }
  return { features, columns, targets };
}

describe('training binary models on worker threads', () => {
  it('gives the same trees as training them one after another, and as trainGbdt on each dataset', async () => {
    const { features, columns, targets } = smallProblem();
    const cut = 2400;
    const part = (a: number, b: number, labels: Float64Array) => createDataset(features, columns.map((c) => c.subarray(a, b)), labels.subarray(a, b));
    const shared = prepareSharedBins(part(0, cut, targets[0]!), part(cut, 3000, targets[0]!), FAST);
    const jobs: BinaryJob[] = targets.map((y, k) => ({ trainLabels: y.subarray(0, cut), validLabels: y.subarray(cut), params: { ...FAST, subsample: 0.7 + 0.1 * k } }));
    const sequential = (await trainBinaryBatchSequentially(shared, jobs)).map(serializeModel);
    const threaded = (await threadedBinaryTrainer(2)(shared, jobs)).map(serializeModel);
    expect(threaded).toEqual(sequential);
    targets.forEach((y, k) => {
      const direct = trainGbdt(part(0, cut, y), { ...jobs[k]!.params, objective: 'binary' }, part(cut, 3000, y)).model;
      expect(serializeModel(direct)).toBe(sequential[k]);
    });
  });

  it('rejects with the error a job hit in its worker', async () => {
    const { features, columns, targets } = smallProblem();
    const shared = prepareSharedBins(createDataset(features, columns, targets[0]), undefined, FAST);
    const jobs = [{ trainLabels: targets[0]!, params: FAST }, { trainLabels: targets[1]!, params: { ...FAST, maxDepth: 0 } }];
    await expect(threadedBinaryTrainer(2)(shared, jobs)).rejects.toThrow(/maxDepth/);
  });

  it('sizes the pool by jobs, cores and the threads asked for', () => {
    expect(poolSize(8, 1)).toBe(1);
    expect(poolSize(1, 4)).toBe(1);
    expect(poolSize(8)).toBeGreaterThanOrEqual(1);
    expect(poolSize(8, 2)).toBeLessThanOrEqual(2);
  });
});

describe('the fallout model trained with a thread pool', () => {
  it('is the same version as trained on one thread for the same seed', async () => {
    const history = fakeFalloutHistory(1500, 11);
    const options = { version: 'v1', trainedAt: '2025-07-01T00:00:00.000Z', params: FAST };
    const sequential = trainFalloutModel(history, options);
    const threaded = await trainFalloutModelWith(history, options, threadedBinaryTrainer(2));
    expect(threaded.heads.map((h) => h.head)).toEqual(['any', 'credit', 'address', 'incompat', 'inventory', 'port', 'timeout', 'human']);
    expect(threaded).toEqual(sequential);
  });
});

describe('provisio model train --threads', () => {
  it('takes a whole number of threads, at least one', async () => {
    for (const bad of ['0', '1.5', 'two']) expect(await modelCommand.run(['train', '--history', 'none.jsonl', '--threads', bad])).toBe(2);
  });
});
