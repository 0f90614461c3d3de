import type { Database } from 'better-sqlite3';
import { inputsDigest, type PlanTask } from '../../domain/plan/plan.js';
import type { TaskRecord } from '../../domain/plan/plan-state.js';
import { ConcurrencyConflict, type ChangeSet } from '../../ports/change-set.js';
import type { ChangeWriter } from './sqlite-group-commit.js';

/** Separator of dependency ids in `task.depends_on` (a control character no id contains). */
export const DEP_SEPARATOR = '\u001f';
/** Entity name of plans in ConcurrencyConflict. */
export const PLAN_ENTITY = 'plan';

/** The queue position of a task record: wake time while claimable, null when nothing is due. */
export function dueAt(t: TaskRecord): number | null {
  return t.state === 'ready' || t.state === 'waiting' ? t.wakeAt : null;
}

/** Writes new plans and plan changes (tasks, outputs, derived states) inside the change set's savepoint. */
export function sqliteTaskWriter(db: Database): ChangeWriter<ChangeSet> {
  const insertPlan = db.prepare(`INSERT INTO plan (order_id, version, revision, order_state, cancellation, items, item_states)
    VALUES (?, 1, ?, ?, ?, ?, ?)`);
  const updatePlan = db.prepare(`UPDATE plan SET version = version + 1, revision = ?, order_state = ?, cancellation = ?,
    item_states = ? WHERE order_id = ? AND version = ?`);
  const updateItems = db.prepare('UPDATE plan SET items = ? WHERE order_id = ?');
  const insertTask = db.prepare(`INSERT INTO task (order_id, id, type, item_id, mode, depends_on, compensates, state, attempt,
    wake_at, due_at, inputs, history) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const updateTask = db.prepare(`UPDATE task SET state = ?, attempt = ?, wake_at = ?, due_at = ?, depends_on = ?, history = ?
    WHERE order_id = ? AND id = ?`);
  const setOutput = db.prepare('UPDATE task SET output = ? WHERE order_id = ? AND id = ?');
  const insert = (orderId: string, t: TaskRecord, inputs: string): void => {
    insertTask.run(orderId, t.id, t.type, t.itemId, t.mode, t.dependsOn.join(DEP_SEPARATOR), t.compensates ?? null, t.state,
      t.attempt, t.wakeAt, dueAt(t), inputs, t.history.length === 0 ? null : JSON.stringify(t.history));
  };
  return {
    write(changes: ChangeSet): void {
      for (const { plan, state } of changes.newPlans ?? []) {
        insertPlan.run(plan.orderId, state.revision, state.orderState, state.cancellation, JSON.stringify(state.items), JSON.stringify(state.itemStates));
        for (const task of plan.tasks) {
          const rec = state.tasks[task.id];
          if (rec !== undefined) insert(plan.orderId, rec, rec.inputsDigest);
        }
      }
      for (const c of changes.planChanges ?? []) {
        const s = c.state;
        const r = updatePlan.run(s.revision, s.orderState, s.cancellation, JSON.stringify(s.itemStates), c.orderId, c.expectedVersion);
        if (r.changes !== 1) throw new ConcurrencyConflict(PLAN_ENTITY, c.orderId);
        // Only a revision changes the plan's items.
        if (c.itemsChanged === true) updateItems.run(JSON.stringify(s.items), c.orderId);
        const added = new Map<string, PlanTask>(c.added.map((t) => [t.id, t]));
        for (const t of c.tasks) {
          const a = added.get(t.id);
          if (a !== undefined) insert(c.orderId, t, inputsDigest(a.inputs));
          else updateTask.run(t.state, t.attempt, t.wakeAt, dueAt(t), t.dependsOn.join(DEP_SEPARATOR),
            t.history.length === 0 ? null : JSON.stringify(t.history), c.orderId, t.id);
        }
        for (const o of c.outputs) setOutput.run(JSON.stringify(o.output), c.orderId, o.taskId);
      }
    },
  };
}
