import { beforeAll, describe, expect, it } from 'vitest';
import { extractFalloutFeatures } from '../../src/app/features/extract-features.js';
import { FALLOUT_FEATURES, FEATURE_INDEX, ORDER_KINDS, PRODUCT_FAMILIES } from '../../src/app/features/fallout-features.js';
import type { HistoryRecord } from '../../src/app/features/history-record.js';
import { evaluateOnLaterSlice } from '../../src/app/features/evaluate-fallout-model.js';
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

  it('registry keeps the version; the predictor scores an order with explanations that add up to the margin', async () => {
    const registry = sqliteModelRegistry(openSqliteDatabase({ path: ':memory:' }));
    await registry.save(model);
    await registry.promote('v1');
    expect((await registry.active())?.metrics.any?.auc).toBe(model.metrics.any!.auc);
    const predictor = gbdtFalloutPredictor({ registry, extract: extractFalloutFeatures, featureNames: FALLOUT_FEATURES.map((f) => f.name) });
    expect(predictor.predict(history[0]!.order)).toBeUndefined();
    await predictor.reload();
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

describe('fallout model on a later slice', () => {
  it('reports ranking, calibration, the operating point and drift by cause and segment on orders it never saw', () => {
    const later = fakeFalloutHistory(1200, 12, 60).map((r) => ({ ...r, order: { ...r.order, createdAt: new Date(Date.parse(r.order.createdAt) + 200 * 86_400_000).toISOString() } }));
    const rejected = { ...later[0]!, finalState: 'rejected', order: { ...later[0]!.order, state: 'rejected' as const } };
    const e = evaluateOnLaterSlice(model, history, [rejected, ...later.slice(1)]);
    expect(e.slice.rows).toBe(later.length - 1);
    expect(e.slice.from > model.testWindow.to).toBe(true);
    expect(Object.keys(e.heads)).toEqual(['any', 'credit', 'address', 'incompat', 'inventory', 'port', 'timeout', 'human']);
    expect(e.heads.any!.auc).toBeGreaterThan(0.55);
    expect(e.heads.any!.liftAt5).toBeCloseTo(e.heads.any!.precisionAt5 / e.heads.any!.prevalence, 9);
    expect(e.operatingPoint.flaggedShare).toBeGreaterThan(0);
    expect(e.byCause.map((c) => c.cause)).toContain('port');
    expect(e.scorePsi).toBeGreaterThanOrEqual(0);
    const family = e.bySegment.filter((s) => s.segment === 'family');
    expect(family.length).toBeGreaterThan(0);
    expect(family.every((s) => s.rows >= 200 && s.value !== '')).toBe(true);
    expect(e.routing.byQueue.map((q) => q.queue)).toContain('porting');
    expect(e.routing.routedShare).toBeCloseTo(e.routing.byQueue.reduce((sum, q) => sum + q.routedShare, 0), 9);
    expect(e.routing.routedShare).toBeLessThan(0.2);
  });

  it('records a threshold per head at each standard review capacity, tighter at smaller capacity', () => {
    const port = (model.operatingPoints ?? []).filter((p) => p.head === 'port');
    expect(port.map((p) => p.capacity)).toEqual([0.005, 0.01, 0.02, 0.05, 0.1]);
    expect(port[0]!.threshold).toBeGreaterThanOrEqual(port[4]!.threshold);
  });
});
