import type { OrderState } from '../domain/order/order-state.js';
import type { ProductOrder } from '../domain/order/product-order.js';
import type { PlanEvent, TaskResult } from '../domain/plan/plan-event.js';
import type { ReduceContext } from '../domain/plan/reduce-plan.js';
import type { Decision, FalloutCaseToOpen } from '../domain/plan/reduction.js';
import { ConcurrencyConflict, type ChangeSet } from '../ports/change-set.js';
import type { Ids } from '../ports/ids.js';
import type { OrderStore } from '../ports/order-store.js';
import type { TaskStore } from '../ports/task-store.js';
import { applyOrderDelta } from './order-update.js';
import type { PlanCache } from './plan-cache.js';
import { OrderFold, type FoldedOrder, type RoundStep } from './reduce-batch.js';
import { isFinalOrderState } from '../domain/order/order-state.js';
import type { TaskRecord } from '../domain/plan/plan-state.js';
import type { StoredPlan } from '../ports/task-store.js';

/** What recording plan events needs. */
export interface RecordDeps {
  readonly taskStore: TaskStore;
  readonly orders: Pick<OrderStore, 'getOrder' | 'commit'>;
  readonly ids: Ids;
  readonly reduce: Omit<ReduceContext, 'now'>;
  /** Plans this runner committed last (skips re-reading them); optional. */
  readonly cache?: PlanCache;
  readonly chain?: RoundChain;
}

/** Plan events of one order: `claims` are the tasks the events answer (running in the store). */
export interface OrderEvents {
  readonly events: readonly PlanEvent[];
  readonly claims?: ReadonlyMap<string, number>;
  /** The plan version the store reported with the claims; a cached plan of another version is not used. */
  readonly version?: number;
}

/**
 * Runs tasks that became ready during a round straight away, before the round commits (their rows
 * stay blocked or ready in the store meanwhile, so no other runner takes them; a crash re-runs them
 * with the same idempotency keys). Forward tasks only: an undo needs its original's stored output.
 */
export interface RoundChain {
  readonly maxSteps: number;
  /** Stop chaining once the round has run this long (ms), so slow systems do not hold the commit back. */
  readonly budgetMs: number;
  run(orderId: string, task: TaskRecord, now: number): Promise<TaskResult>;
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
  /** Tasks run by chaining inside the round. */
  readonly chained: number;
  /** Of those, the attempts that failed. */
  readonly chainFailed: number;
  /** Orders re-read and reduced again after meeting a concurrent change. */
  readonly conflictRetries: number;
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
  const steps = new Map<string, RoundStep[]>();
  let chained = { ran: 0, failed: 0 };
  let conflictRetries = 0;
  const ctx: ReduceContext = { ...deps.reduce, now };
  for (let round = 0; todo.length > 0; round++) {
    const plans = await loadPlans(deps, todo, round === 0, batch);
    const folds = new Map<string, OrderFold>();
    for (const orderId of todo) {
      const stored = plans.get(orderId);
      const input = batch.get(orderId);
      if (stored === undefined || input === undefined) continue;
      const fold = new OrderFold(stored.state, stored.version, now);
      for (const step of [{ running: [...(input.claims?.keys() ?? [])], events: input.events }, ...(steps.get(orderId) ?? [])]) {
        fold.apply(step, ctx);
      }
      folds.set(orderId, fold);
    }
    if (round === 0 && deps.chain !== undefined) chained = await runChain(deps.chain, folds, steps, ctx);
    const prepared: { orderId: string; folded: FoldedOrder; changes: ChangeSet; order?: ProductOrder }[] = [];
    for (const [orderId, fold] of folds) {
      const folded = fold.result();
      const { changes, order } = await changeSetOf(deps, folded, now, plans.get(orderId)?.order);
      prepared.push({ orderId, folded, changes, ...(order === undefined ? {} : { order }) });
    }
    const results = await Promise.allSettled(prepared.map((p) => deps.orders.commit(p.changes)));
    todo = [];
    results.forEach((r, i) => {
      const p = prepared[i];
      if (p === undefined) return;
      if (r.status === 'fulfilled') {
        remember(deps.cache, p.orderId, p.folded, p.order);
        fallout.push(...p.folded.fallout);
        if (p.folded.orderPath.length > 0) orderMoves.push({ orderId: p.orderId, path: p.folded.orderPath });
        decisions.set(p.orderId, p.folded.decisions);
      } else if (r.reason instanceof ConcurrencyConflict && round < MAX_CONFLICT_RETRIES) {
        deps.cache?.delete(p.orderId);
        todo.push(p.orderId);
        conflictRetries++;
      } else throw r.reason;
    });
  }
  return { fallout, orderMoves, chained: chained.ran, chainFailed: chained.failed, conflictRetries, decisions };
}

/** The plans of these orders: from the cache when allowed and not known to be stale, else from the store. */
async function loadPlans(
  deps: RecordDeps,
  ids: readonly string[],
  useCache: boolean,
  batch: ReadonlyMap<string, OrderEvents>,
): Promise<ReadonlyMap<string, Pick<StoredPlan, 'state' | 'version' | 'order'>>> {
  const out = new Map<string, Pick<StoredPlan, 'state' | 'version' | 'order'>>();
  const missing: string[] = [];
  for (const id of ids) {
    const hit = useCache ? deps.cache?.get(id) : undefined;
    const seen = batch.get(id)?.version;
    if (hit === undefined || (seen !== undefined && seen !== hit.version)) missing.push(id);
    else out.set(id, hit);
  }
  if (missing.length > 0) for (const [id, p] of await deps.taskStore.loadPlans(missing)) out.set(id, p);
  return out;
}

/** Runs the forward tasks each step made ready, for up to `maxSteps` steps, recording the steps for replay. */
async function runChain(chain: RoundChain, folds: ReadonlyMap<string, OrderFold>, steps: Map<string, RoundStep[]>, ctx: ReduceContext): Promise<{ ran: number; failed: number }> {
  const started = performance.now();
  let ran = 0;
  let failed = 0;
  for (let step = 0; step < chain.maxSteps && performance.now() - started < chain.budgetMs; step++) {
    const work: { orderId: string; task: TaskRecord }[] = [];
    for (const [orderId, fold] of folds) {
      for (const id of fold.ready) {
        const task = fold.task(id);
        if (task !== undefined && task.mode === 'do') work.push({ orderId, task });
      }
    }
    if (work.length === 0) return { ran, failed };
    ran += work.length;
    const results = await Promise.all(work.map((w) => chain.run(w.orderId, w.task, ctx.now)));
    for (const r of results) if (r.kind === 'failed') failed++;
    const byOrder = new Map<string, { running: string[]; events: PlanEvent[] }>();
    work.forEach((w, i) => {
      let e = byOrder.get(w.orderId);
      if (e === undefined) byOrder.set(w.orderId, (e = { running: [], events: [] }));
      e.running.push(w.task.id);
      e.events.push({ kind: 'outcome', taskId: w.task.id, result: results[i] as TaskResult });
    });
    for (const [orderId, s] of byOrder) {
      folds.get(orderId)?.apply(s, ctx);
      const replay = steps.get(orderId);
      if (replay === undefined) steps.set(orderId, [s]);
      else replay.push(s);
    }
  }
  return { ran, failed };
}

function remember(cache: PlanCache | undefined, orderId: string, folded: FoldedOrder, order: ProductOrder | undefined): void {
  if (cache === undefined) return;
  const state = folded.change.state;
  if (isFinalOrderState(state.orderState)) cache.delete(orderId);
  else cache.set(orderId, { state, version: folded.change.expectedVersion + 1, ...(order === undefined ? {} : { order }) });
}

/**
 * Whether the order record must be rewritten now: its state moved, information is asked for, or an
 * item reached a state other than inProgress. An item merely entering inProgress is written with
 * the order's next change (the plan row holds it at once), which saves a document rewrite per round.
 */
function visibleChange(folded: FoldedOrder): boolean {
  if (folded.orderPath.length > 0 || folded.informationRequired.length > 0) return true;
  for (const s of folded.itemStates.values()) if (s !== 'inProgress') return true;
  return false;
}

async function changeSetOf(deps: RecordDeps, folded: FoldedOrder, now: number, cached: ProductOrder | undefined): Promise<{ changes: ChangeSet; order?: ProductOrder }> {
  const planChanges = [folded.change];
  if (!visibleChange(folded)) {
    return { changes: { planChanges }, ...(cached === undefined ? {} : { order: cached }) };
  }
  const order = cached ?? (await deps.orders.getOrder(folded.change.orderId));
  if (order === undefined) return { changes: { planChanges } };
  // Item states come from the plan, so item moves deferred by visibleChange are written now too.
  const itemStates = new Map(Object.entries(folded.change.state.itemStates));
  const delta = applyOrderDelta(order, { ...folded, itemStates }, new Date(now).toISOString(), deps.ids);
  return { changes: { planChanges, orders: [{ record: delta.order, expectedVersion: order.version, partiesUnchanged: true }], events: delta.events }, order: delta.order };
}
