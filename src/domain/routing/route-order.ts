import type { FalloutCause } from '../fallout/fallout-cause.js';
import type { ProductOrder } from '../order/product-order.js';
import type { CauseRoute, RoutingPolicy } from './routing-policy.js';
import type { SpecialistQueue } from './specialist-queue.js';

/** The fallout prediction stored on an order at entry. */
export type OrderPrediction = NonNullable<ProductOrder['falloutPrediction']>;

/** Most explanation factors a review carries. */
export const REVIEW_FACTORS = 5;

/** Why and where an order is held for review: what the specialist sees on the queue entry. */
export interface SpecialistReview {
  readonly queue: SpecialistQueue;
  readonly cause: FalloutCause;
  /** Calibrated probability of the cause, and the queue's threshold it reached. */
  readonly causeRisk: number;
  readonly threshold: number;
  /** Calibrated probability of any fallout. */
  readonly risk: number;
  /** Expected benefit of the review (causeRisk · falloutCost · fixRate − reviewCost). */
  readonly benefit: number;
  readonly modelVersion: string;
  /** The largest explanation factors, in business words with their log-odds contribution. */
  readonly factors: readonly { readonly text: string; readonly contribution: number }[];
}

/** What routing decided for one order. */
export type RoutingDecision =
  | { readonly kind: 'straightThrough'; readonly reason: string }
  | ({ readonly kind: 'specialistReview' } & SpecialistReview);

function straight(reason: string): RoutingDecision {
  return { kind: 'straightThrough', reason };
}

function benefitOf(route: CauseRoute, causeRisk: number): number {
  return causeRisk * route.falloutCost * route.fixRate - route.reviewCost;
}

/**
 * Routes an order before provisioning (fallout-and-ai.md §3.8, capacity mode per order): among the
 * causes whose predicted probability reaches the queue's threshold and whose review is worth its
 * cost, the one with the largest expected benefit wins; otherwise the order goes straight through.
 * A prediction of another model than the policy's is never routed (thresholds belong to a model).
 */
export function decideRouting(prediction: OrderPrediction | undefined, policy: RoutingPolicy | undefined): RoutingDecision {
  if (prediction === undefined) return straight('no fallout prediction');
  if (policy === undefined) return straight('no routing policy');
  if (prediction.modelVersion !== policy.modelVersion) return straight(`routing policy is for model ${policy.modelVersion}, prediction from ${prediction.modelVersion}`);
  let best: { route: CauseRoute; causeRisk: number; benefit: number } | undefined;
  for (const route of policy.routes) {
    const causeRisk = prediction.riskByCause[route.cause] ?? 0;
    if (causeRisk < route.threshold) continue;
    const benefit = benefitOf(route, causeRisk);
    if (benefit > 0 && (best === undefined || benefit > best.benefit)) best = { route, causeRisk, benefit };
  }
  if (best === undefined) return straight('no cause reaches its queue threshold with a positive benefit');
  return {
    kind: 'specialistReview',
    queue: best.route.queue,
    cause: best.route.cause,
    causeRisk: best.causeRisk,
    threshold: best.route.threshold,
    risk: prediction.risk,
    benefit: best.benefit,
    modelVersion: prediction.modelVersion,
    factors: prediction.topFactors.slice(0, REVIEW_FACTORS).map((f) => ({ text: f.text, contribution: f.contribution })),
  };
}
