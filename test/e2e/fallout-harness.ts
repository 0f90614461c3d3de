// A real engine on a real SQLite file, with scripted southbound failures, behind the workbench
// fallout routes on a Fastify app driven with inject().
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance } from 'fastify';
import { VirtualClock } from '../../src/adapters/clock/virtual-clock.js';
import { SqliteFalloutActionLog } from '../../src/adapters/sqlite/sqlite-fallout-action-log.js';
import { SqliteFalloutCaseReader } from '../../src/adapters/sqlite/sqlite-fallout-case-reader.js';
import { openSqliteStores, type SqliteStores } from '../../src/adapters/sqlite/sqlite-stores.js';
import { installErrorHandlers } from '../../src/api/http/error-handler.js';
import { installJsonBodyParser } from '../../src/api/http/json-body-parser.js';
import { registerFalloutRoutes } from '../../src/api/workbench/fallout-routes.js';
import { indexCatalog, type CatalogData } from '../../src/domain/catalog/catalog.js';
import { CATALOG_FILES } from '../../src/domain/catalog/catalog-shape.js';
import { loadDecompositionRules } from '../../src/domain/decomposition/decomposition-rules.js';
import { planForSubmit } from '../../src/domain/decomposition/plan-for-submit.js';
import type { ProductOrder } from '../../src/domain/order/product-order.js';
import { TASK_TYPES, type TaskType } from '../../src/domain/plan/task-type.js';
import { createEngine, type Engine } from '../../src/engine/engine.js';
import { stubHandlers } from '../../src/engine/stub-handlers.js';
import { SouthboundError } from '../../src/ports/southbound-error.js';

const read = (f: string): unknown => JSON.parse(readFileSync(new URL(`../../catalog/${f}`, import.meta.url), 'utf8'));
const catalog = indexCatalog(Object.fromEntries(Object.entries(CATALOG_FILES).map(([k, f]) => [k, read(f)])) as unknown as CatalogData);
const rules = loadDecompositionRules(read('decomposition.json'), TASK_TYPES);
/** When every scenario starts. */
export const T0 = Date.parse('2026-03-02T09:00:00Z');

/** One running world: stores on a temporary file, the engine, the HTTP app and what the systems saw. */
export interface FalloutWorld {
  readonly stores: SqliteStores;
  readonly engine: Engine;
  readonly app: FastifyInstance;
  /** Task types whose southbound call fails (permanently unless given a retryable error). */
  readonly failing: Map<TaskType, SouthboundError>;
  /** Idempotency keys of every forward call, in call order. */
  readonly calls: string[];
  /** Task ids of every compensation run, in order. */
  readonly undone: string[];
  submit(template: ProductOrder, id: string): Promise<void>;
  orderState(id: string): Promise<string | undefined>;
  close(): Promise<void>;
}

/** A permanent southbound refusal. */
export function refusal(code: string, system: string, text: string): SouthboundError {
  return new SouthboundError(false, code, system, text);
}

/** Opens a world; call `close` after the test. */
export async function openFalloutWorld(): Promise<FalloutWorld> {
  const dir = mkdtempSync(join(tmpdir(), 'provisio-fallout-e2e-'));
  const stores = openSqliteStores({ path: join(dir, 'provisio.db') });
  const clock = new VirtualClock(T0);
  let seq = 0;
  const ids = { next: () => `id-${++seq}` };
  const failing = new Map<TaskType, SouthboundError>();
  const calls: string[] = [];
  const undone: string[] = [];
  const handlers = stubHandlers(async (type, ctx) => {
    calls.push(ctx.idempotencyKey);
    const err = failing.get(type);
    if (err !== undefined) throw err;
    return { kind: 'completed', output: { by: type } };
  });
  for (const type of TASK_TYPES) handlers[type].compensate = async (ctx) => void undone.push(ctx.taskId);
  const engine = createEngine({ taskStore: stores.tasks, orders: stores.orders, handlers, clock, ids, advanceClock: (t) => clock.advanceTo(t) });
  const app = Fastify({ logger: false, ajv: { customOptions: { removeAdditional: false, coerceTypes: false, useDefaults: false } } });
  installJsonBodyParser(app);
  installErrorHandlers(app);
  await app.register(swagger, { openapi: { info: { title: 'Provisio', version: 'test' } } });
  registerFalloutRoutes(app, {
    cases: new SqliteFalloutCaseReader(stores.db),
    actionLog: new SqliteFalloutActionLog(stores.db),
    applyToPlan: (orderId, event) => engine.apply(orderId, event),
    clock,
    ids,
  });
  await app.ready();
  return {
    stores,
    engine,
    app,
    failing,
    calls,
    undone,
    async submit(template, id) {
      const order: ProductOrder = { ...template, id, version: 1, createdAt: new Date(T0).toISOString(), updatedAt: new Date(T0).toISOString() };
      await stores.orders.commit({ orders: [{ record: order, expectedVersion: null }], newPlans: [planForSubmit(order, catalog, rules, T0)] });
    },
    async orderState(id) {
      return (await stores.orders.getOrder(id))?.state;
    },
    async close() {
      await app.close();
      await stores.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
