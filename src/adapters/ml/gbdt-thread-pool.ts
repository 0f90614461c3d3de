import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { trainBinaryBatchSequentially, type BinaryBatchTrainer, type BinaryJob, type GbdtModel, type SharedBins } from '../../ml/index.js';
import { packSharedBins, type ResultMessage } from './packed-bins.js';
import { startModuleWorker } from './worker-module.js';

/** Threads a batch of `jobs` gets: at most one per job, per core, and per the `threads` asked for. */
export function poolSize(jobs: number, threads?: number): number {
  return Math.max(1, Math.min(jobs, threads ?? availableParallelism(), availableParallelism()));
}

/** A job whose labels are views of larger arrays would send those whole arrays: send only its rows. */
function compact(job: BinaryJob): BinaryJob {
  return { params: job.params, trainLabels: job.trainLabels.slice(), validLabels: job.validLabels?.slice() };
}

function runOnWorker(worker: Worker, next: () => number | null, jobs: readonly BinaryJob[], models: GbdtModel[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const send = (): void => {
      const id = next();
      if (id === null) resolve();
      else worker.postMessage({ id, job: compact(jobs[id]!) });
    };
    worker.on('message', (msg: ResultMessage) => {
      if ('error' in msg) return reject(new Error(`training job ${msg.id} failed in a worker thread: ${msg.error}`));
      models[msg.id] = msg.model;
      send();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`training worker exited with code ${code}`)));
    send();
  });
}

/**
 * A batch trainer that grows the jobs' models on worker threads (size: poolSize). The binned
 * columns go once into shared memory that every worker reads; each job sends only its labels.
 * Each model is the same as on one thread, since a job's training depends only on its inputs.
 * With one thread (or one job) it trains on the calling thread.
 */
export function threadedBinaryTrainer(threads?: number): BinaryBatchTrainer {
  return async (shared: SharedBins, jobs: readonly BinaryJob[]) => {
    const size = poolSize(jobs.length, threads);
    if (size <= 1) return trainBinaryBatchSequentially(shared, jobs);
    const workerData = packSharedBins(shared);
    const workers = Array.from({ length: size }, () => startModuleWorker(new URL('./gbdt-head-worker.js', import.meta.url), { workerData }));
    const models: GbdtModel[] = new Array<GbdtModel>(jobs.length);
    let cursor = 0;
    const next = (): number | null => (cursor < jobs.length ? cursor++ : null);
    try {
      await Promise.all(workers.map((w) => runOnWorker(w, next, jobs, models)));
    } finally {
      await Promise.all(workers.map((w) => w.terminate()));
    }
    return models;
  };
}
