import type { OrderState } from '../domain/order/order-state.js';
import type { PlanEvent } from '../domain/plan/plan-event.js';
import type { ReduceContext } from '../domain/plan/reduce-plan.js';
import type { Decision, FalloutCaseToOpen } from '../domain/plan/reduction.js';
import { ConcurrencyConflict, type ChangeSet } from '../ports/change-set.js';
import type { Ids } from '../ports/ids.js';
import type { OrderStore } from '../ports/order-store.js';
import type { TaskStore } from '../ports/task-store.js';
import { applyOrderDelta } from './order-update.js';
import { foldEvents, type FoldedOrder } from './reduce-batch.js';

/** What recording plan events needs. */
export interface RecordDeps {
  readonly taskStore: TaskStore;
  readonly orders: Pick<OrderStore, 'getOrder' | 'commit'>;
  readonly ids: Ids;
  readonly reduce: Omit<ReduceContext, 'now'>;
}

/** Plan events of one order; outcome events carry the claim they answer (older claims are dropped). */
export interface OrderEvents {
  readonly events: readonly PlanEvent[];
  readonly claims?: ReadonlyMap<string, number>;
}

/** An order's lifecycle steps recorded in one commit. */
export interface OrderTransition {
  readonly orderId: string;
  readonly path: readonly OrderState[];
}

/** What was recorded per order. */
export interface Recorded {
  readonly fallout: readonly FalloutCaseToOpen[];
  readonly orderMoves: readonly OrderTransition[];
  readonly decisions: ReadonlyMap<string, readonly Decision[]>;
}

const MAX_CONFLICT_RETRIES = 5;

/**
 * Loads the plans, folds the events through the reducer and commits, per order, the task changes,
 * the order's derived states and its outbox events in one change set. All change sets are handed to
 * the store in the same tick so a group commit writes them in one transaction. Orders that met a
 * concurrent change are re-read and reduced again.
 */
export async function recordPlanEvents(deps: RecordDeps, batch: ReadonlyMap<string, OrderEvents>, now: number): Promise<Recorded> {
  const fallout: FalloutCaseToOpen[] = [];
  const orderMoves: OrderTransition[] = [];
  const decisions = new Map<string, readonly Decision[]>();
  let todo = [...batch.keys()];
  for (let round = 0; todo.length > 0; round++) {
    const plans = await deps.taskStore.loadPlans(todo);
    const prepared: { orderId: string; folded: FoldedOrder; changes: ChangeSet }[] = [];
    for (const orderId of todo) {
      const stored = plans.get(orderId);
      const input = batch.get(orderId);
      if (stored === undefined || input === undefined) continue;
      const events = input.events.filter(
        (e) => e.kind !== 'outcome' || input.claims === undefined || input.claims.get(e.taskId) === stored.claims.get(e.taskId),
      );
      if (events.length === 0) continue;
      const folded = foldEvents(stored.state, stored.version, events, { ...deps.reduce, now });
      prepared.push({ orderId, folded, changes: await changeSetOf(deps, folded, now) });
    }
    const results = await Promise.allSettled(prepared.map((p) => deps.orders.commit(p.changes)));
    todo = [];
    results.forEach((r, i) => {
      const p = prepared[i];
      if (p === undefined) return;
      if (r.status === 'fulfilled') {
        fallout.push(...p.folded.fallout);
        if (p.folded.orderPath.length > 0) orderMoves.push({ orderId: p.orderId, path: p.folded.orderPath });
        decisions.set(p.orderId, p.folded.decisions);
      } else if (r.reason instanceof ConcurrencyConflict && round < MAX_CONFLICT_RETRIES) todo.push(p.orderId);
      else throw r.reason;
    });
  }
  return { fallout, orderMoves, decisions };
}

async function changeSetOf(deps: RecordDeps, folded: FoldedOrder, now: number): Promise<ChangeSet> {
  const planChanges = [folded.change];
  if (folded.itemStates.size === 0 && folded.orderPath.length === 0 && folded.informationRequired.length === 0) {
    return { planChanges };
  }
  const order = await deps.orders.getOrder(folded.change.orderId);
  if (order === undefined) return { planChanges };
  const delta = applyOrderDelta(order, folded, new Date(now).toISOString(), deps.ids);
  return { planChanges, orders: [{ record: delta.order, expectedVersion: order.version }], events: delta.events };
}
