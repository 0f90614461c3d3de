// Benchmark of the fallout model on real generated order history (`provisio history generate`):
// the order features the server extracts, a time-ordered split, and the targets —
// training time of 300 trees of depth 6 on ~200k orders × all features (≤ 30 s), scoring rows/s
// per core (≥ 50,000), TreeSHAP ms per order (≤ 10) — plus the later-slice AUC to compare with
// XGBoost on the same rows (`--export DIR`, then bench/python/xgboost_compare.py DIR).
//
//   npx tsx bench/model-bench.ts --history history.jsonl [--json] [--export DIR] [--trees 300] [--no-full]
//
// The oldest 85% of provisioned orders train, the newest 15% test. A second, timing-only run trains
// on every provisioned order (the full ~200k) unless --no-full.
import { loadavg } from 'node:os';
import { gbdtFalloutPredictor } from '../src/adapters/ml/gbdt-fallout-predictor.js';
import { extractFalloutFeatures } from '../src/app/features/extract-features.js';
import { FALLOUT_FEATURES } from '../src/app/features/fallout-features.js';
import { wasProvisioned } from '../src/app/features/history-record.js';
import { buildTrainingTable, labelledSlice } from '../src/app/features/training-table.js';
import { FALLOUT_CAUSES } from '../src/domain/fallout/fallout-cause.js';
import { readHistory } from '../src/main/commands/history-file.js';
import { compileModel, rocAuc, averagePrecision, serializeModel, trainGbdt } from '../src/ml/index.js';
import type { ModelRegistry, ModelVersion } from '../src/ports/model-registry.js';
import { comparisonParams, exportForComparison, measureScoring, measureShap, timed } from './ml-bench-parts.js';

const args = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const historyPath = flag('--history');
if (historyPath === undefined) {
  console.error('usage: npx tsx bench/model-bench.ts --history history.jsonl [--json] [--export DIR] [--trees 300] [--no-full]');
  process.exit(2);
}
const json = args.includes('--json');
const exportDir = flag('--export');
const trees = Number(flag('--trees') ?? 300);

const params = comparisonParams(trees);

const records = (await readHistory(historyPath)).filter(wasProvisioned);
const table = buildTrainingTable(records);
const n = table.createdAt.length;
const cut = Math.floor(n * 0.85);
const train = labelledSlice(table, table.anyLabels, 0, cut);
const test = labelledSlice(table, table.anyLabels, cut, n);

if (exportDir) exportForComparison(exportDir, { train, test }, params);

const trained = timed(() => trainGbdt(train, params));
const cm = compileModel(trained.value.model);
const scoring = measureScoring(cm, test);
const shapRows = Math.min(500, test.nRows);
const shap = measureShap(cm, test, shapRows);

// The server's whole prediction per order: features from the order, eight heads of this size, TreeSHAP, factor texts.
const head = { modelJson: serializeModel(trained.value.model), platt: { a: 1, b: 0 } };
const version = { version: 'bench', heads: ['any', ...FALLOUT_CAUSES].map((h) => ({ head: h, ...head })), features: FALLOUT_FEATURES } as unknown as ModelVersion;
const predictor = gbdtFalloutPredictor({ registry: { active: async () => version } as unknown as ModelRegistry, extract: extractFalloutFeatures, featureNames: FALLOUT_FEATURES.map((f) => f.name) });
await predictor.reload();
const orders = records.slice(cut, cut + shapRows).map((r) => r.order);
const predict = timed(() => {
  for (const o of orders) predictor.predict(o);
});

const full = args.includes('--no-full') ? undefined : timed(() => trainGbdt(labelledSlice(table, table.anyLabels, 0, n), params));
const margins = scoring.value.margins;
const round = (v: number, d = 2): number => Number(v.toFixed(d));
const result = {
  history: historyPath, provisionedOrders: n, features: train.features.length, trees: trained.value.model.trees.length, maxDepth: params.maxDepth,
  trainRows: train.nRows, testRows: test.nRows, trainWindowEnd: table.createdAt[cut - 1], testWindow: [table.createdAt[cut], table.createdAt[n - 1]],
  positiveRate: round(mean(train.labels!), 4),
  trainWallS: round(trained.wallMs / 1000), trainCpuS: round(trained.cpuMs / 1000),
  fullRows: full ? n : undefined, fullTrainWallS: full ? round(full.wallMs / 1000) : undefined, fullTrainCpuS: full ? round(full.cpuMs / 1000) : undefined,
  testAuc: round(rocAuc(margins, test.labels!), 4), testPrAuc: round(averagePrecision(margins, test.labels!), 4),
  scoringRowsPerS: Math.round(scoring.value.scored / (scoring.cpuMs / 1000)),
  shapMsPerRow: round(shap.cpuMs / shapRows, 3),
  predictMsPerOrder: round(predict.cpuMs / orders.length, 3),
  modelJsonBytes: head.modelJson.length,
  // Other processes compete for the 2 cores; wall times are only comparable at low load.
  loadAvg1m: round(loadavg()[0]!),
};

function mean(xs: Float64Array): number {
  return xs.reduce((s, v) => s + v, 0) / Math.max(1, xs.length);
}

if (json) console.log(JSON.stringify(result));
else {
  console.log(`Model bench — ${historyPath}: ${n} provisioned orders × ${result.features} features, ${(result.positiveRate * 100).toFixed(1)}% fallout [synthetic]`);
  console.log(`training ${result.trainRows} oldest orders, ${result.trees} trees depth ${result.maxDepth}: ${result.trainWallS} s wall, ${result.trainCpuS} s CPU`);
  if (full) console.log(`training all ${n} orders: ${result.fullTrainWallS} s wall, ${result.fullTrainCpuS} s CPU (target ≤ 30 s)`);
  console.log(`later slice (${result.testRows} orders from ${result.testWindow[0]}): AUC ${result.testAuc}, PR-AUC ${result.testPrAuc}`);
  console.log(`scoring: ${result.scoringRowsPerS} rows/s per core (target ≥ 50,000)`);
  console.log(`TreeSHAP: ${result.shapMsPerRow} ms per row (target ≤ 10); whole prediction (features + 8 heads + TreeSHAP): ${result.predictMsPerOrder} ms per order`);
  console.log(`model JSON ${(result.modelJsonBytes / 1e6).toFixed(2)} MB; load average ${result.loadAvg1m}`);
}
