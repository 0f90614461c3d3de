import { inputsDigest, type PlanTask } from '../../domain/plan/plan.js';
import type { TaskRecord } from '../../domain/plan/plan-state.js';
import { ConcurrencyConflict, type ChangeSet } from '../../ports/change-set.js';
import type { PlanChange } from '../../ports/task-store.js';
import { DEP_SEPARATOR, dueAt, PLAN_ENTITY } from '../sqlite/sqlite-task-writer.js';
import { conflictsOf, tagRows, type PgChangeWriter, type PgTx } from './pg-change-writer.js';

const INSERT_PLANS = `INSERT INTO plan (order_id, version, revision, order_state, cancellation, items, item_states)
  SELECT u.order_id, 1, u.revision, u.order_state, u.cancellation, u.items, u.item_states
  FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::json[], $6::json[])
    AS u(order_id, revision, order_state, cancellation, items, item_states)`;
// Items are sent only when a revision replaced them (null keeps the stored ones).
const UPDATE_PLANS = `UPDATE plan p SET version = p.version + 1, revision = u.revision, order_state = u.order_state,
    cancellation = u.cancellation, items = coalesce(u.items, p.items), item_states = u.item_states
  FROM unnest($1::text[], $2::int[], $3::int[], $4::text[], $5::text[], $6::json[], $7::json[])
    AS u(order_id, expected, revision, order_state, cancellation, items, item_states)
  WHERE p.order_id = u.order_id AND p.version = u.expected RETURNING p.order_id AS id`;
const INSERT_TASKS = `INSERT INTO task (order_id, id, type, item_id, mode, depends_on, compensates, state, attempt,
    wake_at, due_at, inputs, history)
  SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
    $9::int[], $10::bigint[], $11::bigint[], $12::text[], $13::json[])`;
// A task's output is written with its move to done: one new row version instead of two.
const UPDATE_TASKS = `UPDATE task t SET state = u.state, attempt = u.attempt, wake_at = u.wake_at, due_at = u.due_at,
    depends_on = u.depends_on, history = u.history, output = coalesce(u.output, t.output)
  FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::bigint[], $6::bigint[], $7::text[], $8::json[], $9::json[])
    AS u(order_id, id, state, attempt, wake_at, due_at, depends_on, history, output)
  WHERE t.order_id = u.order_id AND t.id = u.id`;
const SET_OUTPUTS = `UPDATE task t SET output = u.output
  FROM unnest($1::text[], $2::text[], $3::json[]) AS u(order_id, id, output)
  WHERE t.order_id = u.order_id AND t.id = u.id`;

interface TaskRow {
  readonly orderId: string;
  readonly task: TaskRecord;
  readonly inputs: string;
  /** The output recorded with this change (JSON), if any. */
  readonly output?: string;
}

const history = (t: TaskRecord): string | null => (t.history.length === 0 ? null : JSON.stringify(t.history));

async function insertTasks(tx: PgTx, rows: readonly TaskRow[]): Promise<void> {
  if (rows.length === 0) return;
  const t = rows.map((r) => r.task);
  await tx.query(INSERT_TASKS, [
    rows.map((r) => r.orderId), t.map((x) => x.id), t.map((x) => x.type), t.map((x) => x.itemId), t.map((x) => x.mode),
    t.map((x) => x.dependsOn.join(DEP_SEPARATOR)), t.map((x) => x.compensates ?? null), t.map((x) => x.state),
    t.map((x) => x.attempt), t.map((x) => x.wakeAt), t.map(dueAt), rows.map((r) => r.inputs), t.map(history),
  ]);
}

async function updateTasks(tx: PgTx, rows: readonly TaskRow[]): Promise<void> {
  if (rows.length === 0) return;
  const t = rows.map((r) => r.task);
  await tx.query(UPDATE_TASKS, [
    rows.map((r) => r.orderId), t.map((x) => x.id), t.map((x) => x.state), t.map((x) => x.attempt), t.map((x) => x.wakeAt),
    t.map(dueAt), t.map((x) => x.dependsOn.join(DEP_SEPARATOR)), t.map(history), rows.map((r) => r.output ?? null),
  ]);
}

async function updatePlans(tx: PgTx, batch: readonly ChangeSet[], errors: Map<number, Error>): Promise<void> {
  const changes = tagRows(batch, (c) => c.planChanges);
  if (changes.length === 0) return;
  const s = changes.map((c) => c.row.state);
  const r = await tx.query<{ id: string }>(UPDATE_PLANS, [
    changes.map((c) => c.row.orderId), changes.map((c) => c.row.expectedVersion), s.map((x) => x.revision),
    s.map((x) => x.orderState), s.map((x) => x.cancellation), changes.map((c) => (c.row.itemsChanged === true ? JSON.stringify(c.row.state.items) : null)),
    s.map((x) => JSON.stringify(x.itemStates)),
  ]);
  conflictsOf(changes, (c) => c.orderId, r.rows, (c) => new ConcurrencyConflict(PLAN_ENTITY, c.orderId), errors);
}

/** The task rows a plan change inserts and updates, and the outputs of tasks it does not update. */
function changedTasks(c: PlanChange): { inserts: TaskRow[]; updates: TaskRow[]; outputs: { taskId: string; output: string }[] } {
  const added = new Map<string, PlanTask>(c.added.map((t) => [t.id, t]));
  const outputs = new Map(c.outputs.map((o) => [o.taskId, JSON.stringify(o.output)]));
  const inserts: TaskRow[] = [];
  const updates: TaskRow[] = [];
  for (const task of c.tasks) {
    const a = added.get(task.id);
    if (a !== undefined) inserts.push({ orderId: c.orderId, task, inputs: inputsDigest(a.inputs) });
    else {
      const output = outputs.get(task.id);
      outputs.delete(task.id);
      updates.push({ orderId: c.orderId, task, inputs: '', ...(output === undefined ? {} : { output }) });
    }
  }
  return { inserts, updates, outputs: [...outputs].map(([taskId, output]) => ({ taskId, output })) };
}

/** Writes new plans and plan changes (tasks, outputs, derived states) of a batch; a moved plan version is a conflict. */
export const pgTaskWriter: PgChangeWriter<ChangeSet> = {
  keys: (c) => [...(c.newPlans ?? []).map((p) => `plan:${p.plan.orderId}`), ...(c.planChanges ?? []).map((p) => `plan:${p.orderId}`)],
  async write(tx, batch) {
    const errors = new Map<number, Error>();
    await updatePlans(tx, batch, errors);
    if (errors.size > 0) return errors;
    const plans = batch.flatMap((c) => c.newPlans ?? []);
    if (plans.length > 0) {
      const s = plans.map((p) => p.state);
      await tx.query(INSERT_PLANS, [
        plans.map((p) => p.plan.orderId), s.map((x) => x.revision), s.map((x) => x.orderState), s.map((x) => x.cancellation),
        s.map((x) => JSON.stringify(x.items)), s.map((x) => JSON.stringify(x.itemStates)),
      ]);
    }
    const inserts: TaskRow[] = plans.flatMap(({ plan, state }) =>
      plan.tasks.flatMap((t) => (state.tasks[t.id] === undefined ? [] : [{ orderId: plan.orderId, task: state.tasks[t.id]!, inputs: state.tasks[t.id]!.inputsDigest }])),
    );
    const updates: TaskRow[] = [];
    const outputs: { orderId: string; taskId: string; output: string }[] = [];
    for (const c of batch.flatMap((b) => b.planChanges ?? [])) {
      const split = changedTasks(c);
      inserts.push(...split.inserts);
      updates.push(...split.updates);
      outputs.push(...split.outputs.map((o) => ({ orderId: c.orderId, ...o })));
    }
    await insertTasks(tx, inserts);
    await updateTasks(tx, updates);
    // Outputs of tasks that are not otherwise updated (none in the engine's own changes).
    if (outputs.length > 0) await tx.query(SET_OUTPUTS, [outputs.map((o) => o.orderId), outputs.map((o) => o.taskId), outputs.map((o) => o.output)]);
    if ([...inserts, ...updates].some((r) => dueAt(r.task) !== null)) tx.wake('tasks');
    return errors;
  },
};
