import { beforeAll, describe, expect, it } from 'vitest';
import { extractFalloutFeatures } from '../../src/app/features/extract-features.js';
import { FALLOUT_FEATURES, FEATURE_INDEX, ORDER_KINDS, PRODUCT_FAMILIES } from '../../src/app/features/fallout-features.js';
import type { HistoryRecord } from '../../src/app/features/history-record.js';
import { decidePromotion } from '../../src/app/features/promotion-rule.js';
import { timeSplit, trainFalloutModel } from '../../src/app/features/train-fallout-model.js';
import { gbdtFalloutPredictor } from '../../src/adapters/ml/gbdt-fallout-predictor.js';
import { openSqliteDatabase } from '../../src/adapters/sqlite/sqlite-database.js';
import { sqliteModelRegistry } from '../../src/adapters/sqlite/sqlite-model-registry.js';
import type { ModelVersion } from '../../src/ports/model-registry.js';
import { fakeFalloutHistory } from '../fixtures/fallout-history.js';

const FAST = { numRounds: 60, learningRate: 0.1, earlyStoppingRounds: 15 };
let history: HistoryRecord[];
let model: ModelVersion;

beforeAll(() => {
  history = fakeFalloutHistory(1500, 11);
  model = trainFalloutModel(history, { version: 'v1', trainedAt: '2025-07-01T00:00:00.000Z', params: FAST });
}, 60_000);

describe('fallout features', () => {
  it('come from the order alone: changing or removing the hidden truth changes nothing', () => {
    for (const r of history.slice(0, 50)) {
      const a = extractFalloutFeatures(r.order);
      const lying = { ...r.order, extra: { ...r.order.extra } };
      const b = extractFalloutFeatures(lying);
      expect(Array.from(b)).toEqual(Array.from(a));
    }
    const port = history.find((r) => r.order.description?.includes('port-in'));
    expect(port).toBeDefined();
    const x = extractFalloutFeatures(port!.order);
    expect(ORDER_KINDS[x[FEATURE_INDEX.get('orderKind')!]!]).toBe('port-in');
    expect(PRODUCT_FAMILIES[x[FEATURE_INDEX.get('family')!]!]).not.toBe('other');
    expect(x.length).toBe(FALLOUT_FEATURES.length);
  });
});

describe('fallout model end to end', () => {
  it('trains on the older orders and measures on the newest slice with every head', () => {
    const s = timeSplit(history.length);
    expect(model.rowCounts.test).toBe(s.test[1] - s.test[0]);
    expect(model.trainingWindow.to < model.testWindow.from || model.trainingWindow.to === model.testWindow.from).toBe(true);
    expect(Object.keys(model.metrics)).toEqual(['any', 'credit', 'address', 'incompat', 'inventory', 'port', 'timeout', 'human']);
    expect(model.metrics.any!.auc).toBeGreaterThan(0.55);
  });

  it('registry keeps the version; the predictor scores an order with explanations that add up to the margin', () => {
    const registry = sqliteModelRegistry(openSqliteDatabase({ path: ':memory:' }));
    registry.save(model);
    registry.promote('v1');
    expect(registry.active()?.metrics.any?.auc).toBe(model.metrics.any!.auc);
    const predictor = gbdtFalloutPredictor({ registry, extract: extractFalloutFeatures, featureNames: FALLOUT_FEATURES.map((f) => f.name) });
    const order = history.find((r) => r.order.description?.includes('port-in'))!.order;
    const p = predictor.explain(order)!;
    expect(p.modelVersion).toBe('v1');
    expect(p.risk).toBeGreaterThan(0);
    expect(p.risk).toBeLessThan(1);
    const sum = p.topFactors.reduce((acc, f) => acc + f.contribution, p.bias);
    expect(sum).toBeCloseTo(p.margin, 9);
    expect(predictor.predict(order)!.topFactors).toHaveLength(5);
    expect(p.topFactors[0]!.text).toMatch(/raises|lowers/);
  });

  it('refuses to promote a model that is worse at the operating point', () => {
    const shuffled = history.map((r, i) => ({ ...r, fallout: history[(i * 7919) % history.length]!.fallout, truth: {} }));
    const worse = trainFalloutModel(shuffled, { version: 'v0', trainedAt: '2025-07-02T00:00:00.000Z', params: FAST });
    const sorted = [...history].sort((a, b) => a.order.createdAt.localeCompare(b.order.createdAt));
    const recent = sorted.slice(timeSplit(sorted.length).test[0]);
    const decision = decidePromotion(worse, model, recent);
    expect(decision.promote).toBe(false);
    expect(decidePromotion(model, worse, recent).promote).toBe(true);
  });
});
