import { CAUSE_LABELS, isFalloutCause } from '../fallout/fallout-cause.js';
import type { Plan, PlanTask } from '../plan/plan.js';
import { newTaskRecord, type AttemptRecord, type PlanState, type TaskRecord } from '../plan/plan-state.js';
import type { SpecialistReview } from './route-order.js';
import { isSpecialistQueue } from './specialist-queue.js';

/** Task id of the review hold at the head of a routed order's plan. */
export const REVIEW_TASK_ID = 'specialist-review';
/** Error code of the fallout case a review hold opens (the workbench filters on it). */
export const PREDICTED_FALLOUT = 'PREDICTED_FALLOUT';
/** The "system" a review hold is reported by. */
export const REVIEW_SYSTEM = 'fallout-model';

/** A new order's plan and starting state (the submit change set's `newPlans` entry). */
export interface PlannedOrder {
  readonly plan: Plan;
  readonly state: PlanState;
}

const pct = (p: number): string => `${(100 * p).toFixed(1)}%`;

/** The sentence a specialist reads on the queue entry. */
export function reviewText(r: SpecialistReview): string {
  const why = r.factors.map((f) => f.text).join('; ');
  return `Held for ${CAUSE_LABELS[r.cause]} review in queue ${r.queue}: predicted ${r.cause} fallout ${pct(r.causeRisk)} (queue threshold ${pct(r.threshold)}, any fallout ${pct(r.risk)}, model ${r.modelVersion})${why ? `. Factors: ${why}` : ''}`;
}

/**
 * Holds a planned order for a specialist before provisioning: a review task heads the plan, already
 * in fallout (so it opens a fallout case in the review's queue carrying cause, risk and factors), and
 * every task that could start now waits for it. Releasing the case (the review task done) lets the
 * plan proceed unchanged. A plan waiting for customer information, or with nothing to provision, is
 * left as it is: the information request comes first.
 */
export function holdForReview(planned: PlannedOrder, review: SpecialistReview, now: number): PlannedOrder {
  const { plan, state } = planned;
  const first = plan.tasks[0];
  if (plan.missing.length > 0 || first === undefined || state.tasks[REVIEW_TASK_ID] !== undefined) return planned;
  const hold: PlanTask = { id: REVIEW_TASK_ID, type: 'specialist-review', itemId: first.itemId, mode: 'do', dependsOn: [], inputs: { ...review } };
  const waits = (t: { readonly mode: string; readonly dependsOn: readonly string[] }): boolean => t.mode === 'do' && t.dependsOn.length === 0;
  const tasks: Record<string, TaskRecord> = {};
  for (const t of Object.values(state.tasks)) tasks[t.id] = waits(t) ? { ...t, dependsOn: [REVIEW_TASK_ID], state: 'blocked', wakeAt: null } : t;
  const opened: AttemptRecord & { readonly retryable: boolean } = { attempt: 1, at: now, retryable: false, code: PREDICTED_FALLOUT, system: REVIEW_SYSTEM, text: reviewText(review) };
  tasks[REVIEW_TASK_ID] = { ...newTaskRecord(hold, now), state: 'fallout', attempt: 1, wakeAt: null, history: [opened] };
  return {
    plan: { ...plan, tasks: [hold, ...plan.tasks.map((t) => (waits(t) ? { ...t, dependsOn: [REVIEW_TASK_ID] } : t))] },
    state: { ...state, tasks },
  };
}

/** The review a hold task carries in its inputs, or undefined when they are not one. */
export function reviewOfInputs(inputs: unknown): SpecialistReview | undefined {
  if (typeof inputs !== 'object' || inputs === null) return undefined;
  const r = inputs as Partial<SpecialistReview>;
  if (!isSpecialistQueue(r.queue) || !isFalloutCause(r.cause) || typeof r.causeRisk !== 'number' || typeof r.modelVersion !== 'string') return undefined;
  return {
    queue: r.queue,
    cause: r.cause,
    causeRisk: r.causeRisk,
    threshold: typeof r.threshold === 'number' ? r.threshold : NaN,
    risk: typeof r.risk === 'number' ? r.risk : NaN,
    benefit: typeof r.benefit === 'number' ? r.benefit : NaN,
    modelVersion: r.modelVersion,
    factors: factorsOf(r.factors),
  };
}

function factorsOf(value: unknown): SpecialistReview['factors'] {
  if (!Array.isArray(value)) return [];
  return (value as unknown[]).flatMap((f) => {
    const x = f as { text?: unknown; contribution?: unknown } | null;
    return typeof x?.text === 'string' ? [{ text: x.text, contribution: Number(x.contribution) }] : [];
  });
}
