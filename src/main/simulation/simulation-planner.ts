import type { Catalog } from '../../domain/catalog/index.js';
import type { DecompositionRules } from '../../domain/decomposition/decomposition-rules.js';
import { planOrder } from '../../domain/decomposition/plan-order.js';
import { sequentialPlan } from '../../domain/decomposition/sequential-plan.js';
import type { ProductOrder } from '../../domain/order/product-order.js';
import { initialPlanState } from '../../domain/plan/plan-state.js';
import type { NewPlan } from '../../ports/task-store.js';
import type { SimulationPlanMode } from './simulation-result.js';

/** The submit planner of a plan mode: the catalog's plan, chained one task after another in `sequential` mode. */
export function simulationPlanner(catalog: Catalog, rules: DecompositionRules, mode: SimulationPlanMode): (order: ProductOrder, now: number) => NewPlan {
  return (order, now) => {
    const parallel = planOrder(order, catalog, rules);
    const plan = mode === 'sequential' ? sequentialPlan(parallel) : parallel;
    return { plan, state: initialPlanState(plan, now) };
  };
}
