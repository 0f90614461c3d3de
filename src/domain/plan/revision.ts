import { isFinalItemState } from '../order/order-state.js';
import { NOT_STARTED, compensate, leftEffects, pastHardPonr } from './cancellation.js';
import { onTaskEnded } from './outcome.js';
import type { PlanDraft } from './plan-draft.js';
import { inputsDigest, type Plan, type PlanTask } from './plan.js';
import type { TaskRecord } from './plan-state.js';
import type { TaskPolicy } from './task-policy.js';
import type { TaskType } from './task-type.js';

type Policies = Readonly<Record<TaskType, TaskPolicy>>;

/** The plan id a live task was created from (redo tasks carry a `~r<revision>` suffix). */
export function planIdOf(taskId: string): string {
  const i = taskId.indexOf('~');
  return i < 0 ? taskId : taskId.slice(0, i);
}

/** The difference between the running plan and a revised one, by plan task id and input digest. */
export interface PlanDiff {
  /** Live forward task per plan id. */
  readonly live: ReadonlyMap<string, TaskRecord>;
  readonly removed: readonly TaskRecord[];
  readonly changed: readonly TaskRecord[];
  readonly added: readonly PlanTask[];
}

/** Compares the live forward tasks with the revised plan. */
export function diffPlan(tasks: Readonly<Record<string, TaskRecord>>, next: Plan): PlanDiff {
  const live = new Map<string, TaskRecord>();
  for (const t of Object.values(tasks)) {
    if (t.mode === 'do' && t.state !== 'cancelled' && t.state !== 'compensated') live.set(planIdOf(t.id), t);
  }
  const nextById = new Map(next.tasks.map((t) => [t.id, t]));
  const removed: TaskRecord[] = [];
  const changed: TaskRecord[] = [];
  for (const [pid, t] of live) {
    const n = nextById.get(pid);
    if (n === undefined) removed.push(t);
    else if (n.type !== t.type || inputsDigest(n.inputs) !== t.inputsDigest) changed.push(t);
  }
  return { live, removed, changed, added: next.tasks.filter((t) => !live.has(t.id)) };
}

/**
 * Applies an in-flight revision: tasks not started are dropped or re-planned, done tasks that the
 * revision removes or changes are compensated, and changed ones are redone under a new id (so a
 * new idempotency key) once their undo has run. Unchanged work is kept. Denied past a hard PONR.
 */
export function applyRevision(draft: PlanDraft, next: Plan, policies: Policies): void {
  if (draft.cancellation === 'accepted' || Object.values(draft.itemStates).every(isFinalItemState)) {
    draft.decision = { kind: 'denied', code: 'PLAN_FINAL', text: 'The order is ended or being cancelled.', itemIds: [] };
    return;
  }
  const diff = diffPlan(draft.tasks, next);
  const touched = [...diff.removed, ...diff.changed];
  const hard = pastHardPonr(touched, policies);
  if (hard.length > 0) {
    const text = `The revision changes work past the point of no return: ${hard.map((t) => t.type).join(', ')}.`;
    draft.decision = { kind: 'denied', code: 'PAST_POINT_OF_NO_RETURN', text, itemIds: [...new Set(hard.map((t) => t.itemId))] };
    return;
  }
  const started = touched.filter((t) => t.state === 'done' || t.state === 'running').map((t) => t.id);
  const undoIds = compensate(draft, touched.filter((t) => leftEffects(t, policies)).map((t) => t.id), policies);
  const undoOf = new Map(undoIds.map((u) => [draft.get(u).compensates as string, u]));
  for (const t of touched) if (NOT_STARTED.has(t.state)) draft.move(t.id, 'cancelled');
  draft.revision = next.revision;
  draft.items = next.items;
  addRevisedTasks(draft, next, diff, undoOf);
  draft.decision = { kind: 'accepted', penaltyTaskIds: started.filter((id) => policies[draft.get(id).type].ponr === 'soft') };
  for (const t of touched) if (draft.get(t.id).state === 'cancelled') onTaskEnded(draft, t.id, policies);
}

/** Adds new and redo tasks and points unstarted unchanged tasks at the ids now carrying each plan task. */
function addRevisedTasks(draft: PlanDraft, next: Plan, diff: PlanDiff, undoOf: Map<string, string>): void {
  const missing = new Set(next.missing.map((m) => m.itemId));
  const redo = new Set([...diff.changed.map((t) => planIdOf(t.id)), ...diff.added.map((t) => t.id)]);
  const idFor = new Map<string, string>();
  for (const task of next.tasks) {
    const live = diff.live.get(task.id);
    idFor.set(task.id, redo.has(task.id) ? freeId(draft, task.id, next.revision) : (live?.id ?? task.id));
  }
  const mapDeps = (deps: readonly string[]): string[] => deps.map((d) => idFor.get(d) ?? d);
  const fresh: PlanTask[] = [];
  for (const task of next.tasks) {
    const id = idFor.get(task.id) as string;
    if (redo.has(task.id)) {
      const undo = diff.live.has(task.id) ? undoOf.get((diff.live.get(task.id) as TaskRecord).id) : undefined;
      fresh.push({ ...task, id, dependsOn: [...mapDeps(task.dependsOn), ...(undo === undefined ? [] : [undo])] });
      continue;
    }
    const live = draft.get(id);
    if (live.state === 'blocked' || live.state === 'ready') draft.move(id, 'blocked', { dependsOn: mapDeps(task.dependsOn) });
    else if (live.state === 'pending' && !missing.has(task.itemId)) draft.move(id, 'ready');
  }
  for (const task of fresh) draft.add(task);
  draft.settle(Object.keys(draft.tasks));
  for (const task of fresh) {
    if (missing.has(task.itemId) && draft.get(task.id).state === 'ready') draft.move(task.id, 'pending');
  }
}

/** The plan id itself when unused, else the id suffixed with the revision. */
function freeId(draft: PlanDraft, planId: string, revision: number): string {
  if (draft.tasks[planId] === undefined) return planId;
  let id = `${planId}~r${revision}`;
  for (let n = 2; draft.tasks[id] !== undefined; n++) id = `${planId}~r${revision}.${n}`;
  return id;
}
