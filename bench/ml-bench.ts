// Benchmark of the fallout model's compute core (src/ml): trains histogram GBDT on a synthetic,
// fallout-shaped table and reports training time, AUC on a later held-out slice, scoring speed,
// TreeSHAP cost and model size. `--json` prints one JSON object; `--rows N` sets the training rows;
// `--trees N` the rounds; `--quantized` uses 8-bit quantised gradients for the histograms;
// `--export DIR` writes train/valid/test CSVs plus params.json for
// bench/python/xgboost_compare.py.
import { loadavg } from 'node:os';
import { compileModel } from '../src/ml/compiled-model.js';
import { sliceRows } from '../src/ml/dataset.js';
import { serializeModel } from '../src/ml/gbdt-model.js';
import { trainGbdt } from '../src/ml/gbdt-trainer.js';
import { averagePrecision, rocAuc } from '../src/ml/ranking-metrics.js';
import { comparisonParams, exportForComparison, measureScoring, measureShap, timed } from './ml-bench-parts.js';
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

const quantized = args.includes('--quantized');
const params = comparisonParams(trees, { quantizedGradients: quantized });

const nValid = Math.round(rows / 8);
const all = syntheticFalloutData(rows + 2 * nValid, seed);
const train = sliceRows(all, 0, rows);
const valid = sliceRows(all, rows, rows + nValid);
const test = sliceRows(all, rows + nValid, all.nRows);

if (exportDir) exportForComparison(exportDir, { train, valid, test }, params);

const trained = timed(() => trainGbdt(train, params, valid));
const model = trained.value.model;
const cm = compileModel(model);
const scoring = measureScoring(cm, test);
const shapRows = Math.min(200, test.nRows);
const shap = measureShap(cm, test, shapRows);
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
