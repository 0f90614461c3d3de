import { describe, expect, it } from 'vitest';
import type { Plan, PlanTask } from './plan.js';
import { initialPlanState, type PlanState } from './plan-state.js';
import type { PlanEvent, TaskResult } from './plan-event.js';
import { reducePlan } from './reduce-plan.js';
import { checkTaskLifecycle } from './task-state.js';
import type { TaskType } from './task-type.js';

const T0 = 1_700_000_000_000;
const task = (id: string, type: TaskType, itemId: string, dependsOn: string[] = [], inputs = {}): PlanTask => ({
  id, type, itemId, mode: 'do', dependsOn, inputs,
});
/** A mobile item (SIM, then subscriber, then activation) and a fiber item (ship CPE || configure), billing last. */
function aPlan(overrides: Partial<Plan> = {}): Plan {
  return {
    orderId: 'o1',
    revision: 1,
    items: [
      { itemId: 'm', action: 'add', productType: 'mobile' },
      { itemId: 'f', action: 'add', productType: 'fiber' },
    ],
    tasks: [
      task('sim', 'reserve-sim', 'm'),
      task('sub', 'provision-subscriber', 'm', ['sim']),
      task('act', 'activate-mobile-service', 'm', ['sub']),
      task('ship', 'ship-cpe', 'f'),
      task('net', 'configure-network', 'f'),
      task('visit', 'complete-field-install', 'f', ['ship', 'net']),
      task('bill', 'update-billing', 'm', ['act', 'visit']),
    ],
    missing: [],
    ...overrides,
  };
}
const ok: TaskResult = { kind: 'completed', output: { ref: 'x' } };
const busy: TaskResult = { kind: 'failed', failure: { retryable: true, code: 'BUSY', system: 'hlr', text: 'HLR busy' } };
const ctx = (now = T0) => ({ now, seed: 7 });
const claim = (s: PlanState, ...ids: string[]): PlanState => ({
  ...s,
  tasks: { ...s.tasks, ...Object.fromEntries(ids.map((id) => [id, { ...s.tasks[id]!, state: 'running' as const }])) },
});
/** Claims and completes tasks one by one. */
function complete(s: PlanState, ...ids: string[]): PlanState {
  for (const id of ids) s = reducePlan(claim(s, id), { kind: 'outcome', taskId: id, result: ok }, ctx()).state;
  return s;
}
const stateOf = (s: PlanState, id: string) => s.tasks[id]?.state;

describe('plan reducer', () => {
  it('has a sound task lifecycle table', () => {
    expect(checkTaskLifecycle()).toEqual([]);
  });

  it('starts parallel branches at once and joins them', () => {
    const s0 = initialPlanState(aPlan(), T0);
    expect(['sim', 'ship', 'net'].map((id) => stateOf(s0, id))).toEqual(['ready', 'ready', 'ready']);
    const r = reducePlan(claim(s0, 'ship'), { kind: 'outcome', taskId: 'ship', result: ok }, ctx());
    expect(r.ready).toEqual([]);
    expect(stateOf(r.state, 'visit')).toBe('blocked');
    const r2 = reducePlan(claim(r.state, 'net'), { kind: 'outcome', taskId: 'net', result: ok }, ctx());
    expect(r2.ready).toEqual(['visit']);
    expect(r.items).toEqual([{ itemId: 'f', path: ['inProgress'] }]);
    expect(r2.items).toEqual([]);
    expect(r2.orderPath).toEqual([]);
    expect(r.orderPath).toEqual(['inProgress']);
  });

  it('retries a retryable failure with growing jittered backoff, then opens a fallout case', () => {
    let s = initialPlanState(aPlan(), T0);
    const waits: number[] = [];
    let r = reducePlan(s, { kind: 'timerFired', taskId: 'sim' }, ctx());
    for (let i = 0; i < 5; i++) {
      r = reducePlan(claim(s, 'sim'), { kind: 'outcome', taskId: 'sim', result: busy }, ctx(T0 + i));
      s = r.state;
      if (r.timers[0]) waits.push(r.timers[0].wakeAt - (T0 + i));
    }
    expect(waits).toHaveLength(4);
    expect(waits[0]).toBeGreaterThanOrEqual(800);
    expect(waits[0]).toBeLessThanOrEqual(1200);
    expect(waits[3]).toBeGreaterThan(waits[2]!);
    expect(r.fallout).toHaveLength(1);
    expect(r.fallout[0]).toMatchObject({ taskId: 'sim', itemId: 'm', failure: { code: 'BUSY', system: 'hlr' } });
    expect(r.fallout[0]!.attempts).toHaveLength(5);
    expect(s.itemStates.m).toBe('held');
    expect(s.orderState).toBe('held');
  });

  it('resumes at the failed task after an operator retry and completes the order', () => {
    let s = initialPlanState(aPlan(), T0);
    const permanent: TaskResult = { kind: 'failed', failure: { retryable: false, code: 'NO_STOCK', system: 'inventory', text: 'no SIM' } };
    s = reducePlan(claim(s, 'sim'), { kind: 'outcome', taskId: 'sim', result: permanent }, ctx()).state;
    expect(s.orderState).toBe('held');
    const r = reducePlan(s, { kind: 'operatorAction', taskId: 'sim', action: 'retry' }, ctx());
    expect(r.decision).toEqual({ kind: 'accepted', penaltyTaskIds: [] });
    expect(r.ready).toEqual(['sim']);
    s = complete(r.state, 'sim', 'sub', 'act', 'ship', 'net', 'visit', 'bill');
    expect(s.orderState).toBe('completed');
    expect(Object.values(s.itemStates)).toEqual(['completed', 'completed']);
  });

  it('refuses to skip a task type that is not skippable and skips one that is', () => {
    const s = initialPlanState(aPlan(), T0);
    expect(reducePlan(s, { kind: 'operatorAction', taskId: 'sim', action: 'skip' }, ctx()).decision?.kind).toBe('denied');
    const plan = aPlan({ tasks: [task('crm', 'record-in-crm', 'm'), task('bill', 'update-billing', 'm', ['crm'])] });
    const r = reducePlan(initialPlanState(plan, T0), { kind: 'operatorAction', taskId: 'crm', action: 'skip' }, ctx());
    expect(r.ready).toEqual(['bill']);
  });

  it('compensates completed tasks in reverse dependency order on cancel', () => {
    let s = complete(initialPlanState(aPlan(), T0), 'sim', 'sub', 'ship');
    const r = reducePlan(claim(s, 'net'), { kind: 'cancel' }, ctx());
    expect(r.decision).toEqual({ kind: 'accepted', penaltyTaskIds: ['ship'] });
    const undo = Object.fromEntries(r.added.map((t) => [t.id, t.dependsOn]));
    expect(undo).toEqual({ 'sim~undo': ['sub~undo'], 'sub~undo': [], 'ship~undo': [], 'net~undo': ['net'] });
    expect([...r.ready].sort()).toEqual(['ship~undo', 'sub~undo']);
    expect(stateOf(r.state, 'act')).toBe('cancelled');
    expect(r.orderPath).toEqual(['assessingCancellation', 'pendingCancellation']);
    s = complete(r.state, 'sub~undo', 'sim~undo', 'ship~undo');
    s = reducePlan(s, { kind: 'outcome', taskId: 'net', result: busy }, ctx()).state;
    expect(stateOf(s, 'net~undo')).toBe('skipped');
    expect(stateOf(s, 'sim')).toBe('compensated');
    expect(s.orderState).toBe('cancelled');
  });

  it('denies a cancel once an item is past a hard point of no return', () => {
    const s = complete(initialPlanState(aPlan(), T0), 'ship', 'net', 'visit');
    const r = reducePlan(s, { kind: 'cancel' }, ctx());
    expect(r.decision).toMatchObject({ kind: 'denied', code: 'PAST_POINT_OF_NO_RETURN', itemIds: ['f'] });
    expect(r.changed).toEqual([]);
    expect(r.state.orderState).toBe('inProgress');
  });

  it('redoes only what a revision changed, after undoing the old version', () => {
    const s = complete(initialPlanState(aPlan(), T0), 'sim', 'sub', 'ship');
    const revised = aPlan({
      revision: 2,
      tasks: aPlan().tasks.map((t) => (t.id === 'sub' ? { ...t, inputs: { msisdn: '447700900123' } } : t)),
    });
    const r = reducePlan(s, { kind: 'revision', plan: revised }, ctx());
    expect(r.decision?.kind).toBe('accepted');
    expect(r.added.map((t) => [t.id, t.dependsOn])).toEqual([
      ['sub~undo', []],
      ['sub~r2', ['sim', 'sub~undo']],
    ]);
    expect(stateOf(r.state, 'sim')).toBe('done');
    expect(stateOf(r.state, 'ship')).toBe('done');
    expect(r.state.tasks.act?.dependsOn).toEqual(['sub~r2']);
    const s2 = complete(r.state, 'sub~undo', 'sub~r2');
    expect(stateOf(s2, 'sub')).toBe('compensated');
    expect(stateOf(s2, 'act')).toBe('ready');
  });

  it('holds the order pending while information is missing and resumes when a revision supplies it', () => {
    const missing = [{ itemId: 'm', fieldPath: 'productOrderItem[0].product.productCharacteristic.portedNumber', text: 'no number' }];
    const s = initialPlanState(aPlan({ missing }), T0);
    expect(s.orderState).toBe('pending');
    expect(stateOf(s, 'sim')).toBe('pending');
    const r = reducePlan(s, { kind: 'revision', plan: aPlan({ revision: 2 }) }, ctx());
    expect(stateOf(r.state, 'sim')).toBe('ready');
    expect(r.orderPath).toEqual(['inProgress']);
    const ev: PlanEvent = { kind: 'outcome', taskId: 'sim', result: ok };
    expect(reducePlan(claim(r.state, 'sim'), ev, ctx()).ready).toEqual(['sub']);
  });

  it('fails an item and everything that depended on it, leaving the order partial', () => {
    let s = complete(initialPlanState(aPlan({ tasks: aPlan().tasks.filter((t) => t.id !== 'bill') }), T0), 'ship', 'net', 'visit');
    const permanent: TaskResult = { kind: 'failed', failure: { retryable: false, code: 'BAD_ICCID', system: 'inventory', text: 'x' } };
    s = reducePlan(claim(s, 'sim'), { kind: 'outcome', taskId: 'sim', result: permanent }, ctx()).state;
    const r = reducePlan(s, { kind: 'operatorAction', taskId: 'sim', action: 'failItem' }, ctx());
    expect(['sim', 'sub', 'act'].map((id) => stateOf(r.state, id))).toEqual(['failed', 'failed', 'failed']);
    expect(r.state.itemStates).toEqual({ m: 'failed', f: 'completed' });
    expect(r.state.orderState).toBe('partial');
  });

  describe('a port-in stopped while its port request is open at the carrier', () => {
    /** A port-in item (port, then activation) beside a mobile item. */
    const portPlan = (): Plan => aPlan({
      items: [{ itemId: 'p', action: 'add', productType: 'mobile' }, { itemId: 'm', action: 'add', productType: 'mobile' }],
      tasks: [task('port', 'port-in-number', 'p'), task('pact', 'activate-number', 'p', ['port']), task('sim', 'reserve-sim', 'm')],
    });
    const wait: TaskResult = { kind: 'wait', until: T0 + 3_600_000 };
    const waiting = (): PlanState => reducePlan(claim(initialPlanState(portPlan(), T0), 'port'), { kind: 'outcome', taskId: 'port', result: wait }, ctx()).state;

    it('cancelling the order withdraws the port request: the waiting port-in gets an undo, and the order is cancelled once it ran', () => {
      const s = waiting();
      expect(stateOf(s, 'port')).toBe('waiting');
      const r = reducePlan(s, { kind: 'cancel' }, ctx());
      expect(r.decision).toEqual({ kind: 'accepted', penaltyTaskIds: [] });
      expect(r.added.map((t) => [t.id, t.mode, t.compensates])).toEqual([['port~undo', 'undo', 'port']]);
      expect(r.ready).toEqual(['port~undo']);
      expect(['port', 'pact', 'sim'].map((id) => stateOf(r.state, id))).toEqual(['cancelled', 'cancelled', 'cancelled']);
      expect(r.state.orderState).toBe('pendingCancellation');
      const done = complete(r.state, 'port~undo');
      expect(stateOf(done, 'port~undo')).toBe('done');
      expect(done.orderState).toBe('cancelled');
    });

    it('a revision of a waiting port-in withdraws the old request before the port is redone under a new key', () => {
      const revised = { ...portPlan(), revision: 2, tasks: portPlan().tasks.map((t) => (t.id === 'port' ? { ...t, inputs: { portingAccountNumber: 'W-779' } } : t)) };
      const r = reducePlan(waiting(), { kind: 'revision', plan: revised }, ctx());
      expect(r.decision?.kind).toBe('accepted');
      expect(r.added.map((t) => [t.id, t.dependsOn])).toEqual([['port~undo', []], ['port~r2', ['port~undo']]]);
      expect(['port', 'port~undo', 'port~r2'].map((id) => stateOf(r.state, id))).toEqual(['cancelled', 'ready', 'blocked']);
      expect(stateOf(complete(r.state, 'port~undo'), 'port~r2')).toBe('ready');
    });

    it('a cancel while the port-in call is in flight is denied (the call may be porting the number): the client asks again', () => {
      const r = reducePlan(claim(initialPlanState(portPlan(), T0), 'port'), { kind: 'cancel' }, ctx());
      expect(r.decision).toMatchObject({ kind: 'denied', code: 'PAST_POINT_OF_NO_RETURN' });
      expect(reducePlan(waiting(), { kind: 'cancel' }, ctx()).decision?.kind).toBe('accepted');
    });

    it('failing the item of a port-in in fallout withdraws its request; a reserved SIM of a failed item stays as it is', () => {
      const rejected: TaskResult = { kind: 'failed', failure: { retryable: false, code: 'PORT_VALIDATION_FAILED', system: 'porting', text: 'held' } };
      let s = complete(initialPlanState(portPlan(), T0), 'sim');
      s = reducePlan(claim(s, 'port'), { kind: 'outcome', taskId: 'port', result: rejected }, ctx()).state;
      expect(stateOf(s, 'port')).toBe('fallout');
      const r = reducePlan(s, { kind: 'operatorAction', taskId: 'port', action: 'failItem' }, ctx());
      expect(r.added.map((t) => t.id)).toEqual(['port~undo']);
      expect(['port', 'pact', 'port~undo', 'sim'].map((id) => stateOf(r.state, id))).toEqual(['failed', 'failed', 'ready', 'done']);
      const done = complete(r.state, 'port~undo');
      expect(done.itemStates).toEqual({ p: 'failed', m: 'completed' });
      expect(done.orderState).toBe('partial');
    });

    it('failing the item while its port-in call is in flight is denied: the undo could miss the request the call is making', () => {
      const r = reducePlan(claim(initialPlanState(portPlan(), T0), 'port'), { kind: 'operatorAction', taskId: 'pact', action: 'failItem' }, ctx());
      expect(r.decision).toMatchObject({ kind: 'denied', code: 'ACTION_NOT_ALLOWED' });
      expect(r.decision?.kind === 'denied' ? r.decision.text : '').toMatch(/Task port \(port-in-number\) is running/);
      expect(stateOf(r.state, 'port')).toBe('running');
    });

    it('a port-in never called needs no undo, nor does a stopped task of a type that leaves nothing before it is done', () => {
      const blocked = aPlan({ items: portPlan().items, tasks: [task('sim', 'reserve-sim', 'm'), task('port', 'port-in-number', 'p', ['sim'])] });
      const r = reducePlan(initialPlanState(blocked, T0), { kind: 'cancel' }, ctx());
      expect(r.added).toEqual([]);
      expect(r.state.orderState).toBe('cancelled');
      const visit = aPlan({ items: [{ itemId: 'f', action: 'add', productType: 'fiber' }], tasks: [task('visit', 'schedule-field-visit', 'f')] });
      const w = reducePlan(claim(initialPlanState(visit, T0), 'visit'), { kind: 'outcome', taskId: 'visit', result: wait }, ctx()).state;
      expect(reducePlan(w, { kind: 'cancel' }, ctx()).added).toEqual([]);
    });
  });
});
