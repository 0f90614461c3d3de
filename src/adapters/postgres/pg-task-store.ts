import type { Pool } from 'pg';
import type { ItemState, OrderState } from '../../domain/order/order-state.js';
import type { ProductOrder } from '../../domain/order/product-order.js';
import type { PlanItem } from '../../domain/plan/plan.js';
import type { AttemptRecord, CancellationState, PlanState, TaskRecord } from '../../domain/plan/plan-state.js';
import type { TaskState } from '../../domain/plan/task-state.js';
import type { TaskMode, TaskType } from '../../domain/plan/task-type.js';
import type { ClaimedTask, StoredPlan, TaskStore } from '../../ports/task-store.js';
import { DEP_SEPARATOR } from '../sqlite/sqlite-task-writer.js';
import { pgArray } from './pg-array.js';

// Due tasks in due order; rows another runner is claiming right now are skipped, and a row whose
// lease was taken and committed meanwhile fails the due_at re-check after locking. Each task's plan
// row is locked first: two runners claiming at once scan the same due rows, and locking tasks alone
// they would take turns row by row, splitting an order's ready tasks between them (each then
// commits the order's plan against the other's version); with the plan locked first, a runner skips
// every task of an order another runner is claiming or committing. The other due tasks of the
// orders picked come along (beyond the limit; found by key, the '+ 0' keeps the due index out of
// it), so no order is split at the limit either. The plan's version comes back, so a runner whose
// cached plan another runner moved on reads it again.
const CLAIM_SQL = `
  WITH picked AS (
    SELECT t.order_id, p.version FROM task t JOIN plan p ON p.order_id = t.order_id
    WHERE t.due_at <= $1 ORDER BY t.due_at LIMIT $2
    FOR NO KEY UPDATE OF p SKIP LOCKED FOR UPDATE OF t SKIP LOCKED),
  due AS (
    SELECT t.order_id, t.id, o.version FROM (SELECT DISTINCT order_id, version FROM picked) o
    JOIN task t ON t.order_id = o.order_id WHERE t.due_at + 0 <= $1
    FOR UPDATE OF t SKIP LOCKED),
  leased AS (
    UPDATE task t SET state = 'running', due_at = $3, claim = t.claim + 1
    FROM due WHERE t.order_id = due.order_id AND t.id = due.id
    RETURNING t.order_id, t.id, t.type, t.item_id, t.mode, t.compensates, t.claim, t.attempt, t.inputs, due.version AS plan_version)
  SELECT * FROM leased`;

// One statement, one snapshot: a row per plan with its order record (the engine rewrites it
// whenever the order's state moves; reading it here saves a read per order), then a row per task
// (id set). Plain columns: building each plan's tasks as one JSON document cost the server more
// than the rest of the read.
const PLANS_SQL = `
  WITH p AS (SELECT * FROM plan WHERE order_id = ANY($1::text[]))
  SELECT p.order_id, NULL AS id, p.version, p.revision, p.order_state, p.cancellation, p.items, p.item_states,
    (SELECT o.doc FROM product_order o WHERE o.id = p.order_id) AS doc,
    NULL AS type, NULL AS item_id, NULL AS mode, NULL AS depends_on, NULL AS compensates, NULL AS state,
    NULL::int AS attempt, NULL::bigint AS wake_at, NULL::int AS claim, NULL AS inputs, NULL::json AS history
  FROM p
  UNION ALL
  SELECT t.order_id, t.id, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
    t.type, t.item_id, t.mode, t.depends_on, t.compensates, t.state, t.attempt, t.wake_at, t.claim, t.inputs, t.history
  FROM task t WHERE t.order_id IN (SELECT order_id FROM p)`;

interface ClaimRow {
  order_id: string;
  id: string;
  type: TaskType;
  item_id: string;
  mode: TaskMode;
  compensates: string | null;
  claim: number;
  attempt: number;
  inputs: string;
  plan_version: number;
}
/** A row of PLANS_SQL: a plan (id null) or one of its tasks. */
type PlanOrTaskRow = PlanRow | TaskRow;
interface PlanRow {
  order_id: string;
  id: null;
  version: number;
  revision: number;
  order_state: OrderState;
  cancellation: CancellationState;
  items: PlanItem[];
  item_states: Record<string, ItemState>;
  doc: ProductOrder | null;
}
interface TaskRow {
  order_id: string;
  id: string;
  type: TaskType;
  item_id: string;
  mode: TaskMode;
  depends_on: string;
  compensates: string | null;
  state: TaskState;
  attempt: number;
  /** bigint: text from the driver. */
  wake_at: string | null;
  claim: number;
  inputs: string;
  history: AttemptRecord[] | null;
}

/** The task queue and plan reader over PostgreSQL; writes come through the group commit's task writer. */
export class PgTaskStore implements TaskStore {
  constructor(private readonly pool: Pool) {}

  /**
   * Leases up to `limit` due tasks, and the other due tasks of their orders, until `now + leaseMs`;
   * runners in other processes never get the same lease, nor tasks of an order another is claiming.
   */
  async claimDue(now: number, limit: number, leaseMs: number): Promise<readonly ClaimedTask[]> {
    const r = await this.pool.query<ClaimRow>(CLAIM_SQL, [now, Math.max(0, Math.trunc(limit)), now + leaseMs]);
    return r.rows.map((row) => ({
      orderId: row.order_id,
      taskId: row.id,
      itemId: row.item_id,
      type: row.type,
      mode: row.mode,
      compensates: row.compensates,
      claim: row.claim,
      attempt: row.attempt,
      inputsJson: row.inputs,
      planVersion: row.plan_version,
    }));
  }

  /** The stored plans of these orders with their tasks, read in one snapshot. */
  async loadPlans(orderIds: readonly string[]): Promise<ReadonlyMap<string, StoredPlan>> {
    const out = new Map<string, StoredPlan>();
    if (orderIds.length === 0) return out;
    const r = await this.pool.query<PlanOrTaskRow>(PLANS_SQL, [pgArray(orderIds)]);
    const tasksOf = new Map<string, { tasks: Record<string, TaskRecord>; claims: Map<string, number> }>();
    for (const row of r.rows) {
      if (row.id === null) continue;
      let entry = tasksOf.get(row.order_id);
      if (entry === undefined) tasksOf.set(row.order_id, (entry = { tasks: {}, claims: new Map() }));
      entry.tasks[row.id] = toRecord(row);
      if (row.state === 'running') entry.claims.set(row.id, row.claim);
    }
    for (const p of r.rows) {
      if (p.id !== null) continue;
      const { tasks, claims } = tasksOf.get(p.order_id) ?? { tasks: {}, claims: new Map<string, number>() };
      const state: PlanState = {
        orderId: p.order_id,
        revision: p.revision,
        items: p.items,
        tasks,
        itemStates: p.item_states,
        orderState: p.order_state,
        cancellation: p.cancellation,
      };
      out.set(p.order_id, { state, version: p.version, claims, ...(p.doc === null ? {} : { order: p.doc }) });
    }
    return out;
  }

  /** The earliest time a task becomes due, or null when nothing is scheduled. */
  async nextDueAt(): Promise<number | null> {
    const r = await this.pool.query<{ t: string | null }>('SELECT min(due_at) AS t FROM task WHERE due_at IS NOT NULL');
    const t = r.rows[0]?.t;
    return t == null ? null : Number(t);
  }

  /** The stored output of a done task, or undefined. */
  async taskOutput(orderId: string, taskId: string): Promise<Readonly<Record<string, unknown>> | undefined> {
    const r = await this.pool.query<{ output: Record<string, unknown> | null }>('SELECT output FROM task WHERE order_id = $1 AND id = $2', [
      orderId,
      taskId,
    ]);
    return r.rows[0]?.output ?? undefined;
  }
}

const NO_HISTORY: readonly AttemptRecord[] = [];

function toRecord(t: TaskRow): TaskRecord {
  return {
    id: t.id,
    type: t.type,
    itemId: t.item_id,
    mode: t.mode,
    dependsOn: t.depends_on === '' ? [] : t.depends_on.split(DEP_SEPARATOR),
    ...(t.compensates === null ? {} : { compensates: t.compensates }),
    state: t.state,
    attempt: t.attempt,
    wakeAt: t.wake_at === null ? null : Number(t.wake_at),
    inputsDigest: t.inputs,
    history: t.history ?? NO_HISTORY,
  };
}
