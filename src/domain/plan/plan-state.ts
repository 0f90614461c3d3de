import type { ItemState, OrderState } from '../order/order-state.js';
import { inputsDigest, type Plan, type PlanItem, type PlanTask } from './plan.js';
import type { TaskState } from './task-state.js';
import type { TaskMode, TaskType } from './task-type.js';

/** One failed attempt, kept for the fallout case. */
export interface AttemptRecord {
  readonly attempt: number;
  readonly at: number;
  readonly code: string;
  readonly system: string;
  readonly text: string;
}

/** A task as the reducer tracks it (inputs stay in the store; only their digest is kept here). */
export interface TaskRecord {
  readonly id: string;
  readonly type: TaskType;
  readonly itemId: string;
  readonly mode: TaskMode;
  readonly dependsOn: readonly string[];
  readonly compensates?: string;
  readonly state: TaskState;
  /** Failed attempts so far (reset by an operator retry; history keeps them all). */
  readonly attempt: number;
  /** When a ready/waiting task may be claimed (ms since epoch), else null. */
  readonly wakeAt: number | null;
  readonly inputsDigest: string;
  readonly history: readonly AttemptRecord[];
}

/** Whether the order is being cancelled (then every item ends `cancelled`). */
export const CANCELLATION_STATES = ['none', 'accepted'] as const;
/** Cancellation status of a plan. */
export type CancellationState = (typeof CANCELLATION_STATES)[number];

/** Everything the reducer needs to decide the next step of one order. */
export interface PlanState {
  readonly orderId: string;
  readonly revision: number;
  readonly items: readonly PlanItem[];
  readonly tasks: Readonly<Record<string, TaskRecord>>;
  readonly itemStates: Readonly<Record<string, ItemState>>;
  readonly orderState: OrderState;
  readonly cancellation: CancellationState;
}

const NO_ATTEMPTS: readonly AttemptRecord[] = Object.freeze([]);

/** A new task record for a plan task, blocked until its dependencies end (ready at `now` if none). */
export function newTaskRecord(task: PlanTask, now: number, digest: string = inputsDigest(task.inputs)): TaskRecord {
  const ready = task.dependsOn.length === 0;
  const state = ready ? 'ready' : 'blocked';
  const wakeAt = ready ? now : null;
  const { id, type, itemId, mode, dependsOn, compensates } = task;
  return compensates === undefined
    ? { id, type, itemId, mode, dependsOn, state, attempt: 0, wakeAt, inputsDigest: digest, history: NO_ATTEMPTS }
    : { id, type, itemId, mode, dependsOn, compensates, state, attempt: 0, wakeAt, inputsDigest: digest, history: NO_ATTEMPTS };
}

/**
 * The starting state of a freshly planned order. Items wait `acknowledged`; when information is
 * missing, no task is ready and the affected items are `pending`.
 */
export function initialPlanState(plan: Plan, now: number): PlanState {
  const blockedItems = new Set<string>();
  for (const m of plan.missing) blockedItems.add(m.itemId);
  const tasks: Record<string, TaskRecord> = {};
  // Tasks of one item usually share one inputs object: digest it once.
  const digests = new Map<object, string>();
  for (const t of plan.tasks) {
    let digest = digests.get(t.inputs);
    if (digest === undefined) digests.set(t.inputs, (digest = inputsDigest(t.inputs)));
    const rec = newTaskRecord(t, now, digest);
    tasks[t.id] = blockedItems.has(t.itemId) && rec.state === 'ready' ? { ...rec, state: 'pending', wakeAt: null } : rec;
  }
  const itemStates: Record<string, ItemState> = {};
  for (const i of plan.items) itemStates[i.itemId] = blockedItems.has(i.itemId) ? 'pending' : 'acknowledged';
  return {
    orderId: plan.orderId,
    revision: plan.revision,
    items: plan.items,
    tasks,
    itemStates,
    orderState: plan.missing.length > 0 ? 'pending' : 'acknowledged',
    cancellation: 'none',
  };
}
