import type { ItemState, OrderState } from '../domain/order/order-state.js';
import type { PlanEvent } from '../domain/plan/plan-event.js';
import type { PlanTask } from '../domain/plan/plan.js';
import type { PlanState, TaskRecord } from '../domain/plan/plan-state.js';
import { reducePlan, type ReduceContext } from '../domain/plan/reduce-plan.js';
import type { Decision, FalloutCaseToOpen, InformationRequest } from '../domain/plan/reduction.js';
import type { PlanChange } from '../ports/task-store.js';

/** Several plan events of one order folded through the reducer, merged into one write. */
export interface FoldedOrder {
  readonly change: PlanChange;
  readonly itemStates: ReadonlyMap<string, ItemState>;
  readonly orderPath: readonly OrderState[];
  readonly fallout: readonly FalloutCaseToOpen[];
  readonly informationRequired: readonly InformationRequest[];
  readonly decisions: readonly Decision[];
}

/** Feeds the events to the reducer in order and merges the commands (last task record wins). */
export function foldEvents(state: PlanState, version: number, events: readonly PlanEvent[], ctx: ReduceContext): FoldedOrder {
  const tasks = new Map<string, TaskRecord>();
  const added: PlanTask[] = [];
  const outputs: PlanChange['outputs'][number][] = [];
  const itemStates = new Map<string, ItemState>();
  const orderPath: OrderState[] = [];
  const fallout: FalloutCaseToOpen[] = [];
  const info: InformationRequest[] = [];
  const decisions: Decision[] = [];
  let s = state;
  for (const e of events) {
    const r = reducePlan(s, e, ctx);
    s = r.state;
    for (const t of r.changed) tasks.set(t.id, t);
    added.push(...r.added);
    outputs.push(...r.outputs);
    for (const i of r.items) itemStates.set(i.itemId, i.path.at(-1) as ItemState);
    orderPath.push(...r.orderPath);
    fallout.push(...r.fallout);
    info.push(...r.informationRequired);
    if (r.decision !== undefined) decisions.push(r.decision);
  }
  return {
    change: { orderId: state.orderId, expectedVersion: version, state: s, tasks: [...tasks.values()], added, outputs },
    itemStates,
    orderPath,
    fallout,
    informationRequired: info,
    decisions,
  };
}
