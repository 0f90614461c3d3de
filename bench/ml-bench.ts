// Benchmark of the fallout model's compute core (src/ml): trains histogram GBDT on a synthetic,
// fallout-shaped table and reports training time, AUC on a later held-out slice, scoring speed,
// TreeSHAP cost and model size. `--json` prints one JSON object; `--rows N` sets the training rows;
// `--trees N` the rounds; `--quantized` uses 8-bit quantised gradients for the histograms;
// `--export DIR` writes train/valid/test CSVs plus params.json for
// bench/python/xgboost_compare.py.
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { compileModel } from '../src/ml/compiled-model.js';
import { readRow, sliceRows, type Dataset } from '../src/ml/dataset.js';
import { serializeModel } from '../src/ml/gbdt-model.js';
import type { GbdtParams } from '../src/ml/gbdt-params.js';
import { trainGbdt } from '../src/ml/gbdt-trainer.js';
import { averagePrecision, rocAuc } from '../src/ml/ranking-metrics.js';
import { predictMargins } from '../src/ml/scorer.js';
import { createTreeShap, shapRow } from '../src/ml/tree-shap.js';
import { syntheticFalloutData } from './ml-synthetic-data.js';

const args = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const json = args.includes('--json');
const rows = Number(flag('--rows') ?? 200_000);
const trees = Number(flag('--trees') ?? 300);
const exportDir = flag('--export');
const seed = Number(flag('--seed') ?? 42);

/** Hyper-parameters shared with the XGBoost comparison (no subsampling, so both see all rows). */
const quantized = args.includes('--quantized');
const params: Partial<GbdtParams> = {
  objective: 'binary', numRounds: trees, maxDepth: 6, learningRate: 0.1, maxBins: 255, lambda: 1, gamma: 0,
  minChildWeight: 1, minSamplesLeaf: 1, subsample: 1, colsampleByTree: 1, earlyStoppingRounds: 0, seed: 7, quantizedGradients: quantized,
};

function timed<T>(fn: () => T): { value: T; wallMs: number; cpuMs: number } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = fn();
  const cpu = process.cpuUsage(c0);
  return { value, wallMs: performance.now() - t0, cpuMs: (cpu.user + cpu.system) / 1000 };
}

function writeCsv(path: string, ds: Dataset): void {
  const header = [...ds.features.map((f) => f.name), 'label'].join(',');
  const lines = [header];
  const row = new Float64Array(ds.features.length);
  for (let r = 0; r < ds.nRows; r++) {
    readRow(ds, r, row);
    lines.push([...Array.from(row, (v) => (Number.isNaN(v) ? '' : String(v))), String(ds.labels![r])].join(','));
  }
  writeFileSync(path, lines.join('\n') + '\n');
}

const nValid = Math.round(rows / 8);
const all = syntheticFalloutData(rows + 2 * nValid, seed);
const train = sliceRows(all, 0, rows);
const valid = sliceRows(all, rows, rows + nValid);
const test = sliceRows(all, rows + nValid, all.nRows);

if (exportDir) {
  mkdirSync(exportDir, { recursive: true });
  writeCsv(join(exportDir, 'train.csv'), train);
  writeCsv(join(exportDir, 'valid.csv'), valid);
  writeCsv(join(exportDir, 'test.csv'), test);
  const categorical = all.features.filter((f) => f.kind === 'categorical').map((f) => f.name);
  writeFileSync(join(exportDir, 'params.json'), JSON.stringify({ ...params, categorical }, null, 2));
}

const trained = timed(() => trainGbdt(train, params, valid));
const model = trained.value.model;
const cm = compileModel(model);
const scoring = timed(() => {
  let reps = 0;
  let margins: Float64Array = new Float64Array(0);
  const t0 = performance.now();
  while (reps === 0 || performance.now() - t0 < 1000) [margins, reps] = [predictMargins(cm, test)[0]!, reps + 1];
  return { margins, scored: reps * test.nRows };
});
const explainer = createTreeShap(cm);
const shapRows = Math.min(200, test.nRows);
const x = new Float64Array(cm.nFeatures);
const shap = timed(() => {
  for (let r = 0; r < shapRows; r++) shapRow(explainer, readRow(test, r, x));
});
const margins = scoring.value.margins;
const result = {
  rows: train.nRows, features: train.features.length, trees: model.trees.length, maxDepth: params.maxDepth,
  positiveRate: Number((train.labels!.reduce((s, v) => s + v, 0) / train.nRows).toFixed(4)),
  trainWallS: Number((trained.wallMs / 1000).toFixed(2)), trainCpuS: Number((trained.cpuMs / 1000).toFixed(2)),
  testAuc: Number(rocAuc(margins, test.labels!).toFixed(4)), testPrAuc: Number(averagePrecision(margins, test.labels!).toFixed(4)),
  scoringRowsPerS: Math.round(scoring.value.scored / (scoring.cpuMs / 1000)),
  shapMsPerRow: Number((shap.cpuMs / shapRows).toFixed(3)),
  modelJsonBytes: serializeModel(model).length,
  quantizedGradients: quantized,
  // Other processes compete for the 2 cores; wall times are only comparable at low load.
  loadAvg1m: Number(loadavg()[0]!.toFixed(2)),
};
if (json) console.log(JSON.stringify(result));
else {
  console.log(`ML bench — synthetic fallout table, ${result.rows} training rows × ${result.features} features, ${(result.positiveRate * 100).toFixed(1)}% positives`);
  console.log(`training: ${result.trees} trees depth ${result.maxDepth}: ${result.trainWallS} s wall, ${result.trainCpuS} s CPU (target ≤ 30 s)`);
  console.log(`held-out later slice: AUC ${result.testAuc}, PR-AUC ${result.testPrAuc}`);
  console.log(`scoring: ${result.scoringRowsPerS} rows/s per core (target ≥ 50,000)`);
  console.log(`TreeSHAP: ${result.shapMsPerRow} ms per row (target ≤ 10)`);
  console.log(`model JSON: ${(result.modelJsonBytes / 1e6).toFixed(2)} MB; load average during the run: ${result.loadAvg1m}`);
}
