import { canTransition, checkTransitionTable, type TableDefect } from '../lifecycle/transition-table.js';

/** Port order states (porting.md §6.1). */
export const PORT_STATES = [
  'DRAFT',
  'VALIDATING',
  'AWAITING_AUTHORIZATION',
  'READY',
  'SUBMITTED',
  'DELAYED',
  'REJECTED',
  'FOC_CONFIRMED',
  'SCHEDULED',
  'CONFLICT',
  'ACTIVATING',
  'PORTED',
  'PARTIALLY_PORTED',
  'ACTIVATION_FAILED',
  'COMPLETED',
  'CANCEL_PENDING',
  'CANCELLED',
  'ABANDONED',
  'SNAPBACK_IN_PROGRESS',
  'RESTORED',
] as const;
/** A port order state. */
export type PortState = (typeof PORT_STATES)[number];

/**
 * The port order lifecycle (§6.2, T01-T37); `prior` is the cancel-undo return to the remembered state.
 * Beyond the table: a request never sent (DRAFT, AWAITING_AUTHORIZATION, READY) is withdrawn by a
 * cancel straight to CANCELLED, with nothing sent.
 */
export const PORT_TRANSITIONS = {
  DRAFT: ['VALIDATING', 'CANCELLED'],
  VALIDATING: ['DRAFT', 'AWAITING_AUTHORIZATION', 'READY'],
  AWAITING_AUTHORIZATION: ['READY', 'CANCELLED'],
  READY: ['SUBMITTED', 'CANCELLED'],
  SUBMITTED: ['FOC_CONFIRMED', 'REJECTED', 'DELAYED', 'CANCEL_PENDING'],
  DELAYED: ['FOC_CONFIRMED', 'REJECTED', 'CANCEL_PENDING'],
  REJECTED: ['SUBMITTED', 'CANCELLED', 'ABANDONED'],
  FOC_CONFIRMED: ['SCHEDULED', 'CONFLICT', 'SUBMITTED', 'CANCEL_PENDING', 'REJECTED', 'ABANDONED'],
  SCHEDULED: ['CONFLICT', 'SUBMITTED', 'ACTIVATING', 'CANCEL_PENDING', 'REJECTED', 'ABANDONED'],
  CONFLICT: ['SCHEDULED', 'FOC_CONFIRMED', 'CANCELLED', 'SUBMITTED', 'CANCEL_PENDING'],
  ACTIVATING: ['PORTED', 'PARTIALLY_PORTED', 'ACTIVATION_FAILED'],
  PORTED: ['COMPLETED', 'SNAPBACK_IN_PROGRESS'],
  PARTIALLY_PORTED: ['ACTIVATING', 'PORTED'],
  ACTIVATION_FAILED: ['ACTIVATING'],
  COMPLETED: ['SNAPBACK_IN_PROGRESS'],
  CANCEL_PENDING: ['CANCELLED', 'CONFLICT', 'prior'],
  CANCELLED: [],
  ABANDONED: [],
  SNAPBACK_IN_PROGRESS: ['RESTORED'],
  RESTORED: [],
} as const satisfies Record<PortState, readonly (PortState | 'prior')[]>;

/** Terminal port states. */
export const FINAL_PORT_STATES = ['COMPLETED', 'CANCELLED', 'ABANDONED', 'RESTORED'] as const satisfies readonly PortState[];

/** States from which cancel-undo may return (the states a cancel of ours may start from). */
export const CANCELLABLE_STATES = ['SUBMITTED', 'DELAYED', 'FOC_CONFIRMED', 'SCHEDULED', 'CONFLICT'] as const satisfies readonly PortState[];

/** True when the port lifecycle allows the move (`prior` checks the remembered state of a cancel). */
export function canMovePort(from: PortState, to: PortState | 'prior'): boolean {
  return canTransition<PortState, 'prior'>(PORT_TRANSITIONS, from, to);
}

/** True for a terminal port state. */
export function isFinalPortState(s: PortState): boolean {
  return (FINAL_PORT_STATES as readonly PortState[]).includes(s);
}

/** Checks the port table; run at start-up. */
export function checkPortLifecycle(): TableDefect[] {
  return checkTransitionTable('portRequest', PORT_STATES, PORT_TRANSITIONS, ['DRAFT'], ['prior']);
}

/** Per-TN line states (§5.2). */
export const LINE_STATES = [
  'NEW',
  'VALIDATED',
  'NOT_PORTABLE',
  'REQUESTED',
  'CONFIRMED',
  'REJECTED',
  'SV_PENDING',
  'SV_CONFLICT',
  'SV_CANCEL_PENDING',
  'ACTIVATING',
  'ACTIVE',
  'ACTIVE_BROADCAST_PARTIAL',
  'ACTIVATION_FAILED',
  'REMOVED',
  'CANCELLED',
  'SNAPPED_BACK',
] as const;
/** A per-TN line state. */
export type LineState = (typeof LINE_STATES)[number];

/** Subscription-version statuses in the clearinghouse (§7). */
export const SV_STATUSES = [
  'pending',
  'conflict',
  'cancel-pending',
  'canceled',
  'sending',
  'active',
  'partial-failure',
  'failed',
  'old',
  'disconnect-pending',
] as const;
/** A subscription-version status. */
export type SvStatus = (typeof SV_STATUSES)[number];

/** TMF622 order-item state a port state rolls up to (§5.1). */
export const PORT_STATE_TO_ITEM_STATE = {
  DRAFT: 'acknowledged',
  VALIDATING: 'acknowledged',
  AWAITING_AUTHORIZATION: 'pending',
  READY: 'inProgress',
  SUBMITTED: 'inProgress',
  DELAYED: 'held',
  REJECTED: 'held',
  FOC_CONFIRMED: 'inProgress',
  SCHEDULED: 'inProgress',
  CONFLICT: 'held',
  ACTIVATING: 'inProgress',
  PORTED: 'inProgress',
  PARTIALLY_PORTED: 'partial',
  ACTIVATION_FAILED: 'failed',
  COMPLETED: 'completed',
  CANCEL_PENDING: 'pendingCancellation',
  CANCELLED: 'cancelled',
  ABANDONED: 'cancelled',
  SNAPBACK_IN_PROGRESS: 'inProgress',
  RESTORED: 'failed',
} as const satisfies Record<PortState, string>;
