import { applyCancel, compensate, stoppedWithEffect } from './cancellation.js';
import { onTaskEnded } from './outcome.js';
import type { PlanEvent } from './plan-event.js';
import type { PlanDraft } from './plan-draft.js';
import type { TaskPolicy } from './task-policy.js';
import type { TaskType } from './task-type.js';

type Policies = Readonly<Record<TaskType, TaskPolicy>>;
type OperatorEvent = Extract<PlanEvent, { kind: 'operatorAction' }>;

/** Task states an operator may act on (a fallout case or a request for information). */
const ACTIONABLE = new Set(['fallout', 'pending']);

/**
 * Applies an operator's action on a task: retry (same idempotency key, fresh attempt budget), skip
 * (only skippable types), force-complete with an output, fail the item, cancel the order, or
 * release an order held for specialist review (its plan proceeds).
 */
export function applyOperatorAction(draft: PlanDraft, event: OperatorEvent, policies: Policies): void {
  const t = draft.tasks[event.taskId];
  if (t === undefined) {
    draft.decision = { kind: 'denied', code: 'UNKNOWN_TASK', text: `No task ${event.taskId} in this order.`, itemIds: [] };
    return;
  }
  if (event.action === 'cancelOrder') return applyCancel(draft, policies);
  const deny = (text: string): void => {
    draft.decision = { kind: 'denied', code: 'ACTION_NOT_ALLOWED', text, itemIds: [t.itemId] };
  };
  switch (event.action) {
    case 'retry':
      if (!ACTIONABLE.has(t.state)) return deny(`Task ${t.id} is ${t.state}; only a task in fallout or pending can be retried.`);
      draft.move(t.id, 'ready', { attempt: 0 });
      break;
    case 'skip':
      if (!policies[t.type].skippable) return deny(`Task type ${t.type} may not be skipped.`);
      if (!ACTIONABLE.has(t.state) && t.state !== 'blocked' && t.state !== 'ready') return deny(`Task ${t.id} is ${t.state}.`);
      draft.move(t.id, 'skipped');
      onTaskEnded(draft, t.id, policies);
      break;
    case 'forceComplete':
      if (!ACTIONABLE.has(t.state)) return deny(`Task ${t.id} is ${t.state}; only a task in fallout or pending can be force-completed.`);
      draft.move(t.id, 'done');
      draft.outputs.push({ taskId: t.id, output: event.output ?? { forcedByOperator: true } });
      onTaskEnded(draft, t.id, policies);
      break;
    case 'failItem': {
      // the call may be making the port request right now: its undo could miss it
      const inFlight = Object.values(draft.tasks).find((x) => x.itemId === t.itemId && x.state === 'running' && stoppedWithEffect(x, policies));
      if (inFlight !== undefined) return deny(`Task ${inFlight.id} (${inFlight.type}) is running; fail the item once its call has returned.`);
      failItem(draft, t.itemId, policies);
      break;
    }
    case 'release':
      if (t.type !== 'specialist-review') return deny(`Task ${t.id} is ${t.type}, not a specialist review hold; retry or force-complete it instead.`);
      if (t.state !== 'fallout') return deny(`The review hold ${t.id} is ${t.state}; only a held order can be released.`);
      draft.move(t.id, 'done');
      draft.outputs.push({ taskId: t.id, output: event.output ?? { releasedByOperator: true } });
      onTaskEnded(draft, t.id, policies);
      break;
  }
  draft.decision = { kind: 'accepted', penaltyTaskIds: [] };
}

/**
 * Fails an item: its open tasks fail or stop, and every task depending on them (other items too)
 * fails. Done work stays; a stopped task whose type undoes what its calls left (a port-in's request
 * at the carrier) gets its undo.
 */
function failItem(draft: PlanDraft, itemId: string, policies: Policies): void {
  const open = Object.values(draft.tasks).filter((t) => t.itemId === itemId && t.mode === 'do');
  compensate(draft, open.filter((t) => stoppedWithEffect(t, policies)).map((t) => t.id), policies);
  for (const t of open) {
    if (t.state === 'running') draft.move(t.id, 'cancelled');
    else if (t.state === 'blocked' || t.state === 'ready' || t.state === 'waiting' || t.state === 'pending' || t.state === 'fallout') {
      draft.move(t.id, 'failed');
    }
  }
  for (const t of open) if (draft.get(t.id).state === 'failed') draft.failDependents(t.id);
}
