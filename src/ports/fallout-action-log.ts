import type { OperatorActionKind } from '../domain/plan/plan-event.js';

/** How the plan answered an operator action. */
export const FALLOUT_ACTION_OUTCOMES = ['accepted', 'denied'] as const;
/** Outcome of a recorded operator action. */
export type FalloutActionOutcome = (typeof FALLOUT_ACTION_OUTCOMES)[number];

/** One operator action on a fallout case or an order, with who took it, why and what came of it. */
export interface FalloutActionEntry {
  readonly id: string;
  readonly orderId: string;
  /** The case acted on; null for an order-level action (operator cancel). */
  readonly caseId: string | null;
  readonly taskId: string | null;
  readonly action: OperatorActionKind;
  readonly operator: string;
  readonly reason: string;
  /** When the action was taken (ms since epoch). */
  readonly at: number;
  readonly outcome: FalloutActionOutcome;
  /** The refusal text, or what the action set off (e.g. penalty tasks); null when nothing to add. */
  readonly detail: string | null;
}

/** The append-only log of operator actions on fallout cases and orders (the workbench audit trail). */
export interface FalloutActionLog {
  /** Appends one action to the log. */
  record(entry: FalloutActionEntry): Promise<void>;
}
