import type { Database, Statement } from 'better-sqlite3';
import type { ItemState, OrderState } from '../../domain/order/order-state.js';
import type { PlanItem } from '../../domain/plan/plan.js';
import type { AttemptRecord, CancellationState, PlanState, TaskRecord } from '../../domain/plan/plan-state.js';
import type { TaskState } from '../../domain/plan/task-state.js';
import type { TaskMode, TaskType } from '../../domain/plan/task-type.js';
import type { ClaimedTask, StoredPlan, TaskStore } from '../../ports/task-store.js';
import { freshPlansOf, type FreshPlans } from './sqlite-task-fresh-plans.js';
import { DEP_SEPARATOR } from './sqlite-task-writer.js';

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
  wake_at: number | null;
  claim: number;
  inputs: string;
  history: string | null;
}
interface PlanRow {
  order_id: string;
  version: number;
  revision: number;
  order_state: OrderState;
  cancellation: CancellationState;
  items: string;
  item_states: string;
}

/** The task queue and plan reader over SQLite; writes come through the group commit's task writer. */
export class SqliteTaskStore implements TaskStore {
  private readonly claim: Statement;
  private readonly fresh: FreshPlans;
  private readonly planRow: Statement;
  private readonly taskRows: Statement;
  private readonly minDue: Statement;
  private readonly output: Statement;

  constructor(private readonly db: Database) {
    this.fresh = freshPlansOf(db);
    // One statement leases the due tasks and returns them (the claim number after the lease).
    this.claim = db.prepare(`UPDATE task SET state = 'running', due_at = ?, claim = claim + 1
      WHERE rowid IN (SELECT rowid FROM task WHERE due_at <= ? ORDER BY due_at LIMIT ?)
      RETURNING order_id, id, type, item_id, mode, compensates, claim, attempt, inputs`);
    this.planRow = db.prepare('SELECT * FROM plan WHERE order_id = ?');
    this.taskRows = db.prepare(`SELECT order_id, id, type, item_id, mode, depends_on, compensates, state, attempt, wake_at, claim,
      inputs, history FROM task WHERE order_id = ?`);
    this.minDue = db.prepare('SELECT min(due_at) AS t FROM task WHERE due_at IS NOT NULL').pluck();
    this.output = db.prepare('SELECT output FROM task WHERE order_id = ? AND id = ?').pluck();
  }

  async claimDue(now: number, limit: number, leaseMs: number): Promise<readonly ClaimedTask[]> {
    const rows = this.claim.all(now + leaseMs, now, limit) as TaskRow[];
    const out = new Array<ClaimedTask>(rows.length);
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i] as TaskRow;
      this.fresh.claimed(r.order_id, r.id, r.claim);
      out[i] = {
        orderId: r.order_id,
        taskId: r.id,
        itemId: r.item_id,
        type: r.type,
        mode: r.mode,
        compensates: r.compensates,
        claim: r.claim,
        attempt: r.attempt,
        inputsJson: r.inputs,
      };
    }
    return out;
  }

  async loadPlans(orderIds: readonly string[]): Promise<ReadonlyMap<string, StoredPlan>> {
    const out = new Map<string, StoredPlan>();
    for (const id of orderIds) {
      const f = this.fresh.take(id);
      if (f !== undefined) {
        out.set(id, { state: f.state, version: 1, claims: f.claims, ...(f.order === undefined ? {} : { order: f.order }) });
        continue;
      }
      const p = this.planRow.get(id) as PlanRow | undefined;
      if (p === undefined) continue;
      const tasks: Record<string, TaskRecord> = {};
      const claims = new Map<string, number>();
      for (const r of this.taskRows.all(id) as TaskRow[]) {
        tasks[r.id] = toRecord(r);
        if (r.state === 'running') claims.set(r.id, r.claim);
      }
      const state: PlanState = {
        orderId: id,
        revision: p.revision,
        items: JSON.parse(p.items) as PlanItem[],
        tasks,
        itemStates: JSON.parse(p.item_states) as Record<string, ItemState>,
        orderState: p.order_state,
        cancellation: p.cancellation,
      };
      out.set(id, { state, version: p.version, claims });
    }
    return out;
  }

  async nextDueAt(): Promise<number | null> {
    return (this.minDue.get() as number | null) ?? null;
  }

  async taskOutput(orderId: string, taskId: string): Promise<Readonly<Record<string, unknown>> | undefined> {
    const raw = this.output.get(orderId, taskId) as string | null | undefined;
    return raw == null ? undefined : (JSON.parse(raw) as Record<string, unknown>);
  }
}

const NO_HISTORY: readonly AttemptRecord[] = [];

function toRecord(r: TaskRow): TaskRecord {
  return {
    id: r.id,
    type: r.type,
    itemId: r.item_id,
    mode: r.mode,
    dependsOn: r.depends_on === '' ? [] : r.depends_on.split(DEP_SEPARATOR),
    ...(r.compensates === null ? {} : { compensates: r.compensates }),
    state: r.state,
    attempt: r.attempt,
    wakeAt: r.wake_at,
    inputsDigest: r.inputs,
    history: r.history === null ? NO_HISTORY : (JSON.parse(r.history) as AttemptRecord[]),
  };
}
