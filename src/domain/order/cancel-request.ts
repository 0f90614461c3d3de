import { canTransition, checkTransitionTable, type TableDefect } from '../lifecycle/transition-table.js';

/** TMF622 v4 TaskStateType of the cancelProductOrder task. */
export const CANCEL_STATES = ['acknowledged', 'inProgress', 'done', 'terminatedWithError'] as const;
/** State of a cancel request. */
export type CancelState = (typeof CANCEL_STATES)[number];

/** The cancel task lifecycle. */
export const CANCEL_TRANSITIONS = {
  acknowledged: ['inProgress'],
  inProgress: ['done', 'terminatedWithError'],
  done: [],
  terminatedWithError: [],
} as const satisfies Record<CancelState, readonly CancelState[]>;

/** A request to cancel a product order (the TMF622 cancelProductOrder task resource). */
export interface CancelRequest {
  readonly id: string;
  readonly version: number;
  readonly orderId: string;
  readonly state: CancelState;
  readonly createdAt: string;
  readonly cancellationReason?: string;
  readonly requestedCancellationDate?: string;
  readonly effectiveCancellationDate?: string;
  /** Why the cancellation was denied, when it ended terminatedWithError. */
  readonly errorMessage?: string;
  readonly extra: Readonly<Record<string, unknown>>;
}

/** True when the cancel lifecycle allows the move. */
export function canMoveCancel(from: CancelState, to: CancelState): boolean {
  return canTransition<CancelState, never>(CANCEL_TRANSITIONS, from, to);
}

/** True when the cancel request has ended. */
export function isFinalCancelState(s: CancelState): boolean {
  return s === 'done' || s === 'terminatedWithError';
}

/** Checks the cancel table; run at start-up. */
export function checkCancelLifecycle(): TableDefect[] {
  return checkTransitionTable('cancelProductOrder', CANCEL_STATES, CANCEL_TRANSITIONS, ['acknowledged']);
}
