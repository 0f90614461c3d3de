import type { TaskResult } from './plan-event.js';
import type { PlanDraft } from './plan-draft.js';
import { backoffDelay, seededUnit, type TaskPolicy } from './task-policy.js';
import type { TaskType } from './task-type.js';

/** Applies a handler's result to a running task. A stale result (task no longer running) is ignored. */
export function applyOutcome(
  draft: PlanDraft,
  taskId: string,
  result: TaskResult,
  policies: Readonly<Record<TaskType, TaskPolicy>>,
  seed: number,
): void {
  const t = draft.tasks[taskId];
  if (t === undefined || t.state !== 'running') return;
  // Once the order is being cancelled, a forward task that did not complete has nothing left to achieve.
  if (draft.cancellation === 'accepted' && t.mode === 'do' && result.kind !== 'completed') {
    draft.move(taskId, 'cancelled');
    onTaskEnded(draft, taskId, policies);
    return;
  }
  switch (result.kind) {
    case 'completed':
      draft.move(taskId, 'done');
      draft.outputs.push({ taskId, output: result.output });
      onTaskEnded(draft, taskId, policies);
      return;
    case 'wait':
      draft.move(taskId, 'waiting', { wakeAt: result.until });
      return;
    case 'informationRequired':
      draft.move(taskId, 'pending');
      draft.info.push({ itemId: t.itemId, taskId, fieldPath: result.fieldPath, text: result.text });
      return;
    case 'failed':
      applyFailure(draft, taskId, result, policies[t.type], seed);
      return;
  }
}

/** Retry later while attempts remain and the failure is retryable; otherwise open a fallout case. */
function applyFailure(
  draft: PlanDraft,
  taskId: string,
  result: Extract<TaskResult, { kind: 'failed' }>,
  policy: TaskPolicy,
  seed: number,
): void {
  const t = draft.get(taskId);
  const attempt = t.attempt + 1;
  const record = { attempt, at: draft.now, ...result.failure };
  const history = [...t.history, record];
  if (result.failure.retryable && attempt < policy.maxAttempts) {
    const delay = backoffDelay(policy, attempt, seededUnit(seed, `${draft.base.orderId}:${taskId}:${history.length}`));
    draft.move(taskId, 'ready', { attempt, history, wakeAt: draft.now + delay });
    return;
  }
  draft.move(taskId, 'fallout', { attempt, history });
  draft.fallout.push({
    orderId: draft.base.orderId,
    itemId: t.itemId,
    taskId,
    taskType: t.type,
    failure: result.failure,
    attempts: history,
  });
}

/**
 * A task ended (done, skipped, cancelled, failed): release its dependents, mark the original of a
 * finished undo as compensated, and skip the undo of a task that ended without effect (unless its
 * type leaves effects before it is done: `undoWhenStopped`).
 */
export function onTaskEnded(draft: PlanDraft, taskId: string, policies: Readonly<Record<TaskType, TaskPolicy>>): void {
  const t = draft.get(taskId);
  if (t.mode === 'undo' && t.compensates !== undefined && t.state === 'done') {
    const original = draft.tasks[t.compensates];
    if (original !== undefined && original.state === 'done') draft.move(original.id, 'compensated');
  }
  if (t.mode === 'do' && t.state !== 'done' && !policies[t.type].undoWhenStopped) {
    for (const u of Object.values(draft.tasks)) {
      if (u.mode === 'undo' && u.compensates === taskId && (u.state === 'blocked' || u.state === 'ready')) {
        draft.move(u.id, 'skipped');
        onTaskEnded(draft, u.id, policies);
      }
    }
  }
  draft.release(taskId);
}
