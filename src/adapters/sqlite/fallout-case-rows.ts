import type { OrderState } from '../../domain/order/order-state.js';
import type { TaskPolicy } from '../../domain/plan/task-policy.js';
import type { TaskState } from '../../domain/plan/task-state.js';
import type { TaskMode, TaskType } from '../../domain/plan/task-type.js';
import { reviewOfInputs } from '../../domain/routing/review-hold.js';
import type { FalloutActionEntry } from '../../ports/fallout-action-log.js';
import type { FalloutAttempt, FalloutCase, FalloutCaseQuery } from '../../ports/fallout-case-reader.js';
import type { Page } from '../../ports/order-query.js';

/** A task row with its plan's order state, as both stores read it for fallout cases. */
export interface FalloutTaskRow {
  readonly orderId: string;
  readonly taskId: string;
  readonly itemId: string;
  readonly type: TaskType;
  readonly mode: TaskMode;
  readonly state: TaskState;
  readonly history: readonly Partial<FalloutAttempt>[];
  readonly orderState: OrderState;
  /** The task inputs (JSON text) when the task is a specialist review hold, else null. */
  readonly reviewInputs: string | null;
}

/** SQL selecting a task's inputs only for review holds (column `review_inputs`), as both stores read cases. */
export const REVIEW_INPUTS_COLUMN = "CASE WHEN t.type = 'specialist-review' THEN t.inputs END AS review_inputs";

/** The id of the fallout case of a task (the task's idempotency key). */
export function falloutCaseId(orderId: string, taskId: string): string {
  return `${orderId}:${taskId}`;
}

/** Order and task id of a case id; undefined when it cannot be one (order ids hold no colon). */
export function splitFalloutCaseId(id: string): { orderId: string; taskId: string } | undefined {
  const colon = id.indexOf(':');
  if (colon <= 0 || colon === id.length - 1) return undefined;
  return { orderId: id.slice(0, colon), taskId: id.slice(colon + 1) };
}

function attemptOf(r: Partial<FalloutAttempt>): FalloutAttempt {
  return {
    attempt: r.attempt ?? 0,
    at: r.at ?? 0,
    // A record without the flag predates it; only a permanent failure stores false.
    retryable: r.retryable !== false,
    code: r.code ?? '',
    system: r.system ?? '',
    text: r.text ?? '',
  };
}

/**
 * The case of a task row, or undefined when no attempt opened one. An attempt opens a case when it
 * failed permanently or used the last attempt its policy allows (the reducer's rule), so the latest
 * such attempt is the one the case is about; the case is open while the task is in fallout.
 */
export function caseOfTask(row: FalloutTaskRow, policies: Readonly<Record<TaskType, TaskPolicy>>): FalloutCase | undefined {
  const attempts = row.history.map(attemptOf);
  const max = policies[row.type].maxAttempts;
  const opening = attempts.findLast((a) => !a.retryable || a.attempt >= max) ?? (row.state === 'fallout' ? attempts.at(-1) : undefined);
  if (opening === undefined) return undefined;
  const id = falloutCaseId(row.orderId, row.taskId);
  return {
    id,
    orderId: row.orderId,
    itemId: row.itemId,
    taskId: row.taskId,
    taskType: row.type,
    taskMode: row.mode,
    taskState: row.state,
    status: row.state === 'fallout' ? 'open' : 'resolved',
    system: opening.system,
    errorCode: opening.code,
    errorText: opening.text,
    retryable: opening.retryable,
    openedAt: opening.at,
    attempts,
    orderState: row.orderState,
    actions: [],
    ...reviewOf(row),
  };
}

function reviewOf(row: FalloutTaskRow): Pick<FalloutCase, 'review'> {
  if (row.reviewInputs === null) return {};
  const review = reviewOfInputs(JSON.parse(row.reviewInputs));
  return review === undefined ? {} : { review };
}

/** The case with the logged actions that concern it: its own and those on its whole order. */
export function withActions(c: FalloutCase, actions: readonly FalloutActionEntry[]): FalloutCase {
  return { ...c, actions: actions.filter((a) => a.orderId === c.orderId && (a.caseId === c.id || a.caseId === null)) };
}

/** Keeps the cases matching the filters the SQL did not apply, newest first, and cuts the page. */
export function pageOfCases(cases: readonly FalloutCase[], q: FalloutCaseQuery): Page<FalloutCase> {
  const kept = cases.filter(
    (c) =>
      (q.status === undefined || c.status === q.status) &&
      (q.system === undefined || c.system === q.system) &&
      (q.errorCode === undefined || c.errorCode === q.errorCode) &&
      (q.queue === undefined || c.review?.queue === q.queue),
  );
  kept.sort((a, b) => b.openedAt - a.openedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { total: kept.length, items: kept.slice(q.offset, q.offset + q.limit) };
}
