import type { Database } from 'better-sqlite3';
import { inputsDigest } from '../../domain/plan/plan.js';
import type { TaskRecord } from '../../domain/plan/plan-state.js';
import { ConcurrencyConflict, type ChangeSet } from '../../ports/change-set.js';
import type { PlanChange } from '../../ports/task-store.js';
import type { ChangeWriter } from './sqlite-group-commit.js';
import { freshPlansOf } from './sqlite-task-fresh-plans.js';

/** Separator of dependency ids in `task.depends_on` (a control character no id contains). */
export const DEP_SEPARATOR = '\u001f';
/** Entity name of plans in ConcurrencyConflict. */
export const PLAN_ENTITY = 'plan';

/** The queue position of a task record: wake time while claimable, null when nothing is due. */
export function dueAt(t: TaskRecord): number | null {
  return t.state === 'ready' || t.state === 'waiting' ? t.wakeAt : null;
}

const historyText = (t: TaskRecord): string | null => (t.history.length === 0 ? null : JSON.stringify(t.history));
const EMPTY_OUTPUT = '{}';
const outputText = (o: Readonly<Record<string, unknown>>): string => {
  for (const _ in o) return JSON.stringify(o);
  return EMPTY_OUTPUT;
};

/** Writes new plans and plan changes (tasks, outputs, derived states) inside the change set's savepoint. */
export function sqliteTaskWriter(db: Database): ChangeWriter<ChangeSet> {
  const fresh = freshPlansOf(db);
  const insertPlan = db.prepare(`INSERT INTO plan (order_id, version, revision, order_state, cancellation, items, item_states)
    VALUES (?, 1, ?, ?, ?, ?, ?)`);
  const updatePlan = db.prepare(`UPDATE plan SET version = version + 1, revision = ?, order_state = ?, cancellation = ?,
    item_states = ? WHERE order_id = ? AND version = ?`);
  const updateItems = db.prepare('UPDATE plan SET items = ? WHERE order_id = ?');
  const insertTask = db.prepare(`INSERT INTO task (order_id, id, type, item_id, mode, depends_on, compensates, state, attempt,
    wake_at, due_at, inputs, history, output) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  // A task's output is written with its state (it is set once, when the task completes).
  const updateTask = db.prepare(`UPDATE task SET state = ?, attempt = ?, wake_at = ?, due_at = ?, depends_on = ?, history = ?,
    output = coalesce(?, output) WHERE order_id = ? AND id = ?`);
  // A task without failures, outside a revision, changes only state, times and output: its dependencies,
  // attempt and (empty) history stay as stored, and the failed-task index is not touched.
  const moveTask = db.prepare(`UPDATE task SET state = ?, wake_at = ?, due_at = ?, output = coalesce(?, output)
    WHERE order_id = ? AND id = ?`);
  const setOutput = db.prepare('UPDATE task SET output = ? WHERE order_id = ? AND id = ?');
  const insert = (orderId: string, t: TaskRecord, inputs: string, output: string | null): void => {
    insertTask.run(orderId, t.id, t.type, t.itemId, t.mode, t.dependsOn.join(DEP_SEPARATOR), t.compensates ?? null, t.state,
      t.attempt, t.wakeAt, dueAt(t), inputs, historyText(t), output);
  };
  const writeChange = (c: PlanChange): void => {
    const s = c.state;
    const r = updatePlan.run(s.revision, s.orderState, s.cancellation, JSON.stringify(s.itemStates), c.orderId, c.expectedVersion);
    if (r.changes !== 1) throw new ConcurrencyConflict(PLAN_ENTITY, c.orderId);
    fresh.drop(c.orderId);
    // Only a revision changes the plan's items.
    if (c.itemsChanged === true) updateItems.run(JSON.stringify(s.items), c.orderId);
    const outputs = new Map<string, string>();
    for (const o of c.outputs) outputs.set(o.taskId, outputText(o.output));
    for (const t of c.tasks) {
      const output = outputs.get(t.id) ?? null;
      outputs.delete(t.id);
      const a = c.added.length === 0 ? undefined : c.added.find((x) => x.id === t.id);
      if (a !== undefined) insert(c.orderId, t, inputsDigest(a.inputs), output);
      else if (c.itemsChanged !== true && t.history.length === 0) moveTask.run(t.state, t.wakeAt, dueAt(t), output, c.orderId, t.id);
      else updateTask.run(t.state, t.attempt, t.wakeAt, dueAt(t), t.dependsOn.join(DEP_SEPARATOR), historyText(t), output, c.orderId, t.id);
    }
    for (const [taskId, output] of outputs) setOutput.run(output, c.orderId, taskId);
  };
  return {
    write(changes: ChangeSet): void {
      for (const { plan, state } of changes.newPlans ?? []) {
        insertPlan.run(plan.orderId, state.revision, state.orderState, state.cancellation, JSON.stringify(state.items), JSON.stringify(state.itemStates));
        for (const task of plan.tasks) {
          const rec = state.tasks[task.id];
          if (rec !== undefined) insert(plan.orderId, rec, rec.inputsDigest, null);
        }
        fresh.add(plan.orderId, state, changes.orders?.find((o) => o.record.id === plan.orderId)?.record);
      }
      for (const c of changes.planChanges ?? []) writeChange(c);
    },
  };
}
