import type { Database } from 'better-sqlite3';
import type { ProductOrder } from '../../domain/order/product-order.js';
import type { PlanState, TaskRecord } from '../../domain/plan/plan-state.js';

/** A plan exactly as this connection inserted it (version 1), with its order and the claims made since. */
export interface FreshPlan {
  state: PlanState;
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
    const t = e.state.tasks[taskId];
    if (t === undefined) return void this.entries.delete(orderId);
    if (t.state !== 'running') {
      const running: TaskRecord = { ...t, state: 'running', wakeAt: null };
      e.state = { ...e.state, tasks: { ...e.state.tasks, [taskId]: running } };
    }
    e.claims.set(taskId, claim);
  }

  /** The entry of an order, removed from the set (served once). */
  take(orderId: string): FreshPlan | undefined {
    const e = this.entries.get(orderId);
    if (e !== undefined) this.entries.delete(orderId);
    return e;
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

const registry = new WeakMap<Database, FreshPlans>();

/** The fresh plans of a connection, shared by its task writer and task store. */
export function freshPlansOf(db: Database): FreshPlans {
  let f = registry.get(db);
  if (f === undefined) registry.set(db, (f = new FreshPlans()));
  return f;
}
