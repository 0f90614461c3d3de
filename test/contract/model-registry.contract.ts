import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { gbdtFalloutPredictor } from '../../src/adapters/ml/gbdt-fallout-predictor.js';
import { extractFalloutFeatures } from '../../src/app/features/extract-features.js';
import { FALLOUT_FEATURES } from '../../src/app/features/fallout-features.js';
import type { HistoryRecord } from '../../src/app/features/history-record.js';
import { trainFalloutModel } from '../../src/app/features/train-fallout-model.js';
import type { ModelRegistry, ModelVersion } from '../../src/ports/model-registry.js';
import { fakeFalloutHistory } from '../fixtures/fallout-history.js';

/** A model registry under test and its disposal. */
export interface ModelRegistryHandle {
  readonly registry: ModelRegistry;
  close(): Promise<void>;
}

const TINY = { numRounds: 8, learningRate: 0.3, earlyStoppingRounds: 4, maxDepth: 3 };
// Versions are stored as JSON: a metric that could not be computed (NaN) comes back as null.
const asJson = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

/** The ModelRegistry contract every store passes: versions round-trip exactly, one is active, and the predictor serves it. */
export function describeModelRegistryContract(name: string, open: () => Promise<ModelRegistryHandle>): void {
  describe(`ModelRegistry contract: ${name}`, () => {
    let history: HistoryRecord[];
    let v1: ModelVersion;
    let v2: ModelVersion;
    let h: ModelRegistryHandle;
    beforeAll(() => {
      history = fakeFalloutHistory(400, 5);
      v1 = trainFalloutModel(history, { version: 'fallout-v1', trainedAt: '2026-01-01T00:00:00.000Z', params: TINY });
      v2 = trainFalloutModel(history, { version: 'fallout-v2', trainedAt: '2026-02-01T00:00:00.000Z', params: { ...TINY, seed: 9 } });
    }, 60_000);
    beforeEach(async () => {
      h = await open();
    });
    afterEach(async () => {
      await h.close();
    });

    it('knows nothing before the first save', async () => {
      expect(await h.registry.active()).toBeUndefined();
      expect(await h.registry.list()).toEqual([]);
      expect(await h.registry.get('fallout-v1')).toBeUndefined();
    });

    it('returns a saved version as it was saved (as JSON): heads, metrics, windows and operating points', async () => {
      await h.registry.save(v1);
      expect(await h.registry.get('fallout-v1')).toEqual(asJson(v1));
      expect(await h.registry.active()).toBeUndefined();
    });

    it('keeps one active version: promoting another retires the previous one; the list is newest first without heads', async () => {
      await h.registry.save(v1);
      await h.registry.save(v2);
      await h.registry.promote('fallout-v1');
      expect((await h.registry.active())?.version).toBe('fallout-v1');
      await h.registry.promote('fallout-v2');
      expect((await h.registry.active())?.version).toBe('fallout-v2');
      const list = await h.registry.list();
      expect(list.map((v) => [v.version, v.status])).toEqual([['fallout-v2', 'active'], ['fallout-v1', 'retired']]);
      expect(list.every((v) => !('heads' in v))).toBe(true);
      expect(list[0]!.metrics).toEqual(asJson(v2.metrics));
    });

    it('refuses to promote an unknown version and leaves the active one in place', async () => {
      await h.registry.save(v1);
      await h.registry.promote('fallout-v1');
      await expect(h.registry.promote('fallout-v9')).rejects.toThrow(/fallout-v9/);
      expect((await h.registry.active())?.version).toBe('fallout-v1');
    });

    it('refuses a second version under the same name', async () => {
      await h.registry.save(v1);
      await expect(h.registry.save(v1)).rejects.toThrow();
    });

    it('serves the predictor: the active model read back scores an order as the model trained in memory does', async () => {
      await h.registry.save(v1);
      await h.registry.promote('fallout-v1');
      const options = { extract: extractFalloutFeatures, featureNames: FALLOUT_FEATURES.map((f) => f.name) };
      const stored = gbdtFalloutPredictor({ registry: h.registry, ...options });
      await stored.reload();
      const inMemory = gbdtFalloutPredictor({ registry: { active: async () => v1 } as unknown as ModelRegistry, ...options });
      await inMemory.reload();
      const order = history[3]!.order;
      const p = stored.predict(order);
      expect(p?.modelVersion).toBe('fallout-v1');
      expect(p).toEqual(inMemory.predict(order));
    });
  });
}
