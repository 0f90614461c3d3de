import type { OrderState } from '../domain/order/order-state.js';
import type { TaskState } from '../domain/plan/task-state.js';
import type { TaskMode, TaskType } from '../domain/plan/task-type.js';
import type { SpecialistReview } from '../domain/routing/route-order.js';
import type { SpecialistQueue } from '../domain/routing/specialist-queue.js';
import type { FalloutActionEntry } from './fallout-action-log.js';
import type { Page } from './order-query.js';

/** Whether a fallout case still waits for an operator (its task is in fallout) or was dealt with. */
export const FALLOUT_CASE_STATUSES = ['open', 'resolved'] as const;
/** Status of a fallout case. */
export type FalloutCaseStatus = (typeof FALLOUT_CASE_STATUSES)[number];

/** One attempt of the failed task, as the engine recorded it. */
export interface FalloutAttempt {
  /** Attempt number since the task was last (re)started. */
  readonly attempt: number;
  /** When the attempt failed (ms since epoch). */
  readonly at: number;
  readonly retryable: boolean;
  readonly code: string;
  readonly system: string;
  readonly text: string;
}

/**
 * A fallout case: a provisioning task that failed permanently or ran out of retries, derived from
 * the task's row. Its id is `orderId:taskId`; a task that falls out again after a retry reopens it.
 */
export interface FalloutCase {
  readonly id: string;
  readonly orderId: string;
  readonly itemId: string;
  readonly taskId: string;
  readonly taskType: TaskType;
  readonly taskMode: TaskMode;
  /** The task's state now: `fallout` while open; done, skipped, failed, ready ... once dealt with. */
  readonly taskState: TaskState;
  readonly status: FalloutCaseStatus;
  /** The failure that opened the case. */
  readonly system: string;
  readonly errorCode: string;
  readonly errorText: string;
  /** False for a permanent failure, true when retries of a retryable one ran out. */
  readonly retryable: boolean;
  /** When the case opened (ms since epoch): the time of the failure that opened it. */
  readonly openedAt: number;
  /** Every failed attempt of the task, oldest first (earlier cases of the same task included). */
  readonly attempts: readonly FalloutAttempt[];
  /** The order's state as its plan derives it (held while a case is open). */
  readonly orderState: OrderState;
  /** Operator actions on this case and on its order, oldest first. */
  readonly actions: readonly FalloutActionEntry[];
  /**
   * Present when the case is the hold of an order routed to a specialist queue before provisioning
   * (a pre-emptive review, not a provisioning failure): queue, predicted cause, risks and factors.
   */
  readonly review?: SpecialistReview;
}

/** Filters and page of a fallout case list; results come newest case first. */
export interface FalloutCaseQuery {
  readonly status?: FalloutCaseStatus;
  readonly taskType?: TaskType;
  readonly system?: string;
  readonly errorCode?: string;
  readonly orderId?: string;
  /** Only review holds in this specialist queue. */
  readonly queue?: SpecialistQueue;
  readonly offset: number;
  readonly limit: number;
}

/** Reads fallout cases derived from the stored provisioning tasks. */
export interface FalloutCaseReader {
  /** A page of cases matching the query (newest first) with the number of matches. */
  list(query: FalloutCaseQuery): Promise<Page<FalloutCase>>;
  /** The case with this id (`orderId:taskId`), or undefined when the task never fell out. */
  get(id: string): Promise<FalloutCase | undefined>;
}
