import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { VirtualClock } from '../../src/adapters/clock/virtual-clock.js';
import { openSqliteStores, type SqliteStores } from '../../src/adapters/sqlite/sqlite-stores.js';
import { indexCatalog, type CatalogData } from '../../src/domain/catalog/catalog.js';
import { CATALOG_FILES } from '../../src/domain/catalog/catalog-shape.js';
import { loadDecompositionRules } from '../../src/domain/decomposition/decomposition-rules.js';
import { planForSubmit } from '../../src/domain/decomposition/plan-for-submit.js';
import type { ProductOrder } from '../../src/domain/order/product-order.js';
import type { FalloutCaseToOpen } from '../../src/domain/plan/reduction.js';
import { TASK_TYPES, type TaskType } from '../../src/domain/plan/task-type.js';
import { createEngine, type EngineOptions, type EngineRound } from '../../src/engine/engine.js';
import { stubHandlers } from '../../src/engine/stub-handlers.js';
import type { HandlerResult, TaskContext } from '../../src/engine/task-handler.js';
import { SouthboundError } from '../../src/ports/southbound-error.js';
import { aFiberInstall, aNewMobileActivation } from '../fixtures/catalog-orders.js';

const read = (f: string): unknown => JSON.parse(readFileSync(new URL(`../../catalog/${f}`, import.meta.url), 'utf8'));
const catalog = indexCatalog(Object.fromEntries(Object.entries(CATALOG_FILES).map(([k, f]) => [k, read(f)])) as unknown as CatalogData);
const rules = loadDecompositionRules(read('decomposition.json'), TASK_TYPES);
const T0 = Date.parse('2026-03-02T09:00:00Z');

const dirs: string[] = [];
const opened: SqliteStores[] = [];
afterEach(async () => {
  for (const s of opened.splice(0)) await s.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function openFile(path?: string): { stores: SqliteStores; path: string } {
  const file = path ?? join(dirs[dirs.push(mkdtempSync(join(tmpdir(), 'provisio-engine-'))) - 1]!, 'provisio.db');
  const stores = openSqliteStores({ path: file });
  opened.push(stores);
  // A listener, so that state events are kept in the outbox (events nobody listens to are not stored);
  // a reopened database has it already.
  if (path === undefined) void stores.hub.addListener({ id: 'L', callback: 'http://listener.test/L', createdAt: '2026-03-02T09:00:00.000Z' });
  return { stores, path: file };
}
let seq = 0;
const ids = { next: () => `id-${++seq}` };

async function submit(stores: SqliteStores, template: ProductOrder, id: string): Promise<void> {
  const order: ProductOrder = { ...template, id, version: 1, createdAt: new Date(T0).toISOString(), updatedAt: new Date(T0).toISOString() };
  const planned = planForSubmit(order, catalog, rules, T0);
  await stores.orders.commit({ orders: [{ record: order, expectedVersion: null }], newPlans: [planned] });
}
function engineOn(stores: SqliteStores, clock: VirtualClock, extra: Partial<EngineOptions> = {}) {
  return createEngine({ taskStore: stores.tasks, orders: stores.orders, handlers: stubHandlers(), clock, ids, advanceClock: (t) => clock.advanceTo(t), ...extra });
}
const stateEvents = (stores: SqliteStores, orderId: string): string[] =>
  (stores.db.prepare(`SELECT doc FROM outbox_event WHERE order_id = ? AND type = 'ProductOrderStateChangeEvent' ORDER BY seq`).pluck().all(orderId) as string[]).map(
    (d) => (JSON.parse(d) as { subject: { order: ProductOrder } }).subject.order.state,
  );

describe('engine on SQLite', () => {
  it('runs two orders to completion, publishing each state change, with one call per task', async () => {
    const { stores } = openFile();
    await submit(stores, aNewMobileActivation(), 'o-mobile');
    await submit(stores, aFiberInstall(), 'o-fiber');
    const calls: string[] = [];
    const clock = new VirtualClock(T0);
    const rounds: EngineRound[] = [];
    const engine = engineOn(stores, clock, {
      onRound: (r) => rounds.push(r),
      handlers: stubHandlers(async (_type, ctx) => {
        calls.push(ctx.idempotencyKey);
        return { kind: 'completed', output: {} };
      }),
    });
    const ran = await engine.runUntilIdle();
    // every call is reported by the round that made it: claimed, or chained within the round
    expect(rounds.reduce((n, r) => n + r.claimed + r.chained, 0)).toBe(calls.length);
    expect(rounds[0]).toMatchObject({ orders: 2, failed: 0, falloutOpened: 0, conflictRetries: 0 });
    expect(rounds.every((r) => r.seconds.claim >= 0 && r.seconds.run >= 0 && r.seconds.record > 0)).toBe(true);
    const order = await stores.orders.getOrder('o-fiber');
    expect(order?.state).toBe('completed');
    expect(order?.items.every((i) => i.state === 'completed')).toBe(true);
    expect((await stores.orders.getOrder('o-mobile'))?.state).toBe('completed');
    expect(stateEvents(stores, 'o-fiber')).toEqual(['inProgress', 'completed']);
    expect(new Set(calls).size).toBe(calls.length);
    expect(calls.length).toBe(ran);
  });

  it('retries with backoff on the virtual clock, opens a fallout case, and resumes on operator retry', async () => {
    const { stores } = openFile();
    await submit(stores, aNewMobileActivation(), 'o1');
    const clock = new VirtualClock(T0);
    let hlrUp = false;
    const cases: FalloutCaseToOpen[] = [];
    const rounds: EngineRound[] = [];
    const engine = engineOn(stores, clock, {
      onFallout: (c) => cases.push(...c),
      onRound: (r) => rounds.push(r),
      handlers: stubHandlers(async (type: TaskType): Promise<HandlerResult> => {
        if (type === 'provision-subscriber' && !hlrUp) throw new SouthboundError(true, 'HLR_BUSY', 'hlr', 'HLR busy');
        return { kind: 'completed', output: {} };
      }),
    });
    await engine.runUntilIdle();
    expect(cases).toHaveLength(1);
    expect(cases[0]).toMatchObject({ orderId: 'o1', taskType: 'provision-subscriber', failure: { code: 'HLR_BUSY', system: 'hlr' } });
    expect(cases[0]!.attempts).toHaveLength(5);
    expect(rounds.reduce((n, r) => n + r.failed, 0)).toBe(5);
    expect(rounds.reduce((n, r) => n + r.falloutOpened, 0)).toBe(1);
    expect(clock.now() - T0).toBeGreaterThan(60_000);
    expect((await stores.orders.getOrder('o1'))?.state).toBe('held');
    hlrUp = true;
    const decision = await engine.apply('o1', { kind: 'operatorAction', taskId: cases[0]!.taskId, action: 'retry' });
    expect(decision?.kind).toBe('accepted');
    expect((await stores.orders.getOrder('o1'))?.state).toBe('inProgress');
    await engine.runUntilIdle();
    expect((await stores.orders.getOrder('o1'))?.state).toBe('completed');
  });

  it('re-claims the tasks of a killed runner after its lease and keeps one effect per idempotency key', async () => {
    const first = openFile();
    await submit(first.stores, aNewMobileActivation(), 'o1');
    const effects = new Map<string, number>();
    const calls = new Map<string, number>();
    const system = async (ctx: TaskContext): Promise<void> => {
      calls.set(ctx.idempotencyKey, (calls.get(ctx.idempotencyKey) ?? 0) + 1);
      if (!effects.has(ctx.idempotencyKey)) effects.set(ctx.idempotencyKey, effects.size + 1);
    };
    const clock = new VirtualClock(T0);
    // Runner A: performs the southbound call, then dies before recording the outcome.
    const a = engineOn(first.stores, clock, {
      leaseMs: 60_000,
      handlers: stubHandlers(async (_t, ctx) => {
        await system(ctx);
        return new Promise<never>(() => {});
      }),
    });
    void a.tick();
    await new Promise((r) => setTimeout(r, 20));
    const inFlight = [...calls.keys()];
    expect(inFlight.length).toBeGreaterThan(0);
    // Runner B on its own connection to the same file.
    const second = openFile(first.path);
    const b = engineOn(second.stores, clock, {
      handlers: stubHandlers(async (_t, ctx) => {
        await system(ctx);
        return { kind: 'completed', output: {} };
      }),
    });
    expect(await b.tick()).toBe(0);
    clock.advanceBy(60_001);
    await b.runUntilIdle();
    expect((await second.stores.orders.getOrder('o1'))?.state).toBe('completed');
    for (const key of inFlight) expect(calls.get(key)).toBe(2);
    expect(effects.size).toBe(calls.size);
  });

  it('cancels an order in flight by undoing done work in reverse order', async () => {
    const { stores } = openFile();
    await submit(stores, aNewMobileActivation(), 'o1');
    const clock = new VirtualClock(T0);
    const undone: string[] = [];
    const handlers = stubHandlers();
    for (const type of TASK_TYPES) handlers[type].compensate = async (ctx) => void undone.push(ctx.taskId);
    const engine = engineOn(stores, clock, { handlers, chainSteps: 0 });
    await engine.tick();
    await engine.tick();
    const decision = await engine.apply('o1', { kind: 'cancel' });
    expect(decision).toMatchObject({ kind: 'accepted' });
    await engine.runUntilIdle();
    expect((await stores.orders.getOrder('o1'))?.state).toBe('cancelled');
    const subscriber = undone.findIndex((id) => id.endsWith('.subscriber~undo'));
    const reservations = undone.flatMap((id, i) => (id.endsWith('.reserve~undo') ? [i] : []));
    expect(subscriber).toBeGreaterThanOrEqual(0);
    expect(reservations).toHaveLength(2);
    for (const i of reservations) expect(i).toBeGreaterThan(subscriber);
    expect(stateEvents(stores, 'o1')).toEqual(['inProgress', 'assessingCancellation', 'pendingCancellation', 'cancelled']);
  });

  it('keeps a change made to the order by someone else between rounds', async () => {
    const { stores } = openFile();
    await submit(stores, aNewMobileActivation(), 'o1');
    const clock = new VirtualClock(T0);
    const engine = engineOn(stores, clock, { chainSteps: 0 });
    await engine.tick();
    const before = (await stores.orders.getOrder('o1'))!;
    await stores.orders.commit({ orders: [{ record: { ...before, version: before.version + 1, description: 'changed by a care agent' }, expectedVersion: before.version }] });
    await engine.runUntilIdle();
    const after = await stores.orders.getOrder('o1');
    expect(after?.state).toBe('completed');
    expect(after?.description).toBe('changed by a care agent');
  });

  it('runs the tasks a round makes ready in the same round only while its chain budget lasts', async () => {
    const chainedWith = async (chainBudgetMs: number): Promise<number> => {
      const { stores } = openFile();
      await submit(stores, aNewMobileActivation(), `o-budget-${chainBudgetMs}`);
      const rounds: EngineRound[] = [];
      await engineOn(stores, new VirtualClock(T0), { chainBudgetMs, onRound: (r) => rounds.push(r) }).tick();
      expect(rounds).toHaveLength(1);
      return rounds[0]!.chained;
    };
    // No budget: only the claimed tasks run; their successors wait for the next round's claim.
    expect(await chainedWith(0)).toBe(0);
    // A budget that outlasts the plan: the successors run on in the round.
    expect(await chainedWith(60_000)).toBeGreaterThan(0);
  });
});
