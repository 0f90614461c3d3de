import type { ProductOrder } from '../domain/order/product-order.js';
import type { Plan, PlanTask } from '../domain/plan/plan.js';
import type { PlanState, TaskRecord } from '../domain/plan/plan-state.js';
import type { TaskMode, TaskType } from '../domain/plan/task-type.js';

/** A task leased to one runner until `now + leaseMs`. */
export interface ClaimedTask {
  readonly orderId: string;
  readonly taskId: string;
  readonly itemId: string;
  readonly type: TaskType;
  readonly mode: TaskMode;
  /** For an undo task, the task it reverses. */
  readonly compensates: string | null;
  /** Increases on every claim; an outcome is recorded only for the latest claim (fencing). */
  readonly claim: number;
  /** Failed attempts before this one. */
  readonly attempt: number;
  /** The task inputs as stored JSON, parsed only when a handler reads them. */
  readonly inputsJson: string;
  /** The version of the task's plan seen by the claim, when the store reads it along (a runner's cached plan of another version is stale). */
  readonly planVersion?: number;
}

/** A plan as stored, with the version for optimistic concurrency and the claim number of running tasks. */
export interface StoredPlan {
  readonly state: PlanState;
  readonly version: number;
  readonly claims: ReadonlyMap<string, number>;
  /** The order record as the store last wrote it, when the store still holds it in memory (saves a read). */
  readonly order?: ProductOrder;
}

/** A new order's plan and its initial state, written with the order (ChangeSet.newPlans). */
export interface NewPlan {
  readonly plan: Plan;
  readonly state: PlanState;
}

/** What one reduction changed in a stored plan (ChangeSet.planChanges). */
export interface PlanChange {
  readonly orderId: string;
  /** The version read; the write fails with ConcurrencyConflict when it moved meanwhile. */
  readonly expectedVersion: number;
  readonly state: PlanState;
  /** Task records to write (changed or added). */
  readonly tasks: readonly TaskRecord[];
  /** Tasks added by the reduction (their inputs). */
  readonly added: readonly PlanTask[];
  readonly outputs: readonly { readonly taskId: string; readonly output: Readonly<Record<string, unknown>> }[];
  /** True when a revision replaced the plan's items (rewrite them). */
  readonly itemsChanged?: boolean;
}

/** Durable provisioning tasks: a ready queue by wake time with leases. Writes go through ChangeSet. */
export interface TaskStore {
  /**
   * Leases up to `limit` tasks due at `now` (ready, waiting, or running with an expired lease) until
   * `now + leaseMs`; a store may add the other due tasks of the same orders, so that one runner gets them all.
   */
  claimDue(now: number, limit: number, leaseMs: number): Promise<readonly ClaimedTask[]>;
  /** The stored plans of these orders (absent orders are left out). */
  loadPlans(orderIds: readonly string[]): Promise<ReadonlyMap<string, StoredPlan>>;
  /** The earliest time a task becomes due (wake time or lease expiry), or null when nothing is scheduled. */
  nextDueAt(): Promise<number | null>;
  /** The stored output of a done task (what its undo needs), or undefined. */
  taskOutput(orderId: string, taskId: string): Promise<Readonly<Record<string, unknown>> | undefined>;
}
