import type { ItemState, OrderState } from '../order/order-state.js';
import type { TaskFailure } from './plan-event.js';
import type { PlanTask } from './plan.js';
import type { AttemptRecord, PlanState, TaskRecord } from './plan-state.js';

/** A fallout case to open: the task cannot continue without a person (item and order go `held`). */
export interface FalloutCaseToOpen {
  readonly orderId: string;
  readonly itemId: string;
  readonly taskId: string;
  readonly taskType: string;
  readonly failure: TaskFailure;
  readonly attempts: readonly AttemptRecord[];
}

/** The plan asks the customer or the channel for information (order goes `pending`). */
export interface InformationRequest {
  readonly itemId: string;
  readonly taskId: string;
  readonly fieldPath: string;
  readonly text: string;
}

/** A decision the reducer returns on a request it may refuse (cancel, revision, operator action). */
export type Decision =
  | { readonly kind: 'accepted'; readonly penaltyTaskIds: readonly string[] }
  | { readonly kind: 'denied'; readonly code: DenialCode; readonly text: string; readonly itemIds: readonly string[] };

/** Why a request on a plan was refused. */
export const DENIAL_CODES = ['PAST_POINT_OF_NO_RETURN', 'ACTION_NOT_ALLOWED', 'UNKNOWN_TASK', 'PLAN_FINAL'] as const;
/** A refusal code. */
export type DenialCode = (typeof DENIAL_CODES)[number];

/** A state change of an item, as the lifecycle path it took (each step an allowed move). */
export interface ItemTransition {
  readonly itemId: string;
  readonly path: readonly ItemState[];
}

/** The next plan state and the commands for the engine, as data. */
export interface Reduction {
  readonly state: PlanState;
  /** Tasks whose record changed (write them). */
  readonly changed: readonly TaskRecord[];
  /** Tasks added to the plan (undo and redo tasks, new revision tasks), with their inputs. */
  readonly added: readonly PlanTask[];
  /** Task outputs to store (completed or force-completed tasks). */
  readonly outputs: readonly { readonly taskId: string; readonly output: Readonly<Record<string, unknown>> }[];
  /** Tasks that became claimable now. */
  readonly ready: readonly string[];
  /** Tasks to wake later. */
  readonly timers: readonly { readonly taskId: string; readonly wakeAt: number }[];
  readonly fallout: readonly FalloutCaseToOpen[];
  readonly informationRequired: readonly InformationRequest[];
  readonly items: readonly ItemTransition[];
  /** The order's lifecycle path, empty when its state did not change. */
  readonly orderPath: readonly OrderState[];
  readonly decision?: Decision;
}
