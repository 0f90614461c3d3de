import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { defaultCatalogFolder } from '../adapters/catalog/file-catalog.js';
import type { PlanCancelDecision } from '../app/cancel-order.js';
import type { Catalog } from '../domain/catalog/index.js';
import { loadDecompositionRules, type DecompositionRules } from '../domain/decomposition/decomposition-rules.js';
import { planForSubmit } from '../domain/decomposition/plan-for-submit.js';
import type { ProductOrder } from '../domain/order/product-order.js';
import { TASK_TYPES } from '../domain/plan/task-type.js';
import { createEngine, type Engine, type EngineOptions } from '../engine/engine.js';
import type { TaskHandlers } from '../engine/task-handler.js';
import type { Clock } from '../ports/clock.js';
import type { Ids } from '../ports/ids.js';
import type { NewPlan } from '../ports/task-store.js';
import type { Stores } from './open-stores.js';

/** The decomposition rules shipped beside the catalog; start-up stops with every defect listed. */
export function loadShippedDecompositionRules(folder = defaultCatalogFolder()): DecompositionRules {
  const path = join(folder, 'decomposition.json');
  return loadDecompositionRules(JSON.parse(readFileSync(path, 'utf8')) as unknown, TASK_TYPES);
}

/** Provisioning wired for one process: how submitted orders are planned, the engine, and plan cancellation. */
export interface Provisioning {
  readonly planner: (order: ProductOrder, now: number) => NewPlan;
  readonly engine: Engine;
  readonly cancelPlan: (orderId: string) => Promise<PlanCancelDecision>;
}

/** What provisioning is built from. */
export interface ProvisioningDeps {
  readonly stores: Stores;
  readonly catalog: Catalog;
  readonly rules: DecompositionRules;
  readonly handlers: TaskHandlers;
  readonly clock: Clock;
  readonly ids: Ids;
  readonly log: Logger;
  readonly engineOptions?: Partial<EngineOptions>;
}

/** Builds the planner and the engine over the stores; nothing runs until `engine.start()`. */
export function buildProvisioning(deps: ProvisioningDeps): Provisioning {
  const engine = createEngine({
    taskStore: deps.stores.tasks,
    orders: deps.stores.orders,
    handlers: deps.handlers,
    clock: deps.clock,
    ids: deps.ids,
    onFallout: (cases) => {
      for (const c of cases) deps.log.warn({ fallout: c }, 'fallout case opened');
    },
    ...deps.engineOptions,
  });
  return {
    planner: (order, now) => planForSubmit(order, deps.catalog, deps.rules, now),
    engine,
    cancelPlan: async (orderId) => {
      const decision = await engine.apply(orderId, { kind: 'cancel' });
      if (decision === undefined) return undefined;
      return decision.kind === 'accepted' ? { kind: 'accepted' } : { kind: 'denied', text: `${decision.code}: ${decision.text}` };
    },
  };
}
