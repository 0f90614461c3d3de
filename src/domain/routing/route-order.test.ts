import { describe, expect, it } from 'vitest';
import { decideRouting, type OrderPrediction } from './route-order.js';
import { DEFAULT_QUEUE_SETTINGS, routingPolicyFor, type HeadThreshold } from './routing-policy.js';

const CAPACITIES = [0.005, 0.01, 0.02, 0.05, 0.1];
// Thresholds fall as the capacity grows: 0.6 at 0.5% ... 0.2 at 10%, the same for every cause.
const points: HeadThreshold[] = ['any', 'credit', 'address', 'incompat', 'inventory', 'port', 'timeout', 'human'].flatMap((head) =>
  CAPACITIES.map((capacity, i) => ({ head, capacity, threshold: 0.6 - 0.1 * i })),
);
const policy = routingPolicyFor('m-1', points);

function aPrediction(riskByCause: Record<string, number>, modelVersion = 'm-1'): OrderPrediction {
  return {
    modelVersion,
    risk: 0.5,
    riskByCause,
    topCause: 'address',
    topFactors: [
      { feature: 'unitMissing', value: 1, contribution: 1.2, text: 'apartment unit missing 1 raises address risk' },
      { feature: 'addrScore', value: 0.61, contribution: 0.4, text: 'address match score 0.61 raises address risk' },
    ],
  };
}

describe('routing policy from a model', () => {
  it("reads each queue's threshold at the largest recorded capacity the queue can take", () => {
    const address = policy.routes.find((r) => r.cause === 'address')!;
    expect([address.queue, address.capacity, address.threshold]).toEqual(['address-validation', 0.02, 0.6 - 0.1 * 2]);
    expect(policy.routes.find((r) => r.cause === 'timeout')!.threshold).toBeCloseTo(0.6, 9);
  });

  it('leaves out a cause whose queue has no capacity or whose head has no threshold', () => {
    const settings = DEFAULT_QUEUE_SETTINGS.map((s) => (s.cause === 'credit' ? { ...s, capacity: 0 } : s));
    const p = routingPolicyFor('m-1', points.filter((x) => x.head !== 'port'), settings);
    expect(p.routes.map((r) => r.cause).sort()).toEqual(['address', 'human', 'incompat', 'inventory', 'timeout']);
  });
});

describe('routing an order before provisioning', () => {
  it('holds an order whose cause risk reaches the queue threshold, in that cause\'s queue, with the top factors', () => {
    const d = decideRouting(aPrediction({ address: 0.45, port: 0.1 }), policy);
    expect(d).toMatchObject({ kind: 'specialistReview', queue: 'address-validation', cause: 'address', causeRisk: 0.45, modelVersion: 'm-1' });
    if (d.kind !== 'specialistReview') throw new Error('not routed');
    expect(d.threshold).toBeCloseTo(0.4, 9);
    expect(d.benefit).toBeCloseTo(0.45 * 3 * 0.8 - 0.25, 9);
    expect(d.factors.map((f) => f.text)).toEqual(['apartment unit missing 1 raises address risk', 'address match score 0.61 raises address risk']);
  });

  it('lets an order below every threshold go straight through', () => {
    expect(decideRouting(aPrediction({ address: 0.39, port: 0.39, credit: 0.49 }), policy).kind).toBe('straightThrough');
  });

  it('picks the cause with the largest expected benefit when several qualify', () => {
    // port: 0.45·5·0.7 − 0.25 = 1.325 beats address: 0.5·3·0.8 − 0.25 = 0.95
    const d = decideRouting(aPrediction({ address: 0.5, port: 0.45 }), policy);
    expect(d).toMatchObject({ kind: 'specialistReview', cause: 'port', queue: 'porting' });
  });

  it('does not route when the review costs more than it is expected to save', () => {
    const costly = routingPolicyFor('m-1', points, DEFAULT_QUEUE_SETTINGS.map((s) => ({ ...s, reviewCost: 10 })));
    expect(decideRouting(aPrediction({ address: 0.9 }), costly).kind).toBe('straightThrough');
  });

  it('never routes on a prediction of another model, or without a prediction or policy', () => {
    expect(decideRouting(aPrediction({ address: 0.9 }, 'm-0'), policy)).toMatchObject({ kind: 'straightThrough', reason: expect.stringMatching(/m-1/) });
    expect(decideRouting(undefined, policy).kind).toBe('straightThrough');
    expect(decideRouting(aPrediction({ address: 0.9 }), undefined).kind).toBe('straightThrough');
  });
});
