import type { ItemState, OrderState } from '../order/order-state.js';
import { applyCancel } from './cancellation.js';
import { deriveItemState, itemPath, orderPath as orderPathOf } from './derived-states.js';
import { applyOperatorAction } from './operator-action.js';
import { applyOutcome } from './outcome.js';
import type { PlanEvent } from './plan-event.js';
import { PlanDraft } from './plan-draft.js';
import type { PlanState } from './plan-state.js';
import { applyRevision } from './revision.js';
import type { Decision, ItemTransition, Reduction } from './reduction.js';
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
  const step = reduceStep(draft, events, ctx);
  return reductionOf(draft, step);
}

/** What one step of a draft did: tasks it made claimable now, derived state moves, its decision. */
export interface PlanStep {
  readonly ready: readonly string[];
  readonly items: readonly ItemTransition[];
  readonly orderPath: readonly OrderState[];
  readonly decision?: Decision;
}

/**
 * One step on a working copy that may take several (the engine's round): applies the events in
 * order, then derives item and order states from the states the previous step left. Pure: the
 * draft is the caller's local working copy.
 */
export function reduceStep(draft: PlanDraft, events: readonly PlanEvent[], ctx: ReduceContext): PlanStep {
  const first = draft.steps === 0;
  const cancellation = draft.cancellation;
  const revision = draft.revision;
  draft.beginStep();
  const policies = ctx.policies ?? TASK_POLICIES;
  for (const event of events) applyEvent(draft, event, policies, ctx.seed);
  // Later steps re-derive only the items whose tasks moved: the others would derive as before.
  const all = first || draft.cancellation !== cancellation || draft.revision !== revision;
  const { items, orderPath } = deriveStates(draft, all);
  const ready: string[] = [];
  for (const id of draft.stepChanged) {
    const t = draft.get(id);
    if (t.state === 'ready' && t.wakeAt !== null && t.wakeAt <= draft.now) ready.push(id);
  }
  return { ready, items, orderPath, ...(draft.decision === undefined ? {} : { decision: draft.decision }) };
}

/** The draft as an immutable plan state (the draft must not be changed afterwards). */
export function planStateOf(draft: PlanDraft): PlanState {
  return {
    orderId: draft.base.orderId,
    revision: draft.revision,
    items: draft.items,
    tasks: draft.tasks,
    itemStates: draft.itemStates,
    orderState: draft.orderState,
    cancellation: draft.cancellation,
  };
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

/**
 * Derives item states from their tasks and the order state from its items, and moves the draft's
 * to them: every item, or (`all` false) those with a task moved in this step.
 */
function deriveStates(draft: PlanDraft, all: boolean): { items: ItemTransition[]; orderPath: readonly OrderState[] } {
  let itemStates: Record<string, ItemState> | undefined = all ? {} : undefined;
  const items: ItemTransition[] = [];
  for (const item of draft.items) {
    if (!all && !movedIn(draft, item.itemId)) continue;
    const before = draft.itemStates[item.itemId] ?? 'acknowledged';
    const after = deriveItemState(draft.tasks, item.itemId, draft.cancellation, before);
    if (itemStates !== undefined) itemStates[item.itemId] = after;
    if (after === before) continue;
    itemStates ??= { ...draft.itemStates, [item.itemId]: after };
    const path = itemPath(before, after);
    if (path.length > 0) items.push({ itemId: item.itemId, path });
  }
  // With no item moved, a later step's order state derives as before.
  if (itemStates === undefined) return { items, orderPath: NO_PATH };
  const states = itemStates;
  const orderPath = orderPathOf(draft.orderState, draft.items.map((i) => states[i.itemId] as ItemState));
  draft.itemStates = states;
  draft.orderState = orderPath.at(-1) ?? draft.orderState;
  return { items, orderPath };
}

const NO_PATH: readonly OrderState[] = Object.freeze([]);

/** True when a task of this item moved in the draft's current step. */
function movedIn(draft: PlanDraft, itemId: string): boolean {
  for (const id of draft.stepChanged) if (draft.tasks[id]?.itemId === itemId) return true;
  return false;
}

/** Turns a one-step draft into a Reduction: the state reached and the commands. */
function reductionOf(draft: PlanDraft, step: PlanStep): Reduction {
  const changed = [...draft.changedIds].map((id) => draft.get(id));
  return {
    state: planStateOf(draft),
    changed,
    added: draft.added,
    outputs: draft.outputs,
    ready: step.ready,
    timers: changed
      .filter((t) => (t.state === 'ready' || t.state === 'waiting') && t.wakeAt !== null && t.wakeAt > draft.now)
      .map((t) => ({ taskId: t.id, wakeAt: t.wakeAt as number })),
    fallout: draft.fallout,
    informationRequired: draft.info,
    items: step.items,
    orderPath: step.orderPath,
    ...(step.decision === undefined ? {} : { decision: step.decision }),
  };
}
