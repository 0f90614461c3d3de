import type { Catalog } from '../catalog/catalog.js';
import type { ProductOrder } from '../order/product-order.js';
import type { Plan } from '../plan/plan.js';
import { initialPlanState, type PlanState } from '../plan/plan-state.js';
import type { DecompositionRules } from './decomposition-rules.js';
import { planOrder } from './plan-order.js';

/**
 * The plan of a newly submitted order and its starting state, ready to go into the submit change
 * set as `newPlans: [result]` so that order, plan, tasks and events commit together. The order
 * starts in `state.orderState` (`pending` when information is missing, else `acknowledged`).
 */
export function planForSubmit(order: ProductOrder, catalog: Catalog, rules: DecompositionRules, now: number): { readonly plan: Plan; readonly state: PlanState } {
  const plan = planOrder(order, catalog, rules);
  return { plan, state: initialPlanState(plan, now) };
}
