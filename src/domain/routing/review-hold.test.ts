import { describe, expect, it } from 'vitest';
import type { Plan, PlanTask } from '../plan/plan.js';
import { initialPlanState } from '../plan/plan-state.js';
import { reducePlan } from '../plan/reduce-plan.js';
import type { TaskType } from '../plan/task-type.js';
import { holdForReview, PREDICTED_FALLOUT, REVIEW_TASK_ID, reviewOfInputs } from './review-hold.js';
import type { SpecialistReview } from './route-order.js';

const T0 = 1_700_000_000_000;
const task = (id: string, type: TaskType, itemId: string, dependsOn: string[] = []): PlanTask => ({ id, type, itemId, mode: 'do', dependsOn, inputs: {} });
const plan: Plan = {
  orderId: 'o1',
  revision: 1,
  items: [{ itemId: '1', action: 'add', productType: 'fiber' }],
  tasks: [task('1.port', 'reserve-network-port', '1'), task('1.ship', 'ship-cpe', '1'), task('1.act', 'activate-fiber', '1', ['1.port', '1.ship'])],
  missing: [],
};
const review: SpecialistReview = {
  queue: 'address-validation', cause: 'address', causeRisk: 0.42, threshold: 0.3, risk: 0.5, benefit: 0.75, modelVersion: 'm-1',
  factors: [{ text: 'apartment unit missing 1 raises address risk', contribution: 1.1 }],
};
const held = holdForReview({ plan, state: initialPlanState(plan, T0) }, review, T0);
const ctx = { now: T0 + 60_000, seed: 1 };

describe('holding a routed order for review', () => {
  it('puts a review task in fallout at the head of the plan, and nothing can start before it', () => {
    expect(held.plan.tasks.map((t) => t.id)).toEqual([REVIEW_TASK_ID, '1.port', '1.ship', '1.act']);
    const hold = held.state.tasks[REVIEW_TASK_ID]!;
    expect([hold.state, hold.type, hold.history[0]?.code]).toEqual(['fallout', 'specialist-review', PREDICTED_FALLOUT]);
    expect(hold.history[0]?.text).toMatch(/address review in queue address-validation: predicted address fallout 42\.0%.*apartment unit missing/);
    expect(Object.values(held.state.tasks).filter((t) => t.state === 'ready')).toEqual([]);
    expect(held.state.tasks['1.port']).toMatchObject({ state: 'blocked', dependsOn: [REVIEW_TASK_ID], wakeAt: null });
    expect(held.state.tasks['1.act']!.dependsOn).toEqual(['1.port', '1.ship']);
  });

  it('carries the review in the task inputs, readable back for the queue entry', () => {
    expect(reviewOfInputs(JSON.parse(JSON.stringify(held.plan.tasks[0]!.inputs)))).toEqual(review);
    expect(reviewOfInputs({ queue: 'nowhere' })).toBeUndefined();
  });

  it('releases into the unchanged plan: the tasks that waited become ready', () => {
    const r = reducePlan(held.state, { kind: 'operatorAction', taskId: REVIEW_TASK_ID, action: 'release' }, ctx);
    expect(r.decision).toEqual({ kind: 'accepted', penaltyTaskIds: [] });
    expect(r.state.tasks[REVIEW_TASK_ID]!.state).toBe('done');
    expect([...r.ready].sort()).toEqual(['1.port', '1.ship']);
  });

  it('refuses release on a provisioning task and on a hold already released', () => {
    const onTask = reducePlan(held.state, { kind: 'operatorAction', taskId: '1.port', action: 'release' }, ctx);
    expect(onTask.decision).toMatchObject({ kind: 'denied', code: 'ACTION_NOT_ALLOWED' });
    const released = reducePlan(held.state, { kind: 'operatorAction', taskId: REVIEW_TASK_ID, action: 'release' }, ctx).state;
    expect(reducePlan(released, { kind: 'operatorAction', taskId: REVIEW_TASK_ID, action: 'release' }, ctx).decision).toMatchObject({ kind: 'denied' });
  });

  it('leaves a plan waiting for customer information as it is', () => {
    const pending = { ...plan, missing: [{ itemId: '1', fieldPath: 'x', text: 'unit number' }] };
    const planned = { plan: pending, state: initialPlanState(pending, T0) };
    expect(holdForReview(planned, review, T0)).toBe(planned);
  });
});
