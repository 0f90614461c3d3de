import type { DueSpec } from './port-kind.js';
import type { PostPortCheck, ReadinessStep } from './port-request.js';
import type { SupplementChanges } from './supplement-changes.js';

/** What a coordinator (or the order flow) asks of a port request; each is guarded (§15.8). */
export type CoordinatorAction =
  | { readonly type: 'validate'; readonly pinRequired: boolean; readonly tnsInOtherOpenOrders: readonly string[] }
  | { readonly type: 'loaSigned'; readonly signer: string; readonly signedAt: string }
  | { readonly type: 'submit' }
  /** Resend the current version unchanged (same idempotency key). */
  | { readonly type: 'resend' }
  | { readonly type: 'correct'; readonly changes: SupplementChanges; readonly overrideNote?: string }
  | { readonly type: 'changeDueDate'; readonly due: DueSpec; readonly overrideNote?: string }
  | { readonly type: 'cancel'; readonly overrideNote?: string }
  | { readonly type: 'cancelUndo' }
  | { readonly type: 'acknowledgeCancel' }
  | { readonly type: 'disputeCancel'; readonly note: string }
  | { readonly type: 'removeFromConflict'; readonly tn: string; readonly contactLogged: boolean; readonly overrideNote?: string }
  | { readonly type: 'activate' }
  | { readonly type: 'resendActivation' }
  | { readonly type: 'splitOff'; readonly tns: readonly string[] }
  | { readonly type: 'readinessDone'; readonly step: ReadinessStep; readonly tns?: readonly string[] }
  | { readonly type: 'postPortCheckPassed'; readonly check: PostPortCheck }
  | { readonly type: 'requestSnapback'; readonly reason: string };

/** Action types, for runtime checks of API input. */
export const COORDINATOR_ACTION_TYPES = [
  'validate', 'loaSigned', 'submit', 'resend', 'correct', 'changeDueDate', 'cancel', 'cancelUndo', 'acknowledgeCancel',
  'disputeCancel', 'removeFromConflict', 'activate', 'resendActivation', 'splitOff', 'readinessDone', 'postPortCheckPassed',
  'requestSnapback',
] as const satisfies readonly CoordinatorAction['type'][];
