import { FALLOUT_CAUSES } from '../../domain/fallout/fallout-cause.js';
import { decideRouting, type OrderPrediction } from '../../domain/routing/route-order.js';
import type { RoutingPolicy } from '../../domain/routing/routing-policy.js';
import type { SpecialistQueue } from '../../domain/routing/specialist-queue.js';
import type { TrainingTable } from './training-table.js';

/** What routing did to one queue's share of a slice. */
export interface QueueLoad {
  readonly queue: SpecialistQueue;
  readonly cause: string;
  readonly threshold: number;
  /** Share of the slice's orders held for this queue (compare with the queue's capacity). */
  readonly routedShare: number;
  readonly capacity: number;
  /** Of the orders held here, the share whose first fallout cause was the queue's cause (the ones a review can fix). */
  readonly causeRate: number;
  /** Of the orders held here, the share that fell out at all. */
  readonly falloutRate: number;
}

/** The routing policy replayed on a slice: how many orders each queue would have held, and how many rightly. */
export interface RoutingReplay {
  readonly routedShare: number;
  readonly byQueue: readonly QueueLoad[];
}

/**
 * Replays the routing decision on every order of a slice from its head scores (calibrated
 * probabilities per head, by head name), as submit would have taken it with this policy.
 */
export function replayRouting(policy: RoutingPolicy, t: TrainingTable, scores: ReadonlyMap<string, Float64Array>): RoutingReplay {
  const n = t.createdAt.length;
  const any = scores.get('any') ?? new Float64Array(n);
  const counts = new Map(policy.routes.map((r) => [r.queue, { routed: 0, cause: 0, fallout: 0 }]));
  let routed = 0;
  for (let i = 0; i < n; i++) {
    const riskByCause = Object.fromEntries(FALLOUT_CAUSES.map((c) => [c, scores.get(c)?.[i] ?? 0]));
    const prediction: OrderPrediction = { modelVersion: policy.modelVersion, risk: any[i]!, riskByCause, topCause: 'human', topFactors: [] };
    const d = decideRouting(prediction, policy);
    if (d.kind !== 'specialistReview') continue;
    routed++;
    const c = counts.get(d.queue)!;
    c.routed++;
    c.cause += t.causeLabels[d.cause][i]!;
    c.fallout += t.anyLabels[i]!;
  }
  const byQueue = policy.routes.map((r): QueueLoad => {
    const c = counts.get(r.queue)!;
    return { queue: r.queue, cause: r.cause, threshold: r.threshold, capacity: r.capacity, routedShare: c.routed / Math.max(1, n), causeRate: c.routed ? c.cause / c.routed : NaN, falloutRate: c.routed ? c.fallout / c.routed : NaN };
  });
  return { routedShare: routed / Math.max(1, n), byQueue };
}
