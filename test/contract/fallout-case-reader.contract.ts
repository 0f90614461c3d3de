import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TaskFailure } from '../../src/domain/plan/plan-event.js';
import type { Plan, PlanTask } from '../../src/domain/plan/plan.js';
import { initialPlanState, type PlanState } from '../../src/domain/plan/plan-state.js';
import { reducePlan } from '../../src/domain/plan/reduce-plan.js';
import type { PlanEvent } from '../../src/domain/plan/plan-event.js';
import type { TaskType } from '../../src/domain/plan/task-type.js';
import type { FalloutActionEntry, FalloutActionLog } from '../../src/ports/fallout-action-log.js';
import type { FalloutCaseReader } from '../../src/ports/fallout-case-reader.js';
import type { OrderStore } from '../../src/ports/order-store.js';

/** A fallout case reader, the action log and the order store that writes the task rows it reads. */
export interface FalloutReaderHandle {
  readonly reader: FalloutCaseReader;
  readonly actionLog: FalloutActionLog;
  readonly orders: Pick<OrderStore, 'commit'>;
  close(): Promise<void>;
}

const T0 = Date.parse('2026-03-02T09:00:00Z');
const MINUTE = 60_000;
const permanent = (code: string, system: string): TaskFailure => ({ retryable: false, code, system, text: `${system} refused: ${code}` });
const busy: TaskFailure = { retryable: true, code: 'HLR_BUSY', system: 'hlr', text: 'HLR busy' };

const task = (id: string, type: TaskType, dependsOn: string[] = []): PlanTask => ({ id, type, itemId: id.split('.')[0] ?? id, mode: 'do', dependsOn, inputs: { id } });
/** A small mobile plan: SIM reserved, then the subscriber, then the CRM record. */
const plan = (orderId: string): Plan => ({
  orderId,
  revision: 1,
  items: [{ itemId: '1', action: 'add', productType: 'mobile' }, { itemId: '2', action: 'add', productType: 'sim' }],
  tasks: [task('2.reserve', 'reserve-sim'), task('1.subscriber', 'provision-subscriber', ['2.reserve']), task('1.crm', 'record-in-crm', ['1.subscriber'])],
  missing: [],
});

/** An order's plan as the engine keeps it: every event reduced and committed, with the version the store expects. */
class StoredPlan {
  private version = 1;
  private constructor(
    private readonly orders: Pick<OrderStore, 'commit'>,
    public state: PlanState,
  ) {}

  static async create(orders: Pick<OrderStore, 'commit'>, orderId: string): Promise<StoredPlan> {
    const p = plan(orderId);
    const state = initialPlanState(p, T0);
    await orders.commit({ newPlans: [{ plan: p, state }] });
    return new StoredPlan(orders, state);
  }

  async apply(event: PlanEvent, now: number): Promise<void> {
    const r = reducePlan(this.state, event, { now, seed: 1 });
    await this.orders.commit({ planChanges: [{ orderId: this.state.orderId, expectedVersion: this.version, state: r.state, tasks: r.changed, added: r.added, outputs: r.outputs }] });
    this.version++;
    this.state = r.state;
  }

  /** The task ran (the store's claim marks it running) and ended with this result. */
  async ran(taskId: string, now: number, failure?: TaskFailure): Promise<void> {
    const t = this.state.tasks[taskId];
    if (t === undefined) throw new Error(`no task ${taskId}`);
    this.state = { ...this.state, tasks: { ...this.state.tasks, [taskId]: { ...t, state: 'running' } } };
    await this.apply({ kind: 'outcome', taskId, result: failure === undefined ? { kind: 'completed', output: {} } : { kind: 'failed', failure } }, now);
  }
}

const entry = (over: Partial<FalloutActionEntry>): FalloutActionEntry => ({
  id: `act-${Math.random().toString(36).slice(2)}`,
  orderId: 'o1',
  caseId: 'o1:1.subscriber',
  taskId: '1.subscriber',
  action: 'retry',
  operator: 'ops.jane',
  reason: 'HLR fixed',
  at: T0 + 30 * MINUTE,
  outcome: 'accepted',
  detail: null,
  ...over,
});

/** The behaviour every FalloutCaseReader adapter (with its action log) must show. */
export function describeFalloutCaseReaderContract(name: string, open: () => Promise<FalloutReaderHandle>): void {
  describe(`FalloutCaseReader contract: ${name}`, () => {
    let s: FalloutReaderHandle;
    beforeEach(async () => {
      s = await open();
    });
    afterEach(async () => s.close());

    const subscriberFallsOut = async (orderId: string, at: number, failure: TaskFailure = permanent('IMSI_EXHAUSTED', 'hlr')): Promise<StoredPlan> => {
      const p = await StoredPlan.create(s.orders, orderId);
      await p.ran('2.reserve', at - MINUTE);
      await p.ran('1.subscriber', at, failure);
      return p;
    };

    it('knows no case while every task goes well, and none for ids that cannot be one', async () => {
      const p = await StoredPlan.create(s.orders, 'o1');
      await p.ran('2.reserve', T0);
      expect(await s.reader.list({ offset: 0, limit: 10 })).toEqual({ total: 0, items: [] });
      expect(await s.reader.get('o1:2.reserve')).toBeUndefined();
      expect(await s.reader.get('o1:nope')).toBeUndefined();
      expect(await s.reader.get('no-colon')).toBeUndefined();
    });

    it('opens a case on a permanent failure with the failure, the attempts and the held order', async () => {
      await subscriberFallsOut('o1', T0 + 5 * MINUTE);
      const c = await s.reader.get('o1:1.subscriber');
      expect(c).toMatchObject({
        id: 'o1:1.subscriber', orderId: 'o1', itemId: '1', taskId: '1.subscriber', taskType: 'provision-subscriber', taskMode: 'do',
        taskState: 'fallout', status: 'open', system: 'hlr', errorCode: 'IMSI_EXHAUSTED', errorText: 'hlr refused: IMSI_EXHAUSTED',
        retryable: false, openedAt: T0 + 5 * MINUTE, orderState: 'held', actions: [],
      });
      expect(c?.attempts).toEqual([{ attempt: 1, at: T0 + 5 * MINUTE, retryable: false, code: 'IMSI_EXHAUSTED', system: 'hlr', text: 'hlr refused: IMSI_EXHAUSTED' }]);
      expect((await s.reader.list({ status: 'open', offset: 0, limit: 10 })).items.map((x) => x.id)).toEqual(['o1:1.subscriber']);
    });

    it('opens no case while retries remain, and one once they run out', async () => {
      const p = await StoredPlan.create(s.orders, 'o1');
      await p.ran('2.reserve', T0);
      for (let i = 1; i <= 4; i++) await p.ran('1.subscriber', T0 + i * MINUTE, busy);
      expect(await s.reader.get('o1:1.subscriber')).toBeUndefined();
      expect((await s.reader.list({ offset: 0, limit: 10 })).total).toBe(0);
      await p.ran('1.subscriber', T0 + 5 * MINUTE, busy);
      const c = await s.reader.get('o1:1.subscriber');
      expect(c).toMatchObject({ status: 'open', retryable: true, errorCode: 'HLR_BUSY', openedAt: T0 + 5 * MINUTE });
      expect(c?.attempts.map((a) => a.attempt)).toEqual([1, 2, 3, 4, 5]);
    });

    it('resolves the case when the operator acts, and reopens it when the task falls out again', async () => {
      const p = await subscriberFallsOut('o1', T0 + 5 * MINUTE);
      await p.apply({ kind: 'operatorAction', taskId: '1.subscriber', action: 'retry' }, T0 + 10 * MINUTE);
      expect(await s.reader.get('o1:1.subscriber')).toMatchObject({ status: 'resolved', taskState: 'ready', openedAt: T0 + 5 * MINUTE, orderState: 'inProgress' });
      expect((await s.reader.list({ status: 'open', offset: 0, limit: 10 })).total).toBe(0);
      expect((await s.reader.list({ status: 'resolved', offset: 0, limit: 10 })).items.map((c) => c.id)).toEqual(['o1:1.subscriber']);
      await p.ran('1.subscriber', T0 + 20 * MINUTE, permanent('MSISDN_BARRED', 'hlr'));
      const again = await s.reader.get('o1:1.subscriber');
      expect(again).toMatchObject({ status: 'open', errorCode: 'MSISDN_BARRED', openedAt: T0 + 20 * MINUTE, orderState: 'held' });
      expect(again?.attempts.map((a) => a.code)).toEqual(['IMSI_EXHAUSTED', 'MSISDN_BARRED']);
    });

    it('filters by status, task type, system, error code and order, newest first, with the total before paging', async () => {
      await subscriberFallsOut('o1', T0 + 1 * MINUTE, permanent('IMSI_EXHAUSTED', 'hlr'));
      await subscriberFallsOut('o2', T0 + 3 * MINUTE, permanent('PROFILE_MISSING', 'hss'));
      const o3 = await subscriberFallsOut('o3', T0 + 2 * MINUTE, permanent('IMSI_EXHAUSTED', 'hlr'));
      await o3.apply({ kind: 'operatorAction', taskId: '1.subscriber', action: 'failItem' }, T0 + 4 * MINUTE);
      const ids = async (q: Parameters<FalloutCaseReader['list']>[0]) => (await s.reader.list(q)).items.map((c) => c.orderId);
      expect(await ids({ offset: 0, limit: 10 })).toEqual(['o2', 'o3', 'o1']);
      expect(await ids({ status: 'open', offset: 0, limit: 10 })).toEqual(['o2', 'o1']);
      expect(await ids({ status: 'resolved', offset: 0, limit: 10 })).toEqual(['o3']);
      expect(await ids({ system: 'hlr', offset: 0, limit: 10 })).toEqual(['o3', 'o1']);
      expect(await ids({ errorCode: 'PROFILE_MISSING', offset: 0, limit: 10 })).toEqual(['o2']);
      expect(await ids({ orderId: 'o1', offset: 0, limit: 10 })).toEqual(['o1']);
      expect(await ids({ taskType: 'provision-subscriber', status: 'open', offset: 0, limit: 10 })).toEqual(['o2', 'o1']);
      expect(await ids({ taskType: 'record-in-crm', offset: 0, limit: 10 })).toEqual([]);
      expect(await s.reader.list({ offset: 1, limit: 1 })).toMatchObject({ total: 3, items: [{ orderId: 'o3' }] });
    });

    it('shows the actions logged on a case and on its order, oldest first, and no one else\'s', async () => {
      await subscriberFallsOut('o1', T0 + 5 * MINUTE);
      await subscriberFallsOut('o2', T0 + 6 * MINUTE);
      await s.actionLog.record(entry({ id: 'a1', action: 'skip', outcome: 'denied', detail: 'Task type provision-subscriber may not be skipped.', at: T0 + 20 * MINUTE }));
      await s.actionLog.record(entry({ id: 'a2', caseId: null, taskId: null, action: 'cancelOrder', at: T0 + 30 * MINUTE }));
      await s.actionLog.record(entry({ id: 'a3', orderId: 'o2', caseId: 'o2:1.subscriber', at: T0 + 10 * MINUTE }));
      const c = await s.reader.get('o1:1.subscriber');
      expect(c?.actions).toEqual([
        entry({ id: 'a1', action: 'skip', outcome: 'denied', detail: 'Task type provision-subscriber may not be skipped.', at: T0 + 20 * MINUTE }),
        entry({ id: 'a2', caseId: null, taskId: null, action: 'cancelOrder', at: T0 + 30 * MINUTE }),
      ]);
      const listed = await s.reader.list({ offset: 0, limit: 10 });
      expect(listed.items.map((x) => [x.id, x.actions.map((a) => a.id)])).toEqual([['o2:1.subscriber', ['a3']], ['o1:1.subscriber', ['a1', 'a2']]]);
    });
  });
}
