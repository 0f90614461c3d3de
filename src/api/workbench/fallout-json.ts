import type { FalloutActionEntry } from '../../ports/fallout-action-log.js';
import type { FalloutCase } from '../../ports/fallout-case-reader.js';

/** Base path of the workbench API. */
export const WORKBENCH_BASE = '/provisio/v1';
/** Media type of every workbench response. */
export const WORKBENCH_JSON = 'application/json;charset=utf-8';

const iso = (ms: number): string => new Date(ms).toISOString();

/** The href of a fallout case (its id holds a colon, so it is encoded). */
export function falloutCaseHref(id: string): string {
  return `${WORKBENCH_BASE}/falloutCase/${encodeURIComponent(id)}`;
}

function actionToJson(a: FalloutActionEntry): Record<string, unknown> {
  return {
    id: a.id,
    action: a.action,
    operator: a.operator,
    reason: a.reason,
    date: iso(a.at),
    outcome: a.outcome,
    ...(a.detail === null ? {} : { detail: a.detail }),
    scope: a.caseId === null ? 'productOrder' : 'falloutCase',
  };
}

/** A fallout case as workbench JSON: dates as ISO 8601, the failure and the attempts spelled out. */
export function falloutCaseToJson(c: FalloutCase): Record<string, unknown> {
  return {
    id: c.id,
    href: falloutCaseHref(c.id),
    status: c.status,
    openedAt: iso(c.openedAt),
    productOrder: { id: c.orderId, state: c.orderState },
    productOrderItemId: c.itemId,
    task: { id: c.taskId, type: c.taskType, mode: c.taskMode, state: c.taskState },
    error: { system: c.system, code: c.errorCode, text: c.errorText, retryable: c.retryable },
    attempt: c.attempts.map((a) => ({ attempt: a.attempt, date: iso(a.at), system: a.system, code: a.code, text: a.text, retryable: a.retryable })),
    action: c.actions.map(actionToJson),
    ...(c.review === undefined ? {} : { review: c.review }),
    '@type': 'FalloutCase',
  };
}
