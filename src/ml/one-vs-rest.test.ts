import { describe, expect, it } from 'vitest';
import { compileModel } from './compiled-model.js';
import { createDataset } from './dataset.js';
import { trainOneVsRest } from './one-vs-rest.js';
import { createPrng } from './prng.js';
import { rocAuc } from './ranking-metrics.js';
import { predictProbability } from './scorer.js';

describe('one-vs-rest models', () => {
  it('trains one binary model per cause that ranks its own cause best', () => {
    const r = createPrng(4);
    const n = 3000;
    const cols = [0, 1].map(() => Float64Array.from({ length: n }, () => r.next()));
    // cause 1 follows x0, cause 2 follows x1, 0 = no fallout
    const y = Float64Array.from({ length: n }, (_, i) => (cols[0]![i]! > 0.8 ? 1 : cols[1]![i]! > 0.8 ? 2 : 0));
    const ds = createDataset([{ name: 'x0', kind: 'numeric' }, { name: 'x1', kind: 'numeric' }], cols, y);
    const ovr = trainOneVsRest(ds, [1, 2], { numRounds: 10, maxDepth: 2, learningRate: 0.3, earlyStoppingRounds: 0 });
    expect(ovr.models).toHaveLength(2);
    ovr.classes.forEach((cls, k) => {
      const p = predictProbability(compileModel(ovr.models[k]!), ds);
      expect(rocAuc(p, y.map((v) => (v === cls ? 1 : 0)))).toBeGreaterThan(0.95);
      expect(rocAuc(p, y.map((v) => (v === 3 - cls ? 1 : 0)))).toBeLessThan(0.6);
    });
  });
});
