// What the two model benchmarks share: the hyper-parameters of the XGBoost comparison, timing, the
// CSV export for bench/python/xgboost_compare.py, and the scoring and TreeSHAP measurements.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTreeShap, predictMargins, readRow, shapRow, type CompiledModel, type Dataset, type GbdtParams } from '../src/ml/index.js';

/** Hyper-parameters shared with the XGBoost comparison (no subsampling so both see all rows, no early stop). */
export function comparisonParams(trees: number, extra: Partial<GbdtParams> = {}): Partial<GbdtParams> {
  return {
    objective: 'binary', numRounds: trees, maxDepth: 6, learningRate: 0.1, maxBins: 255, lambda: 1, gamma: 0,
    minChildWeight: 1, minSamplesLeaf: 1, subsample: 1, colsampleByTree: 1, earlyStoppingRounds: 0, seed: 7, ...extra,
  };
}

/** Runs `fn` and says how long it took, wall and CPU. */
export function timed<T>(fn: () => T): { value: T; wallMs: number; cpuMs: number } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = fn();
  const cpu = process.cpuUsage(c0);
  return { value, wallMs: performance.now() - t0, cpuMs: (cpu.user + cpu.system) / 1000 };
}

function writeCsv(path: string, ds: Dataset): void {
  const lines = [[...ds.features.map((f) => f.name), 'label'].join(',')];
  const row = new Float64Array(ds.features.length);
  for (let r = 0; r < ds.nRows; r++) {
    readRow(ds, r, row);
    lines.push([...Array.from(row, (v) => (Number.isNaN(v) ? '' : String(v))), String(ds.labels![r])].join(','));
  }
  writeFileSync(path, `${lines.join('\n')}\n`);
}

/** Writes `<name>.csv` for each data set and params.json (with the categorical columns) into `dir`. */
export function exportForComparison(dir: string, sets: Readonly<Record<string, Dataset>>, params: Partial<GbdtParams>): void {
  mkdirSync(dir, { recursive: true });
  for (const [name, ds] of Object.entries(sets)) writeCsv(join(dir, `${name}.csv`), ds);
  const first = Object.values(sets)[0];
  const categorical = (first?.features ?? []).filter((f) => f.kind === 'categorical').map((f) => f.name);
  writeFileSync(join(dir, 'params.json'), JSON.stringify({ ...params, categorical }, null, 2));
}

/** Scores `test` again and again for at least a second: the margins and how many rows were scored. */
export function measureScoring(cm: CompiledModel, test: Dataset): { value: { margins: Float64Array; scored: number }; wallMs: number; cpuMs: number } {
  return timed(() => {
    let reps = 0;
    let margins: Float64Array = new Float64Array(0);
    const t0 = performance.now();
    while (reps === 0 || performance.now() - t0 < 1000) [margins, reps] = [predictMargins(cm, test)[0]!, reps + 1];
    return { margins, scored: reps * test.nRows };
  });
}

/** TreeSHAP of the first `rows` rows of `test`. */
export function measureShap(cm: CompiledModel, test: Dataset, rows: number): { wallMs: number; cpuMs: number } {
  const explainer = createTreeShap(cm);
  const x = new Float64Array(cm.nFeatures);
  return timed(() => {
    for (let r = 0; r < rows; r++) shapRow(explainer, readRow(test, r, x));
  });
}
