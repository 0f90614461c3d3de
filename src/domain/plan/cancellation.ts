import { isFinalItemState } from '../order/order-state.js';
import type { PlanDraft } from './plan-draft.js';
import type { PlanTask } from './plan.js';
import type { TaskRecord } from './plan-state.js';
import type { TaskPolicy } from './task-policy.js';
import type { TaskType } from './task-type.js';

type Policies = Readonly<Record<TaskType, TaskPolicy>>;

/** Forward tasks that have not started and can simply be dropped. */
export const NOT_STARTED = new Set(['blocked', 'ready', 'waiting', 'pending', 'fallout']);

/** States of a forward task that may already have acted outside without being done. */
const MAY_HAVE_ACTED = new Set(['ready', 'running', 'waiting', 'pending', 'fallout']);

/**
 * True for a forward task, not done, whose type undoes what its calls left when it is stopped
 * (`undoWhenStopped`), once it may have been called: its undo must run when it stops.
 */
export function stoppedWithEffect(t: TaskRecord, policies: Policies): boolean {
  return t.mode === 'do' && policies[t.type].undoWhenStopped && MAY_HAVE_ACTED.has(t.state);
}

/** A forward task an undo must follow when the order is cancelled or the task revised away: done, running, or stopped with effect. */
export function leftEffects(t: TaskRecord, policies: Policies): boolean {
  return t.state === 'done' || t.state === 'running' || stoppedWithEffect(t, policies);
}

/** Done (or running) forward tasks past a hard point of no return. */
export function pastHardPonr(tasks: readonly TaskRecord[], policies: Policies): TaskRecord[] {
  return tasks.filter((t) => t.mode === 'do' && (t.state === 'done' || t.state === 'running') && policies[t.type].ponr === 'hard');
}

/**
 * Cancels the whole order: denied when an item is past a hard point of no return; otherwise drops
 * every task not yet started and compensates done (and running) ones in reverse dependency order,
 * and stopped ones whose type undoes what they left (a port-in's request at the carrier).
 * Soft points of no return are accepted and reported as penalties.
 */
export function applyCancel(draft: PlanDraft, policies: Policies): void {
  if (draft.cancellation === 'accepted') {
    draft.decision = { kind: 'accepted', penaltyTaskIds: [] };
    return;
  }
  if (Object.values(draft.itemStates).every(isFinalItemState)) {
    draft.decision = { kind: 'denied', code: 'PLAN_FINAL', text: 'The order has already ended.', itemIds: [] };
    return;
  }
  const forward = Object.values(draft.tasks).filter((t) => t.mode === 'do');
  const hard = pastHardPonr(forward, policies);
  if (hard.length > 0) {
    const itemIds = [...new Set(hard.map((t) => t.itemId))];
    const text = `Past the point of no return: ${hard.map((t) => `${t.type} of item ${t.itemId}`).join(', ')}.`;
    draft.decision = { kind: 'denied', code: 'PAST_POINT_OF_NO_RETURN', text, itemIds };
    return;
  }
  draft.cancellation = 'accepted';
  const penaltyTaskIds = forward.filter((t) => t.state === 'done' && policies[t.type].ponr === 'soft').map((t) => t.id);
  draft.decision = { kind: 'accepted', penaltyTaskIds };
  compensate(draft, forward.filter((t) => leftEffects(t, policies)).map((t) => t.id), policies);
  for (const t of forward) if (NOT_STARTED.has(t.state)) draft.move(t.id, 'cancelled');
}

/**
 * Adds undo tasks for `targets` in reverse dependency order: the undo of a task waits for the undos
 * of every target that depended on it (through tasks that need no undo as well), and for the task
 * itself when it is still running.
 */
export function compensate(draft: PlanDraft, targets: readonly string[], policies: Policies): string[] {
  const set = new Set(targets);
  const undoId = new Map<string, string>();
  for (const id of targets) {
    const t = draft.get(id);
    if (policies[t.type].compensation !== 'undo') continue;
    let uid = `${id}~undo`;
    for (let n = 2; draft.tasks[uid] !== undefined; n++) uid = `${id}~undo${n}`;
    undoId.set(id, uid);
  }
  const undoDeps = (id: string, seen: Set<string>): string[] => {
    const out: string[] = [];
    for (const d of draft.dependents(id)) {
      if (d.mode !== 'do' || !set.has(d.id) || seen.has(d.id)) continue;
      seen.add(d.id);
      const u = undoId.get(d.id);
      if (u !== undefined) out.push(u);
      else out.push(...undoDeps(d.id, seen));
    }
    return out;
  };
  const added: PlanTask[] = [];
  for (const [id, uid] of undoId) {
    const t = draft.get(id);
    const deps = undoDeps(id, new Set());
    if (t.state === 'running') deps.push(id);
    added.push({ id: uid, type: t.type, itemId: t.itemId, mode: 'undo', dependsOn: deps, inputs: {}, compensates: id });
  }
  for (const task of added) draft.add(task);
  draft.settle(added.map((t) => t.id));
  return added.map((t) => t.id);
}
