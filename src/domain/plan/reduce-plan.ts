import type { ItemState } from '../order/order-state.js';
import { applyCancel } from './cancellation.js';
import { deriveItemState, itemPath, orderPath } from './derived-states.js';
import { applyOperatorAction } from './operator-action.js';
import { applyOutcome } from './outcome.js';
import type { PlanEvent } from './plan-event.js';
import { PlanDraft } from './plan-draft.js';
import type { PlanState, TaskRecord } from './plan-state.js';
import { applyRevision } from './revision.js';
import type { ItemTransition, Reduction } from './reduction.js';
import { TASK_POLICIES, type TaskPolicy } from './task-policy.js';
import type { TaskType } from './task-type.js';

/** What the reducer needs besides the state and the event: the time, a seed for jitter, the policies. */
export interface ReduceContext {
  readonly now: number;
  /** Mixed with each task's id and attempt to draw retry jitter deterministically. */
  readonly seed: number;
  readonly policies?: Readonly<Record<TaskType, TaskPolicy>>;
}

/**
 * The plan reducer: (state, event, now) -> next state plus the commands to carry out (tasks now
 * ready, timers, fallout cases, compensations, derived item and order states). Pure.
 */
export function reducePlan(state: PlanState, event: PlanEvent, ctx: ReduceContext): Reduction {
  return reducePlanEvents(state, [event], ctx);
}

/**
 * Several events of one order at the same `now`, applied in order to one working copy; states are
 * derived once at the end (the engine feeds a round's outcomes this way). The decision is the last one.
 */
export function reducePlanEvents(state: PlanState, events: readonly PlanEvent[], ctx: ReduceContext): Reduction {
  const draft = new PlanDraft(state, ctx.now);
  const policies = ctx.policies ?? TASK_POLICIES;
  for (const event of events) applyEvent(draft, event, policies, ctx.seed);
  return finish(draft);
}

function applyEvent(draft: PlanDraft, event: PlanEvent, policies: Readonly<Record<TaskType, TaskPolicy>>, seed: number): void {
  switch (event.kind) {
    case 'outcome':
      applyOutcome(draft, event.taskId, event.result, policies, seed);
      break;
    case 'timerFired': {
      const t = draft.tasks[event.taskId];
      if (t !== undefined && t.state === 'waiting') draft.move(t.id, 'ready');
      break;
    }
    case 'cancel':
      applyCancel(draft, policies);
      break;
    case 'revision':
      applyRevision(draft, event.plan, policies);
      break;
    case 'operatorAction':
      applyOperatorAction(draft, event, policies);
      break;
  }
}

/** Turns the draft into a Reduction: derives item and order states and lists the commands. */
function finish(draft: PlanDraft): Reduction {
  const base = draft.base;
  const byItem = new Map<string, TaskRecord[]>();
  for (const t of Object.values(draft.tasks)) {
    const list = byItem.get(t.itemId);
    if (list === undefined) byItem.set(t.itemId, [t]);
    else list.push(t);
  }
  const itemStates: Record<string, ItemState> = {};
  const items: ItemTransition[] = [];
  for (const item of draft.items) {
    const before = base.itemStates[item.itemId] ?? 'acknowledged';
    const after = deriveItemState(byItem.get(item.itemId) ?? [], draft.cancellation, before);
    itemStates[item.itemId] = after;
    const path = itemPath(before, after);
    if (path.length > 0) items.push({ itemId: item.itemId, path });
  }
  const path = orderPath(base.orderState, Object.values(itemStates));
  const changed = [...draft.changedIds].map((id) => draft.get(id));
  const state: PlanState = {
    orderId: base.orderId,
    revision: draft.revision,
    items: draft.items,
    tasks: draft.tasks,
    itemStates,
    orderState: path.at(-1) ?? base.orderState,
    cancellation: draft.cancellation,
  };
  return {
    state,
    changed,
    added: draft.added,
    outputs: draft.outputs,
    ready: changed.filter((t) => t.state === 'ready' && t.wakeAt !== null && t.wakeAt <= draft.now).map((t) => t.id),
    timers: changed
      .filter((t) => (t.state === 'ready' || t.state === 'waiting') && t.wakeAt !== null && t.wakeAt > draft.now)
      .map((t) => ({ taskId: t.id, wakeAt: t.wakeAt as number })),
    fallout: draft.fallout,
    informationRequired: draft.info,
    items,
    orderPath: path,
    ...(draft.decision === undefined ? {} : { decision: draft.decision }),
  };
}
