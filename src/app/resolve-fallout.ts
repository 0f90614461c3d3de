import type { ErrorCode } from '../domain/errors/error-catalogue.js';
import type { OperatorActionKind, PlanEvent } from '../domain/plan/plan-event.js';
import type { Decision, DenialCode } from '../domain/plan/reduction.js';
import { TASK_POLICIES, type TaskPolicy } from '../domain/plan/task-policy.js';
import type { TaskType } from '../domain/plan/task-type.js';
import type { Clock } from '../ports/clock.js';
import type { FalloutActionEntry, FalloutActionLog } from '../ports/fallout-action-log.js';
import type { FalloutCase, FalloutCaseReader } from '../ports/fallout-case-reader.js';
import type { Ids } from '../ports/ids.js';

/** Actions an operator takes on one fallout case (cancel is taken on the order). */
export const CASE_ACTIONS = ['retry', 'skip', 'forceComplete', 'failItem', 'release'] as const;
/** An action on a fallout case. */
export type CaseAction = (typeof CASE_ACTIONS)[number];

/** Records an event on an order's plan and returns the plan's decision (the engine's `apply`). */
export type ApplyToPlan = (orderId: string, event: PlanEvent) => Promise<Decision | undefined>;

/** What resolving fallout needs. */
export interface ResolveFalloutDeps {
  readonly cases: FalloutCaseReader;
  readonly actionLog: FalloutActionLog;
  readonly applyToPlan: ApplyToPlan;
  readonly clock: Clock;
  readonly ids: Ids;
  /** The task policies the engine runs with (default the domain table); decides what is skippable. */
  readonly policies?: Readonly<Record<TaskType, TaskPolicy>>;
}

/** Who takes an action and why; recorded with it. */
export interface OperatorNote {
  readonly operator: string;
  readonly reason: string;
}

/** A refused action: the catalogue code the API answers with and a message saying why. */
export interface Refusal {
  readonly kind: 'refused';
  readonly code: ErrorCode;
  readonly message: string;
}

/** The outcome of an action on a case: the case as it is afterwards, or why nothing was done. */
export type CaseActionResult = { readonly kind: 'accepted'; readonly case: FalloutCase } | Refusal;

/** The outcome of an operator cancel: the soft point-of-no-return tasks it costs, or a refusal. */
export type OperatorCancelResult = { readonly kind: 'accepted'; readonly orderId: string; readonly penaltyTaskIds: readonly string[] } | Refusal;

const DENIALS: Readonly<Record<DenialCode, ErrorCode>> = {
  PAST_POINT_OF_NO_RETURN: 'PAST_POINT_OF_NO_RETURN',
  ACTION_NOT_ALLOWED: 'FALLOUT_ACTION_NOT_ALLOWED',
  UNKNOWN_TASK: 'NOT_FOUND',
  PLAN_FINAL: 'ORDER_FINAL',
};

function refused(code: ErrorCode, message: string): Refusal {
  return { kind: 'refused', code, message };
}

/** Why an action may not be taken on the case before asking the plan, or undefined. */
function precheck(c: FalloutCase, action: CaseAction, policies: Readonly<Record<TaskType, TaskPolicy>>): Refusal | undefined {
  if (c.status !== 'open') return refused('FALLOUT_CASE_RESOLVED', `falloutCase ${c.id} is resolved (task ${c.taskId} is ${c.taskState}); nothing was done.`);
  if (action === 'release' && c.review === undefined) {
    return refused('FALLOUT_ACTION_NOT_ALLOWED', `falloutCase ${c.id} is a provisioning failure, not an order held for specialist review; retry, force-complete or fail item ${c.itemId} instead.`);
  }
  if (action === 'skip' && !policies[c.taskType].skippable) {
    return refused('TASK_NOT_SKIPPABLE', `Task type ${c.taskType} may not be skipped; retry, force-complete or fail item ${c.itemId} instead.`);
  }
  return undefined;
}

/** Turns the plan's decision into a refusal, or undefined when it was accepted. */
function refusalOf(decision: Decision | undefined, orderId: string): Refusal | undefined {
  if (decision === undefined) return refused('NOT_FOUND', `productOrder ${orderId} has no provisioning plan.`);
  if (decision.kind === 'accepted') return undefined;
  return refused(DENIALS[decision.code], decision.text);
}

async function log(deps: ResolveFalloutDeps, entry: Omit<FalloutActionEntry, 'id' | 'at'>): Promise<void> {
  await deps.actionLog.record({ id: deps.ids.next(), at: deps.clock.now(), ...entry });
}

/**
 * Takes an operator action on an open fallout case: retry (same idempotency key, fresh attempts),
 * skip (skippable task types only), force-complete with an optional output, fail the item, or
 * release an order held for specialist review (its plan proceeds). The
 * action is logged with the operator and reason, refused or not; the case is returned as it is now.
 */
export async function actOnFalloutCase(
  deps: ResolveFalloutDeps,
  caseId: string,
  action: CaseAction,
  note: OperatorNote,
  output?: Readonly<Record<string, unknown>>,
): Promise<CaseActionResult> {
  const found = await deps.cases.get(caseId);
  if (found === undefined) return refused('NOT_FOUND', `falloutCase ${caseId} not found. List /falloutCase to find it.`);
  const base = { orderId: found.orderId, caseId, taskId: found.taskId, action: action as OperatorActionKind, ...note };
  let refusal = precheck(found, action, deps.policies ?? TASK_POLICIES);
  if (refusal === undefined) {
    const event: PlanEvent = { kind: 'operatorAction', taskId: found.taskId, action, ...(output === undefined ? {} : { output }) };
    refusal = refusalOf(await deps.applyToPlan(found.orderId, event), found.orderId);
  }
  await log(deps, { ...base, outcome: refusal === undefined ? 'accepted' : 'denied', detail: refusal?.message ?? null });
  if (refusal !== undefined) return refusal;
  const after = await deps.cases.get(caseId);
  return after === undefined ? refused('NOT_FOUND', `falloutCase ${caseId} is gone.`) : { kind: 'accepted', case: after };
}

/**
 * Cancels an order on an operator's decision: denied past a hard point of no return; otherwise
 * open tasks stop and done work is compensated in reverse order. Logged with operator and reason.
 */
export async function cancelOrderByOperator(deps: ResolveFalloutDeps, orderId: string, note: OperatorNote): Promise<OperatorCancelResult> {
  const decision = await deps.applyToPlan(orderId, { kind: 'cancel' });
  const refusal = refusalOf(decision, orderId);
  if (decision === undefined) return refusal as Refusal;
  const penaltyTaskIds = decision.kind === 'accepted' ? decision.penaltyTaskIds : [];
  const detail = refusal?.message ?? (penaltyTaskIds.length > 0 ? `penalty tasks: ${penaltyTaskIds.join(', ')}` : null);
  await log(deps, { orderId, caseId: null, taskId: null, action: 'cancelOrder', ...note, outcome: refusal === undefined ? 'accepted' : 'denied', detail });
  return refusal ?? { kind: 'accepted', orderId, penaltyTaskIds };
}
