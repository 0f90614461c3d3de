import type { ProductOrder } from '../domain/order/product-order.js';
import { holdForReview } from '../domain/routing/review-hold.js';
import { decideRouting } from '../domain/routing/route-order.js';
import { DEFAULT_QUEUE_SETTINGS, routingPolicyFor, type QueueSetting, type RoutingPolicy } from '../domain/routing/routing-policy.js';
import type { ModelVersion } from '../ports/model-registry.js';
import type { NewPlan } from '../ports/task-store.js';

/** The routing policy for a registered model: the queue settings with that model's per-cause thresholds. */
export function routingPolicyOfModel(model: Pick<ModelVersion, 'version' | 'operatingPoints'>, settings: readonly QueueSetting[] = DEFAULT_QUEUE_SETTINGS): RoutingPolicy {
  return routingPolicyFor(model.version, model.operatingPoints ?? [], settings);
}

/**
 * The routing step of submit: decides from the order's fallout prediction whether it goes straight
 * through or is held for a specialist queue, and holds its plan accordingly. `policy` is read on
 * every order, so a reloaded model brings its thresholds with it.
 */
export function specialistRouting(policy: () => RoutingPolicy | undefined): (order: ProductOrder, planned: NewPlan) => NewPlan {
  return (order, planned) => {
    const decision = decideRouting(order.falloutPrediction, policy());
    return decision.kind === 'specialistReview' ? holdForReview(planned, decision, Date.parse(order.createdAt)) : planned;
  };
}
