// Pre-emptive routing end to end: submit with a fallout prediction, the routing step holds a risky
// order for its specialist queue before provisioning, the workbench lists and releases it, and the
// engine then provisions it; a safe order goes straight through untouched.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadFileCatalog } from '../../src/adapters/catalog/file-catalog.js';
import { VirtualClock } from '../../src/adapters/clock/virtual-clock.js';
import { SqliteFalloutActionLog } from '../../src/adapters/sqlite/sqlite-fallout-action-log.js';
import { SqliteFalloutCaseReader } from '../../src/adapters/sqlite/sqlite-fallout-case-reader.js';
import { openSqliteStores, type SqliteStores } from '../../src/adapters/sqlite/sqlite-stores.js';
import { installErrorHandlers } from '../../src/api/http/error-handler.js';
import { installJsonBodyParser } from '../../src/api/http/json-body-parser.js';
import { draftFromCreateJson } from '../../src/api/tmf622/v4/order-from-json.js';
import { registerFalloutRoutes } from '../../src/api/workbench/fallout-routes.js';
import { specialistRouting } from '../../src/app/specialist-routing.js';
import { submitOrder, type SubmitOrderDeps } from '../../src/app/submit-order.js';
import { planForSubmit } from '../../src/domain/decomposition/plan-for-submit.js';
import type { ProductOrder } from '../../src/domain/order/product-order.js';
import { routingPolicyFor } from '../../src/domain/routing/routing-policy.js';
import { createEngine, type Engine } from '../../src/engine/engine.js';
import { stubHandlers } from '../../src/engine/stub-handlers.js';
import { SouthboundError } from '../../src/ports/southbound-error.js';
import { loadShippedDecompositionRules } from '../../src/main/provisioning.js';
import { aNewMobileActivation } from '../fixtures/catalog-orders.js';
import { createBodyOf } from '../fixtures/tmf622-bodies.js';

const T0 = Date.parse('2026-03-02T09:00:00Z');
const catalog = loadFileCatalog();
const rules = loadShippedDecompositionRules();
const CAUSES = ['credit', 'address', 'incompat', 'inventory', 'port', 'timeout', 'human'];
// Every head: threshold 0.3 at 2% review capacity and below.
const policy = routingPolicyFor('m-7', CAUSES.flatMap((head) => [0.005, 0.01, 0.02].map((capacity) => ({ head, capacity, threshold: 0.3 }))));

function predictionFor(portRisk: number): NonNullable<ProductOrder['falloutPrediction']> {
  return {
    modelVersion: 'm-7',
    risk: portRisk + 0.05,
    riskByCause: { ...Object.fromEntries(CAUSES.map((c) => [c, 0.01])), port: portRisk },
    topCause: 'port',
    topFactors: [{ feature: 'nameSimToCSR', value: 0.62, contribution: 1.4, text: 'port-in name similarity 0.62 raises number port risk' }],
  };
}

let dir: string;
let stores: SqliteStores;
let engine: Engine;
let app: FastifyInstance;
let calls: string[];
let deps: SubmitOrderDeps;
let nextRisk: number;
let failSim: boolean;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'provisio-routing-'));
  stores = openSqliteStores({ path: join(dir, 'provisio.db') });
  const clock = new VirtualClock(T0);
  let seq = 0;
  const ids = { next: () => `id-${++seq}` };
  calls = [];
  failSim = false;
  const handlers = stubHandlers(async (type, ctx) => {
    calls.push(`${ctx.orderId}:${type}`);
    if (failSim && type === 'reserve-sim') throw new SouthboundError(false, 'SIM_STOCK_EMPTY', 'inventory', 'no SIM of this type');
    return { kind: 'completed', output: { by: type } };
  });
  engine = createEngine({ taskStore: stores.tasks, orders: stores.orders, handlers, clock, ids, advanceClock: (t) => clock.advanceTo(t) });
  deps = {
    store: stores.orders, clock, ids, entryChecks: [],
    predictor: () => predictionFor(nextRisk),
    planner: (order, now) => planForSubmit(order, catalog, rules, now),
    routing: specialistRouting(() => policy),
  };
  app = Fastify({ logger: false });
  installJsonBodyParser(app);
  installErrorHandlers(app);
  registerFalloutRoutes(app, { cases: new SqliteFalloutCaseReader(stores.db), actionLog: new SqliteFalloutActionLog(stores.db), applyToPlan: (id, e) => engine.apply(id, e), clock, ids });
  await app.ready();
});

afterEach(async () => {
  await app.close();
  await stores.close();
  rmSync(dir, { recursive: true, force: true });
});

async function submit(portRisk: number): Promise<ProductOrder> {
  nextRisk = portRisk;
  return submitOrder(deps, draftFromCreateJson(createBodyOf(aNewMobileActivation())));
}

describe('pre-emptive routing to specialist queues', () => {
  it('holds a risky order in its queue before any provisioning call, then provisions it once released', async () => {
    const risky = await submit(0.55);
    const safe = await submit(0.05);
    await engine.runUntilIdle();
    expect(calls.some((c) => c.startsWith(`${risky.id}:`))).toBe(false);
    expect((await stores.orders.getOrder(safe.id))?.state).toBe('completed');

    const listed = await app.inject({ method: 'GET', url: '/provisio/v1/falloutCase?status=open&queue=porting' });
    expect(listed.statusCode).toBe(200);
    const cases = listed.json<Record<string, any>[]>();
    expect(cases).toHaveLength(1);
    expect(cases[0]).toMatchObject({
      productOrder: { id: risky.id },
      task: { type: 'specialist-review', state: 'fallout' },
      error: { code: 'PREDICTED_FALLOUT', system: 'fallout-model' },
      review: { queue: 'porting', cause: 'port', causeRisk: 0.55, threshold: 0.3, modelVersion: 'm-7' },
    });
    expect(cases[0]!.review.factors[0].text).toBe('port-in name similarity 0.62 raises number port risk');
    expect((await app.inject({ method: 'GET', url: '/provisio/v1/falloutCase?queue=address-validation' })).json()).toEqual([]);

    const id = encodeURIComponent(cases[0]!.id as string);
    const released = await app.inject({ method: 'POST', url: `/provisio/v1/falloutCase/${id}/release`, payload: { operator: 'porting-desk-1', reason: 'CSR name checked with the customer' } });
    expect(released.statusCode).toBe(200);
    expect(released.json()).toMatchObject({ status: 'resolved', task: { state: 'done' }, action: [{ action: 'release', outcome: 'accepted', operator: 'porting-desk-1' }] });
    await engine.runUntilIdle();
    expect(calls.some((c) => c.startsWith(`${risky.id}:`))).toBe(true);
    expect((await stores.orders.getOrder(risky.id))?.state).toBe('completed');
  });

  it('cancels a held order on an operator decision without any provisioning call', async () => {
    const risky = await submit(0.55);
    const cancelled = await app.inject({ method: 'POST', url: `/provisio/v1/productOrder/${risky.id}/cancel`, payload: { operator: 'porting-desk-1', reason: 'customer withdrew' } });
    expect(cancelled.statusCode).toBe(202);
    await engine.runUntilIdle();
    expect(calls.some((c) => c.startsWith(`${risky.id}:`))).toBe(false);
    expect((await stores.orders.getOrder(risky.id))?.state).toBe('cancelled');
  });

  it('lets a safe order run straight through with no review task', async () => {
    const safe = await submit(0.29);
    expect((await stores.tasks.loadPlans([safe.id])).get(safe.id)?.state.tasks['specialist-review']).toBeUndefined();
    await engine.runUntilIdle();
    expect((await stores.orders.getOrder(safe.id))?.state).toBe('completed');
  });

  it('refuses to release a hold twice, and refuses release on a provisioning failure', async () => {
    const risky = await submit(0.55);
    const id = encodeURIComponent(`${risky.id}:specialist-review`);
    expect((await app.inject({ method: 'POST', url: `/provisio/v1/falloutCase/${id}/release`, payload: { reason: 'checked' } })).statusCode).toBe(200);
    expect((await app.inject({ method: 'POST', url: `/provisio/v1/falloutCase/${id}/release`, payload: { reason: 'twice' } })).statusCode).toBe(409);

    failSim = true;
    const failed = await submit(0.05);
    await engine.runUntilIdle();
    const cases = (await app.inject({ method: 'GET', url: `/provisio/v1/falloutCase?status=open&orderId=${failed.id}` })).json<{ id: string; review?: unknown }[]>();
    expect(cases).toHaveLength(1);
    expect(cases[0]!.review).toBeUndefined();
    const refused = await app.inject({ method: 'POST', url: `/provisio/v1/falloutCase/${encodeURIComponent(cases[0]!.id)}/release`, payload: { reason: 'try' } });
    expect([refused.statusCode, refused.json<{ code: string }>().code]).toEqual([409, 'FALLOUT_ACTION_NOT_ALLOWED']);
  });
});
