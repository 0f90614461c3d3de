import { canTransition, checkTransitionTable, type TableDefect } from '../lifecycle/transition-table.js';

/**
 * Task lifecycle states. `ready` and `waiting` tasks are claimable once their wake time has come
 * (waiting = the handler asked to be called again later, e.g. on the appointment date).
 */
export const TASK_STATES = [
  'blocked',
  'ready',
  'running',
  'waiting',
  'pending',
  'fallout',
  'done',
  'skipped',
  'failed',
  'cancelled',
  'compensated',
] as const;
/** State of a provisioning task. */
export type TaskState = (typeof TASK_STATES)[number];

/** The task lifecycle as a table of allowed moves. */
export const TASK_TRANSITIONS = {
  blocked: ['ready', 'skipped', 'cancelled', 'failed'],
  ready: ['running', 'blocked', 'pending', 'cancelled', 'skipped', 'failed'],
  running: ['done', 'ready', 'waiting', 'pending', 'fallout', 'cancelled'],
  waiting: ['running', 'ready', 'cancelled', 'failed'],
  pending: ['ready', 'cancelled', 'failed'],
  fallout: ['ready', 'done', 'skipped', 'failed', 'cancelled'],
  done: ['compensated'],
  skipped: [],
  failed: [],
  cancelled: [],
  compensated: [],
} as const satisfies Record<TaskState, readonly TaskState[]>;

/** States a task never leaves except by compensation. */
export const FINAL_TASK_STATES: readonly TaskState[] = ['done', 'skipped', 'failed', 'cancelled', 'compensated'];

/** True when the task lifecycle allows the move. */
export function canMoveTask(from: TaskState, to: TaskState): boolean {
  return canTransition<TaskState, never>(TASK_TRANSITIONS, from, to);
}

/** True when the task will not run again. */
export function isFinalTaskState(s: TaskState): boolean {
  return FINAL_TASK_STATES.includes(s);
}

/** Checks the task table; run at start-up. */
export function checkTaskLifecycle(): TableDefect[] {
  return checkTransitionTable('task', TASK_STATES, TASK_TRANSITIONS, ['blocked', 'ready']);
}
