import { FALLOUT_CAUSES, type FalloutCause } from '../fallout/fallout-cause.js';
import { QUEUE_OF_CAUSE, type SpecialistQueue } from './specialist-queue.js';

/**
 * How orders at risk of one cause are routed, before any model is known: the queue, the share of
 * orders it can review, and the economics of §3.8 (benefit = p · falloutCost · fixRate − reviewCost).
 */
export interface QueueSetting {
  readonly cause: FalloutCause;
  readonly queue: SpecialistQueue;
  /** Share of all orders the queue can review, e.g. 0.02; 0 turns routing for the cause off. */
  readonly capacity: number;
  /** Cost of a fallout of this cause, in days of delay (fix delays of §2.8). */
  readonly falloutCost: number;
  /** Chance that a review prevents the cause when it is really there (§2.8). */
  readonly fixRate: number;
  /** Cost of one review in the same unit (the customer's wait in the queue). */
  readonly reviewCost: number;
}

/**
 * The reference routing policy. Fix rates and fix delays are the intervention model's (§2.8);
 * capacities are a starting point for a desk of a few people per 10,000 orders a day. Timeouts of
 * the legacy stack and handling errors are barely preventable before provisioning, so their queues
 * get little capacity.
 */
export const DEFAULT_QUEUE_SETTINGS: readonly QueueSetting[] = [
  { cause: 'address', queue: QUEUE_OF_CAUSE.address, capacity: 0.02, falloutCost: 3, fixRate: 0.8, reviewCost: 0.25 },
  { cause: 'port', queue: QUEUE_OF_CAUSE.port, capacity: 0.02, falloutCost: 5, fixRate: 0.7, reviewCost: 0.25 },
  { cause: 'credit', queue: QUEUE_OF_CAUSE.credit, capacity: 0.01, falloutCost: 2, fixRate: 0.6, reviewCost: 0.25 },
  { cause: 'inventory', queue: QUEUE_OF_CAUSE.inventory, capacity: 0.01, falloutCost: 6, fixRate: 0.5, reviewCost: 0.25 },
  { cause: 'incompat', queue: QUEUE_OF_CAUSE.incompat, capacity: 0.01, falloutCost: 2, fixRate: 0.6, reviewCost: 0.25 },
  { cause: 'timeout', queue: QUEUE_OF_CAUSE.timeout, capacity: 0.005, falloutCost: 1, fixRate: 0.3, reviewCost: 0.25 },
  { cause: 'human', queue: QUEUE_OF_CAUSE.human, capacity: 0.005, falloutCost: 2, fixRate: 0.2, reviewCost: 0.25 },
];

/** One cause's route once a model's threshold is known. */
export interface CauseRoute extends QueueSetting {
  /** Calibrated probability of the cause at or above which an order is a candidate for the queue. */
  readonly threshold: number;
}

/** Routing rules for the predictions of one model version (thresholds belong to a model). */
export interface RoutingPolicy {
  readonly modelVersion: string;
  readonly routes: readonly CauseRoute[];
}

/** A head's threshold at a review capacity, as the model registry records it. */
export interface HeadThreshold {
  readonly head: string;
  readonly capacity: number;
  readonly threshold: number;
}

/**
 * The policy for a model: each queue's threshold is its cause head's threshold at the largest
 * recorded capacity not above the queue's capacity (the queue is never promised more than it can
 * take). A cause without such a threshold, or with capacity 0, is not routed.
 */
export function routingPolicyFor(modelVersion: string, points: readonly HeadThreshold[], settings: readonly QueueSetting[] = DEFAULT_QUEUE_SETTINGS): RoutingPolicy {
  const routes: CauseRoute[] = [];
  for (const s of settings) {
    if (s.capacity <= 0 || !FALLOUT_CAUSES.includes(s.cause)) continue;
    const fitting = points.filter((p) => p.head === s.cause && p.capacity <= s.capacity + 1e-12);
    const best = fitting.reduce<HeadThreshold | undefined>((b, p) => (b === undefined || p.capacity > b.capacity ? p : b), undefined);
    if (best !== undefined) routes.push({ ...s, threshold: best.threshold });
  }
  return { modelVersion, routes };
}
