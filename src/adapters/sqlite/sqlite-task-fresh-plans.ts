import type { Database } from 'better-sqlite3';
import type { ProductOrder } from '../../domain/order/product-order.js';
import type { PlanState, TaskRecord } from '../../domain/plan/plan-state.js';

/** A plan exactly as this connection inserted it (version 1), with its order and the claims made since. */
export interface FreshPlan {
  readonly state: PlanState;
  readonly order: ProductOrder | undefined;
  readonly claims: Map<string, number>;
}

/**
 * Plans newly written through this connection, so that the engine's first round of an order need
 * not read and parse what was just written. A hint only: an entry is served once and then
 * forgotten, any later plan change drops it, and the engine's write still checks the stored version.
 */
export class FreshPlans {
  private readonly entries = new Map<string, FreshPlan>();

  constructor(private readonly capacity = 10_000) {}

  /** Remembers a plan just inserted; forgets the oldest entries beyond capacity. */
  add(orderId: string, state: PlanState, order: ProductOrder | undefined): void {
    if (this.capacity === 0) return;
    this.entries.delete(orderId);
    this.entries.set(orderId, { state, order, claims: new Map() });
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }

  /** Records a claim of one of the plan's tasks: the task is running, as the stored row now says. */
  claimed(orderId: string, taskId: string, claim: number): void {
    const e = this.entries.get(orderId);
    if (e === undefined) return;
    if (e.state.tasks[taskId] === undefined) return void this.entries.delete(orderId);
    e.claims.set(taskId, claim);
  }

  /** The entry of an order, removed from the set (served once), with its claimed tasks running. */
  take(orderId: string): FreshPlan | undefined {
    const e = this.entries.get(orderId);
    if (e === undefined) return undefined;
    this.entries.delete(orderId);
    return e.claims.size === 0 ? e : { ...e, state: withRunning(e.state, e.claims.keys()) };
  }

  /** Forgets an order (its plan changed). */
  drop(orderId: string): void {
    this.entries.delete(orderId);
  }

  /** Forgets everything (a transaction was rolled back, or the set is not trusted any more). */
  clear(): void {
    this.entries.clear();
  }
}

/** The plan with these tasks running (one copy for all of them). */
function withRunning(state: PlanState, ids: Iterable<string>): PlanState {
  const tasks = { ...state.tasks };
  for (const id of ids) {
    const t = tasks[id];
    if (t !== undefined && t.state !== 'running') tasks[id] = { ...t, state: 'running', wakeAt: null } satisfies TaskRecord;
  }
  return { ...state, tasks };
}

const registry = new WeakMap<Database, FreshPlans>();

/**
 * Gives connections of one process one set of fresh plans: the connection whose writer inserts
 * plans and the one whose task store claims them. Capacity 0 keeps none (a process without an
 * engine would only fill it).
 */
export function shareFreshPlans(connections: readonly Database[], capacity?: number): void {
  const shared = new FreshPlans(capacity);
  for (const db of connections) registry.set(db, shared);
}

/** The fresh plans of a connection, shared by its task writer and task store. */
export function freshPlansOf(db: Database): FreshPlans {
  let f = registry.get(db);
  if (f === undefined) registry.set(db, (f = new FreshPlans()));
  return f;
}
