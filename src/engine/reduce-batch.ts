import type { ItemState, OrderState } from '../domain/order/order-state.js';
import type { PlanEvent } from '../domain/plan/plan-event.js';
import type { PlanState } from '../domain/plan/plan-state.js';
import { reducePlanEvents, type ReduceContext } from '../domain/plan/reduce-plan.js';
import type { Decision, FalloutCaseToOpen, InformationRequest } from '../domain/plan/reduction.js';
import type { PlanChange } from '../ports/task-store.js';

/** Several plan events of one order reduced together, as one write. */
export interface FoldedOrder {
  readonly change: PlanChange;
  readonly itemStates: ReadonlyMap<string, ItemState>;
  readonly orderPath: readonly OrderState[];
  readonly fallout: readonly FalloutCaseToOpen[];
  readonly informationRequired: readonly InformationRequest[];
  readonly decisions: readonly Decision[];
}

/** Feeds the events to the reducer and shapes the result as a plan change plus the order-visible delta. */
export function foldEvents(state: PlanState, version: number, events: readonly PlanEvent[], ctx: ReduceContext): FoldedOrder {
  const r = reducePlanEvents(state, events, ctx);
  return {
    change: { orderId: state.orderId, expectedVersion: version, state: r.state, tasks: r.changed, added: r.added, outputs: r.outputs, itemsChanged: r.state.revision !== state.revision },
    itemStates: new Map(r.items.map((i) => [i.itemId, i.path.at(-1) as ItemState])),
    orderPath: r.orderPath,
    fallout: r.fallout,
    informationRequired: r.informationRequired,
    decisions: r.decision === undefined ? [] : [r.decision],
  };
}
