import { readFileSync } from 'node:fs';
import pg from 'pg';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { VirtualClock } from '../../src/adapters/clock/virtual-clock.js';
import { PG_MIGRATIONS } from '../../src/adapters/postgres/migrations/index.js';
import { openPgDatabase, quoteIdent } from '../../src/adapters/postgres/pg-database.js';
import type { PostgresStores } from '../../src/adapters/postgres/pg-stores.js';
import { normaliseInstant } from '../../src/adapters/sqlite/filter-value.js';
import { SchemaTooNewError } from '../../src/adapters/sqlite/sqlite-migrator.js';
import { indexCatalog, type CatalogData } from '../../src/domain/catalog/catalog.js';
import { CATALOG_FILES } from '../../src/domain/catalog/catalog-shape.js';
import { loadDecompositionRules } from '../../src/domain/decomposition/decomposition-rules.js';
import { planForSubmit } from '../../src/domain/decomposition/plan-for-submit.js';
import type { ProductOrder } from '../../src/domain/order/product-order.js';
import { TASK_TYPES } from '../../src/domain/plan/task-type.js';
import { createEngine } from '../../src/engine/engine.js';
import { stubHandlers } from '../../src/engine/stub-handlers.js';
import { aNewMobileActivation, aFiberInstall } from '../fixtures/catalog-orders.js';
import { anOrderEvent, aProductOrder } from '../fixtures/product-order-builder.js';
import { dropSchema, openReusedTestStores, PG_TEST_URL, postgresSkipReason, testSchemaName } from '../contract/postgres-test-database.js';

const skip = await postgresSkipReason();
if (skip !== undefined) console.warn(`PostgreSQL integration tests skipped: ${skip}`);

const read = (f: string): unknown => JSON.parse(readFileSync(new URL(`../../catalog/${f}`, import.meta.url), 'utf8'));
const T0 = Date.parse('2026-03-02T09:00:00Z');
const schema = testSchemaName();
const opened: PostgresStores[] = [];
const open = async (listen = false) => {
  const s = await openReusedTestStores(schema, { listen });
  opened.push(s);
  return s;
};
afterEach(async () => {
  // The first store closed empties the shared schema; the others only close their pools.
  for (const s of opened.splice(0).reverse()) await s.close();
});
afterAll(async () => {
  if (skip === undefined) await dropSchema(schema);
});

describe.skipIf(skip !== undefined)('PostgreSQL stores across processes', () => {
  it('migrates once when several processes start together, and refuses a database newer than the code', async () => {
    const fresh = testSchemaName();
    try {
      const dbs = await Promise.all([1, 2, 3, 4].map(() => openPgDatabase({ url: PG_TEST_URL, schema: fresh, maxConnections: 1 })));
      const versions = await dbs[0]!.pool.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
      expect(versions.rows.map((r) => r.version)).toEqual(PG_MIGRATIONS.map((m) => m.version));
      await dbs[0]!.pool.query(`INSERT INTO schema_migrations (version, name) VALUES (99, 'from the future')`);
      await Promise.all(dbs.map((d) => d.pool.end()));
      await expect(openPgDatabase({ url: PG_TEST_URL, schema: fresh })).rejects.toBeInstanceOf(SchemaTooNewError);
    } finally {
      await dropSchema(fresh);
    }
  });

  it('stores large documents lz4-compressed, and plans its statements with an in-memory cost of random reads', async () => {
    const s = await open();
    const settings = await s.pool.query<{ jit: string; random_page_cost: string }>(
      "SELECT current_setting('jit') AS jit, current_setting('random_page_cost') AS random_page_cost",
    );
    expect(settings.rows[0]).toEqual({ jit: 'off', random_page_cost: '1.1' });
    const order = aProductOrder({ id: 'o-lz4', description: 'x'.repeat(20_000) });
    await s.orders.commit({ orders: [{ record: order, expectedVersion: null }], events: [anOrderEvent(order)] });
    const stored = await s.pool.query<{ method: string; raw: number; size: number }>(
      "SELECT pg_column_compression(doc) AS method, octet_length(doc::text) AS raw, pg_column_size(doc) AS size FROM product_order WHERE id = 'o-lz4'",
    );
    expect(stored.rows[0]?.method).toBe('lz4');
    expect(stored.rows[0]!.size).toBeLessThan(stored.rows[0]!.raw / 10);
    expect((await s.orders.getOrder('o-lz4'))?.description).toBe(order.description);
  });

  it('hands each delivery to exactly one of several dispatchers in different processes', async () => {
    const a = await open();
    const b = await open();
    await a.hub.addListener({ id: 'L', callback: 'http://listener.test/L', createdAt: '2024-05-01T00:00:00.000Z' });
    await Promise.all(
      Array.from({ length: 40 }, (_, i) => {
        const order = aProductOrder({ id: `D-${i}` });
        return (i % 2 === 0 ? a : b).orders.commit({ orders: [{ record: order, expectedVersion: null }], events: [anOrderEvent(order)] });
      }),
    );
    const claims = await Promise.all([a, b, a, b].map((s) => s.deliveries.claimDue(T0, 15, 30_000)));
    const ids = claims.flat().map((d) => d.id);
    expect(ids).toHaveLength(40);
    expect(new Set(ids).size).toBe(40);
  });

  it('fails only the change set whose statement breaks, and commits the rest of the batch', async () => {
    const s = await open();
    await s.hub.addListener({ id: 'L', callback: 'http://listener.test/L', createdAt: '2024-05-01T00:00:00.000Z' });
    const orders = Array.from({ length: 10 }, (_, i) => aProductOrder({ id: `B-${i}` }));
    const results = await Promise.allSettled(
      // B-7's event reuses B-3's event id: the outbox insert fails inside the shared transaction.
      orders.map((o, i) => s.orders.commit({ orders: [{ record: o, expectedVersion: null }], events: [anOrderEvent(i === 7 ? orders[3]! : o, { orderId: o.id })] })),
    );
    expect(results.map((r) => r.status)).toEqual(orders.map((_, i) => (i === 7 ? 'rejected' : 'fulfilled')));
    expect((await s.orders.listOrders({ filters: [], offset: 0, limit: 100 })).total).toBe(9);
    expect(await s.orders.getOrder('B-7')).toBeUndefined();
  });

  it('wakes a listening process when another commits a delivery', async () => {
    const listening = await open(true);
    const writer = await open();
    await writer.hub.addListener({ id: 'W', callback: 'http://listener.test/W', createdAt: '2024-05-01T00:00:00.000Z' });
    const woken = new Promise<string>((resolve) => listening.notifier?.onWake('deliveries', () => resolve('deliveries')));
    const order = aProductOrder({ id: 'N-1' });
    await writer.orders.commit({ orders: [{ record: order, expectedVersion: null }], events: [anOrderEvent(order)] });
    expect(await woken).toBe('deliveries');
  });

  it('reads dates in documents exactly like the embedded store', async () => {
    const client = new pg.Client({ connectionString: PG_TEST_URL, options: `-c search_path=${quoteIdent(schema)}` });
    await open();
    await client.connect();
    const samples = ['2024-05-01', '2024-05-01T10:00Z', '2024-05-01t10:00:00.1239z', ' 2024-05-01 10:00:00+0200 ', '2024-02-30T00:00Z',
      '2024-02-32T00:00Z', '2024-05-01T24:00Z', '2024-05-01T24:00:01Z', '2024-05-01T10:00+23:59', '2024-05-01T10:00-00:60',
      '2024-13-01', '2024-12-31T23:30:00-01:00', '2024-05-01T10:00:00.5+05:30', 'not a date', '20240501'];
    try {
      const r = await client.query<{ t: string; i: string | null }>('SELECT t, provisio_instant(t) AS i FROM unnest($1::text[]) AS t', [samples]);
      expect(r.rows.map((row) => row.i ?? undefined)).toEqual(samples.map((s) => normaliseInstant(s)));
    } finally {
      await client.end();
    }
  });
});

describe.skipIf(skip !== undefined)('engine on PostgreSQL', () => {
  const catalog = indexCatalog(Object.fromEntries(Object.entries(CATALOG_FILES).map(([k, f]) => [k, read(f)])) as unknown as CatalogData);
  const rules = loadDecompositionRules(read('decomposition.json'), TASK_TYPES);
  const submit = async (s: PostgresStores, template: ProductOrder, id: string) => {
    const order: ProductOrder = { ...template, id, version: 1, createdAt: new Date(T0).toISOString(), updatedAt: new Date(T0).toISOString() };
    await s.orders.commit({ orders: [{ record: order, expectedVersion: null }], newPlans: [planForSubmit(order, catalog, rules, T0)] });
  };
  let seq = 0;
  const ids = { next: () => `id-${++seq}` };

  it('runs orders to completion with two runners in two processes, each task run once', async () => {
    const a = await open();
    const b = await open();
    await Promise.all([submit(a, aNewMobileActivation(), 'o-mobile'), submit(b, aFiberInstall(), 'o-fiber'), submit(a, aFiberInstall(), 'o-fiber-2')]);
    const calls: string[] = [];
    const clock = new VirtualClock(T0);
    const handlers = stubHandlers(async (_type, ctx) => {
      calls.push(ctx.idempotencyKey);
      return { kind: 'completed', output: {} };
    });
    // One fixed instant and no clock jumps: a runner that finds nothing due must not expire the other's leases.
    const runners = [a, b].map((s) => createEngine({ taskStore: s.tasks, orders: s.orders, handlers, clock, ids }));
    for (let round = 0; round < 20 && (await a.tasks.nextDueAt()) !== null; round++) await Promise.all(runners.map((r) => r.runUntilIdle()));
    for (const id of ['o-mobile', 'o-fiber', 'o-fiber-2']) expect((await a.orders.getOrder(id))?.state).toBe('completed');
    expect(new Set(calls).size).toBe(calls.length);
    expect(await a.tasks.nextDueAt()).toBeNull();
  });

  it('cancels an order in flight by undoing done work in reverse order, publishing each state', async () => {
    const s = await open();
    await s.hub.addListener({ id: 'L', callback: 'http://listener.test/L', createdAt: '2024-05-01T00:00:00.000Z' });
    await submit(s, aNewMobileActivation(), 'o1');
    const clock = new VirtualClock(T0);
    const undone: string[] = [];
    const handlers = stubHandlers();
    for (const type of TASK_TYPES) handlers[type].compensate = async (ctx) => void undone.push(ctx.taskId);
    // No chaining: the order must still be in flight after two rounds.
    const engine = createEngine({ taskStore: s.tasks, orders: s.orders, handlers, clock, ids, chainSteps: 0, advanceClock: (t) => clock.advanceTo(t) });
    await engine.tick();
    await engine.tick();
    expect(await engine.apply('o1', { kind: 'cancel' })).toMatchObject({ kind: 'accepted' });
    await engine.runUntilIdle();
    expect((await s.orders.getOrder('o1'))?.state).toBe('cancelled');
    const subscriber = undone.findIndex((id) => id.endsWith('.subscriber~undo'));
    const reservations = undone.flatMap((id, i) => (id.endsWith('.reserve~undo') ? [i] : []));
    expect(subscriber).toBeGreaterThanOrEqual(0);
    expect(reservations).toHaveLength(2);
    for (const i of reservations) expect(i).toBeGreaterThan(subscriber);
    const states = await s.pool.query<{ state: string }>(
      `SELECT doc->'subject'->'order'->>'state' AS state FROM outbox_event
       WHERE order_id = 'o1' AND type = 'ProductOrderStateChangeEvent' ORDER BY seq`,
    );
    expect(states.rows.map((r) => r.state)).toEqual(['inProgress', 'assessingCancellation', 'pendingCancellation', 'cancelled']);
  });

  it('stores the items of a revision with the plan, and keeps them through later task moves', async () => {
    const s = await open();
    await submit(s, aFiberInstall(), 'o-rev');
    const engine = createEngine({ taskStore: s.tasks, orders: s.orders, handlers: stubHandlers(), clock: new VirtualClock(T0), ids, chainSteps: 0 });
    const revised: ProductOrder = { ...aNewMobileActivation(), id: 'o-rev', version: 1, createdAt: new Date(T0).toISOString(), updatedAt: new Date(T0).toISOString() };
    const { plan } = planForSubmit(revised, catalog, rules, T0);
    expect(await engine.apply('o-rev', { kind: 'revision', plan: { ...plan, revision: 2 } })).toMatchObject({ kind: 'accepted' });
    const afterRevision = (await s.tasks.loadPlans(['o-rev'])).get('o-rev')?.state;
    expect(afterRevision?.revision).toBe(2);
    expect(afterRevision?.items).toEqual(plan.items);
    await engine.tick();
    expect((await s.tasks.loadPlans(['o-rev'])).get('o-rev')?.state.items).toEqual(plan.items);
  });

  it("hands each undo the output its task recorded when it completed", async () => {
    const s = await open();
    await submit(s, aNewMobileActivation(), 'o-out');
    const clock = new VirtualClock(T0);
    const handlers = stubHandlers(async (_type, ctx) => ({ kind: 'completed', output: { ref: `ref-${ctx.taskId}` } }));
    const seen = new Map<string, unknown>();
    for (const type of TASK_TYPES) handlers[type].compensate = async (ctx) => void seen.set(ctx.taskId, ctx.output.ref);
    const engine = createEngine({ taskStore: s.tasks, orders: s.orders, handlers, clock, ids, chainSteps: 0, advanceClock: (t) => clock.advanceTo(t) });
    await engine.tick();
    await engine.tick();
    const done = await s.pool.query<{ id: string }>(`SELECT id FROM task WHERE order_id = 'o-out' AND state = 'done' ORDER BY id`);
    expect(done.rows.length).toBeGreaterThan(0);
    for (const { id } of done.rows) expect(await s.tasks.taskOutput('o-out', id)).toEqual({ ref: `ref-${id}` });
    await engine.apply('o-out', { kind: 'cancel' });
    await engine.runUntilIdle();
    expect(seen.size).toBeGreaterThan(0);
    for (const [undo, ref] of seen) expect(ref).toBe(`ref-${undo.replace(/~undo$/, '')}`);
  });
});
