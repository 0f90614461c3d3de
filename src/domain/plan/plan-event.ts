import type { Plan } from './plan.js';

/** A southbound failure as the handler reported it. */
export interface TaskFailure {
  /** True when trying again may succeed (timeout, busy, 5xx); false when it never will. */
  readonly retryable: boolean;
  readonly code: string;
  /** The OSS/BSS system that failed (inventory, hlr, billing, ...). */
  readonly system: string;
  readonly text: string;
}

/** What one handler call ended with. */
export type TaskResult =
  | { readonly kind: 'completed'; readonly output: Readonly<Record<string, unknown>> }
  | { readonly kind: 'wait'; readonly until: number }
  | { readonly kind: 'failed'; readonly failure: TaskFailure }
  | { readonly kind: 'informationRequired'; readonly fieldPath: string; readonly text: string };

/**
 * Actions an operator may take on a task in fallout (fallout-and-ai.md §1.5); `release` ends the
 * review hold of an order routed to a specialist queue before provisioning.
 */
export const OPERATOR_ACTIONS = ['retry', 'skip', 'forceComplete', 'failItem', 'cancelOrder', 'release'] as const;
/** An operator action kind. */
export type OperatorActionKind = (typeof OPERATOR_ACTIONS)[number];

/** Something that happened to an order's plan; fed one at a time to the reducer. */
export type PlanEvent =
  | { readonly kind: 'outcome'; readonly taskId: string; readonly result: TaskResult }
  | { readonly kind: 'timerFired'; readonly taskId: string }
  | { readonly kind: 'cancel' }
  | { readonly kind: 'revision'; readonly plan: Plan }
  | {
      readonly kind: 'operatorAction';
      readonly taskId: string;
      readonly action: OperatorActionKind;
      readonly output?: Readonly<Record<string, unknown>>;
    };
