import { FALLOUT_CAUSES, type FalloutCause } from '../../domain/fallout/fallout-cause.js';
import type { ProductOrder } from '../../domain/order/product-order.js';
import { applyPlatt, compileModel, createTreeShap, parseModel, scoreRow, shapRow, type CompiledModel, type TreeShapExplainer } from '../../ml/index.js';
import type { FalloutPrediction, FalloutPredictor, RiskFactor } from '../../ports/fallout-predictor.js';
import type { ModelRegistry, ModelVersion } from '../../ports/model-registry.js';
import { factorText } from './factor-text.js';

/** Turns an order into the model's feature row (the composition root passes the app's extractor). */
export type FeatureExtractor = (order: ProductOrder, out: Float64Array) => Float64Array;

/** What the predictor needs: the registry, the extractor and the feature schema it fills. */
export interface GbdtPredictorOptions {
  readonly registry: ModelRegistry;
  readonly extract: FeatureExtractor;
  readonly featureNames: readonly string[];
  /** Categorical vocabularies by feature name, to print values in explanations. */
  readonly vocabularies?: Readonly<Record<string, readonly string[]>>;
  /** How many factors predict() returns (default 5). */
  readonly topFactors?: number;
}

interface LoadedHead {
  readonly name: string;
  readonly model: CompiledModel;
  readonly platt: { readonly kind: 'platt'; readonly a: number; readonly b: number };
}

interface Loaded {
  readonly version: string;
  readonly heads: readonly LoadedHead[];
  readonly shap: TreeShapExplainer;
}

function load(v: ModelVersion, featureNames: readonly string[]): Loaded {
  const names = v.features.map((f) => f.name);
  if (names.join('|') !== featureNames.join('|')) throw new Error(`model ${v.version}: feature schema differs from this build's features`);
  const heads = v.heads.map((h) => ({ name: h.head, model: compileModel(parseModel(h.modelJson)), platt: { kind: 'platt' as const, ...h.platt } }));
  const any = heads.find((h) => h.name === 'any');
  if (!any) throw new Error(`model ${v.version} has no "any" head`);
  return { version: v.version, heads, shap: createTreeShap(any.model) };
}

/**
 * FalloutPredictor over the GBDT heads of the registry's active model: calibrated risk, risk per
 * cause, and TreeSHAP contributions of the "any" head turned into business words. The active
 * model is read by `reload()` (call it at start-up and after a promotion); before that, or with no
 * active model, predict() returns undefined.
 */
export function gbdtFalloutPredictor(options: GbdtPredictorOptions): FalloutPredictor & { reload(): Promise<ModelVersion | undefined> } {
  let loaded: Loaded | undefined;
  const row = new Float64Array(options.featureNames.length);
  const margin = new Float64Array(1);
  const run = (order: ProductOrder, limit: number): FalloutPrediction | undefined => {
    if (!loaded) return undefined;
    options.extract(order, row);
    return predictWith(loaded, row, margin, limit, options);
  };
  return {
    predict: (order) => run(order, options.topFactors ?? 5),
    explain: (order) => run(order, options.featureNames.length),
    async reload() {
      const active = await options.registry.active();
      loaded = active ? load(active, options.featureNames) : undefined;
      return active;
    },
  };
}

function predictWith(m: Loaded, row: Float64Array, margin: Float64Array, limit: number, o: GbdtPredictorOptions): FalloutPrediction {
  let risk = 0;
  let anyMargin = 0;
  const riskByCause = Object.fromEntries(FALLOUT_CAUSES.map((c) => [c, 0])) as Record<FalloutCause, number>;
  for (const h of m.heads) {
    scoreRow(h.model, row, margin);
    const p = applyPlatt(h.platt, margin[0]!);
    if (h.name === 'any') {
      risk = p;
      anyMargin = margin[0]!;
    } else if (h.name in riskByCause) riskByCause[h.name as FalloutCause] = p;
  }
  const topCause = FALLOUT_CAUSES.reduce((best, c) => (riskByCause[c] > riskByCause[best] ? c : best), FALLOUT_CAUSES[0]);
  const phi = shapRow(m.shap, row);
  const nf = o.featureNames.length;
  const order = Array.from({ length: nf }, (_, f) => f).sort((a, b) => Math.abs(phi[b]!) - Math.abs(phi[a]!));
  const topFactors: RiskFactor[] = order.slice(0, limit).map((f) => {
    const feature = o.featureNames[f]!;
    const value = Number.isNaN(row[f]!) ? null : row[f]!;
    const contribution = phi[f]!;
    return { feature, value, contribution, text: factorText(feature, value, contribution, topCause, o.vocabularies?.[feature]) };
  });
  return { modelVersion: m.version, risk, riskByCause, topCause, topFactors, margin: anyMargin, bias: phi[nf]! };
}
