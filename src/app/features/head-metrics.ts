import { atCapacity, averagePrecision, brierScore, compileModel, expectedCalibrationError, applyPlatt, parseModel, predictMargins, rocAuc, type Dataset } from '../../ml/index.js';
import type { HeadMetrics, ModelHead } from '../../ports/model-registry.js';

/** Calibrated probabilities of one head for every row of a dataset. */
export function scoreHead(head: ModelHead, ds: Dataset): Float64Array {
  const margins = predictMargins(compileModel(parseModel(head.modelJson)), ds)[0]!;
  const platt = { kind: 'platt' as const, ...head.platt };
  return margins.map((m) => applyPlatt(platt, m));
}

/** Ranking and calibration metrics of probabilities p against 0/1 labels y. */
export function headMetrics(p: Float64Array, y: Float64Array): HeadMetrics {
  const n = p.length;
  let pos = 0;
  for (const v of y) pos += v;
  const at5 = atCapacity(p, y, 0.05);
  const at10 = atCapacity(p, y, 0.1);
  const ranked = pos > 0 && pos < n;
  return {
    rows: n,
    prevalence: n ? pos / n : NaN,
    auc: ranked ? rocAuc(p, y) : NaN,
    prAuc: ranked ? averagePrecision(p, y) : NaN,
    brier: brierScore(p, y),
    ece: expectedCalibrationError(p, y),
    precisionAt5: at5.precision,
    recallAt5: at5.recall,
    precisionAt10: at10.precision,
    recallAt10: at10.recall,
    liftAt5: at5.lift,
    liftAt10: at10.lift,
  };
}
