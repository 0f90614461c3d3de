import { readFileSync } from 'node:fs';
import { generateOrders, type GeneratedOrder } from '../../sim/generator/index.js';
import { createWorld, type World } from '../../sim/world/index.js';
import { VirtualClock } from '../../src/adapters/clock/virtual-clock.js';
import { createSimulatedSystems, orderFactsFromStore, type SimulatedSystems, type SimulationMode } from '../../src/adapters/simulators/index.js';
import { SqliteEffectLedger } from '../../src/adapters/sqlite/sqlite-effect-ledger.js';
import { openSqliteStores, type SqliteStores } from '../../src/adapters/sqlite/sqlite-stores.js';
import { draftFromCreateJson } from '../../src/api/tmf622/v4/order-from-json.js';
import { indexCatalog, type CatalogData } from '../../src/domain/catalog/catalog.js';
import { CATALOG_FILES } from '../../src/domain/catalog/catalog-shape.js';
import { loadDecompositionRules } from '../../src/domain/decomposition/decomposition-rules.js';
import { planForSubmit } from '../../src/domain/decomposition/plan-for-submit.js';
import { createOrder } from '../../src/domain/order/order-draft.js';
import type { FalloutCaseToOpen } from '../../src/domain/plan/reduction.js';
import { TASK_TYPES } from '../../src/domain/plan/task-type.js';
import { createEngine } from '../../src/engine/engine.js';
import { createTaskHandlers } from '../../src/engine/handlers/task-handler-registry.js';

const read = (f: string): unknown => JSON.parse(readFileSync(new URL(`../../catalog/${f}`, import.meta.url), 'utf8'));
/** The shipped catalog and decomposition rules. */
export const catalog = indexCatalog(Object.fromEntries(Object.entries(CATALOG_FILES).map(([k, f]) => [k, read(f)])) as unknown as CatalogData);
const rules = loadDecompositionRules(read('decomposition.json'), TASK_TYPES);

/** Start of the simulated month the tests run in. */
export const WORLD_START = '2026-01-05T00:00:00Z';

const worlds = new Map<number, World>();
/** The world of a seed (built once per test file). */
export function worldOf(seed: number): World {
  let w = worlds.get(seed);
  if (w === undefined) worlds.set(seed, (w = createWorld({ seed, start: WORLD_START, customers: 3000 })));
  return w;
}

/** A finished run of generated orders through the engine and the simulated systems. */
export interface SimulatedRun {
  readonly world: World;
  readonly orders: readonly GeneratedOrder[];
  readonly stores: SqliteStores;
  readonly systems: SimulatedSystems;
  readonly ledger: SqliteEffectLedger;
  readonly fallouts: FalloutCaseToOpen[];
  readonly tasksRun: number;
}

/** Submits `count` generated orders into a SQLite file and runs them to rest on a virtual clock. */
export async function runGeneratedOrders(o: { seed: number; count: number; days: number; mode: SimulationMode; path: string }): Promise<SimulatedRun> {
  const world = worldOf(o.seed);
  const orders = generateOrders({ seed: o.seed, count: o.count, startTime: WORLD_START, days: o.days, world });
  const stores = openSqliteStores({ path: o.path, synchronous: 'NORMAL' });
  for (const [i, g] of orders.entries()) {
    const order = createOrder(draftFromCreateJson(g.body), `ord-${i}`, g.submitAt, []);
    await stores.orders.commit({ orders: [{ record: order, expectedVersion: null }], newPlans: [planForSubmit(order, catalog, rules, Date.parse(g.submitAt))] });
  }
  const clock = new VirtualClock(Date.parse(WORLD_START));
  const ledger = new SqliteEffectLedger(stores.db, clock);
  const systems = createSimulatedSystems({ world, seed: o.seed, clock, ledger, mode: o.mode, orderFacts: orderFactsFromStore((id) => stores.orders.getOrder(id)) });
  const fallouts: FalloutCaseToOpen[] = [];
  let n = 0;
  const engine = createEngine({
    taskStore: stores.tasks, orders: stores.orders, handlers: createTaskHandlers(systems), clock,
    ids: { next: () => `id-${++n}` }, advanceClock: (t) => clock.advanceTo(t), onFallout: (cases) => fallouts.push(...cases),
  });
  const tasksRun = await engine.runUntilIdle();
  await ledger.drain();
  return { world, orders, stores, systems, ledger, fallouts, tasksRun };
}
