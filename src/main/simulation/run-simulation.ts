import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateOrders, type GeneratedOrder } from '../../../sim/generator/index.js';
import { createWorld, type World } from '../../../sim/world/index.js';
import { loadFileCatalog } from '../../adapters/catalog/file-catalog.js';
import { VirtualClock } from '../../adapters/clock/virtual-clock.js';
import { createSimulatedSystems, orderFactsFromStore, type SimulationMode } from '../../adapters/simulators/index.js';
import { SqliteEffectLedger } from '../../adapters/sqlite/sqlite-effect-ledger.js';
import { openSqliteStores, type SqliteStores } from '../../adapters/sqlite/sqlite-stores.js';
import { draftFromCreateJson } from '../../api/tmf622/v4/order-from-json.js';
import { worldAccountLookup, worldAddressReference } from '../../../sim/validation-corpus/world-reference-data.js';
import { catalogEntryCheck, orderDatesEntryCheck } from '../../app/catalog-entry-check.js';
import { submitOrder, type SubmitOrderDeps } from '../../app/submit-order.js';
import { validationEntryCheck } from '../../app/validation-entry-check.js';
import type { FalloutCaseToOpen } from '../../domain/plan/reduction.js';
import { createEngine, type Engine } from '../../engine/engine.js';
import { createTaskHandlers } from '../../engine/handlers/task-handler-registry.js';
import type { EffectReport } from '../../ports/effect-ledger.js';
import { loadShippedDecompositionRules } from '../provisioning.js';
import { simulationPlanner } from './simulation-planner.js';
import { withSimulationPorting } from './simulation-porting.js';
import { withVirtualResponseTimes } from './virtual-response-times.js';
import { simulatedOrderResult, type SimulatedOrderResult, type SimulationPlanMode } from './simulation-result.js';
import { summariseSimulation, type SimulationSummary } from './simulation-summary.js';

/** Default start of the simulated month. */
export const DEFAULT_SIMULATION_START = '2026-01-05T00:00:00Z';

/** Where a simulation run is. */
export interface SimulationProgress {
  readonly phase: 'generating' | 'running' | 'draining' | 'collecting';
  readonly submitted: number;
  readonly total: number;
  /** Simulated time, ms. */
  readonly now: number;
  readonly tasksRun: number;
}

/** What to simulate. */
export interface SimulationOptions {
  readonly seed: number;
  readonly orders: number;
  readonly days: number;
  /** ISO instant of the first simulated day. */
  readonly start?: string;
  readonly mode: SimulationPlanMode;
  readonly simulators: SimulationMode;
  /** Folder of the SQLite store (kept); default a temporary folder removed after the run. */
  readonly dataDir?: string;
  /** Writes one JSON line per order result to this file. */
  readonly outFile?: string;
  /** Customers in the simulated world (the world's default when absent). */
  readonly customers?: number;
  readonly onProgress?: (p: SimulationProgress) => void;
}

/** A finished simulation run: per-order results as plain data, the summary and the effect audit. */
export interface SimulationRun {
  readonly options: Omit<SimulationOptions, 'onProgress'>;
  readonly results: readonly SimulatedOrderResult[];
  readonly summary: SimulationSummary;
  readonly tasksRun: number;
  readonly effects: EffectReport;
  /** Wall-clock duration of the run, ms. */
  readonly wallMs: number;
  /** CPU time of this process during the run (user + system), ms: the cost on a busy machine. */
  readonly cpuMs: number;
  /** Simulated time at the end, ISO. */
  readonly endedAt: string;
}

function cpuMsSince(from: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(from);
  return Math.round((d.user + d.system) / 1000);
}

/** Counter ids: deterministic, and free of the `:` that separates order and task in idempotency keys. */
function counterIds(prefix: string): { next: () => string } {
  let n = 0;
  return { next: () => `${prefix}${(++n).toString(36)}` };
}

interface Wiring {
  readonly stores: SqliteStores;
  readonly clock: VirtualClock;
  readonly ledger: SqliteEffectLedger;
  readonly engine: Engine;
  readonly submit: SubmitOrderDeps;
  readonly firstFallout: Map<string, FalloutCaseToOpen>;
}

function wire(o: SimulationOptions, world: World, path: string): Wiring {
  const catalog = loadFileCatalog();
  const stores = openSqliteStores({ path, synchronous: 'NORMAL' });
  const clock = new VirtualClock(Date.parse(world.start));
  const ledger = new SqliteEffectLedger(stores.db, clock);
  const orderFacts = orderFactsFromStore((id) => stores.orders.getOrder(id));
  const simulated = createSimulatedSystems({ world, seed: o.seed, clock, ledger, mode: o.simulators, orderFacts });
  const systems = withSimulationPorting(simulated, { world, seed: o.seed, clock, stores, orderFacts, mode: o.simulators });
  const firstFallout = new Map<string, FalloutCaseToOpen>();
  const reference = { addressReference: worldAddressReference(world), accountLookup: worldAccountLookup(world) };
  const engine = createEngine({
    taskStore: stores.tasks, orders: stores.orders, handlers: o.simulators === 'realistic' ? withVirtualResponseTimes(createTaskHandlers(systems), o.seed) : createTaskHandlers(systems), clock, ids: counterIds('ev-'), seed: o.seed,
    advanceClock: (t) => clock.advanceTo(t),
    onFallout: (cases) => {
      for (const c of cases) if (!firstFallout.has(c.orderId)) firstFallout.set(c.orderId, c);
    },
  });
  const submit: SubmitOrderDeps = {
    store: stores.orders, clock, ids: counterIds('so-'),
    // The server's entry checks with the server's reference data (the world's buildings and carrier
    // accounts): order history must carry the findings and features the server computes at entry.
    entryChecks: [catalogEntryCheck(catalog), orderDatesEntryCheck, validationEntryCheck((now) => ({ now, ...reference, catalog }))],
    planner: simulationPlanner(catalog, loadShippedDecompositionRules(), o.mode),
  };
  return { stores, clock, ledger, engine, submit, firstFallout };
}

/** Submits each order at its time, running the engine up to that time first; returns the order ids and tasks run. */
async function submitAll(w: Wiring, generated: readonly GeneratedOrder[], progress: (p: SimulationProgress) => void): Promise<{ ids: string[]; tasksRun: number }> {
  const ids: string[] = [];
  let tasksRun = 0;
  for (const [i, g] of generated.entries()) {
    const at = Date.parse(g.submitAt);
    // Asking the store first skips an empty engine round between arrivals with nothing due.
    const due = await w.stores.tasks.nextDueAt();
    if (due !== null && due <= at) tasksRun += await w.engine.runUntilIdle({ untilMs: at });
    w.clock.advanceTo(at);
    ids.push((await submitOrder(w.submit, draftFromCreateJson(g.body))).id);
    if ((i + 1) % 500 === 0) progress({ phase: 'running', submitted: i + 1, total: generated.length, now: w.clock.now(), tasksRun });
  }
  return { ids, tasksRun };
}

async function collect(w: Wiring, ids: readonly string[], generated: readonly GeneratedOrder[]): Promise<SimulatedOrderResult[]> {
  const results: SimulatedOrderResult[] = [];
  for (const [i, id] of ids.entries()) {
    const order = await w.stores.orders.getOrder(id);
    const g = generated[i];
    if (order === undefined || g === undefined) throw new Error(`simulated order ${id} was not stored`);
    results.push(simulatedOrderResult(order, g.truth, w.firstFallout.get(id)));
  }
  return results;
}

/**
 * Runs generated orders through the real submit use case (entry checks, planner), the engine and
 * the simulated OSS/BSS on a virtual clock, until nothing is left to do. Fallout cases stay held:
 * no operator acts in a simulation. Same options, same results.
 */
export async function runSimulation(o: SimulationOptions): Promise<SimulationRun> {
  const began = Date.now();
  const cpu = process.cpuUsage();
  const start = o.start ?? DEFAULT_SIMULATION_START;
  const progress = o.onProgress ?? (() => undefined);
  const tempDir = o.dataDir === undefined ? mkdtempSync(join(tmpdir(), 'provisio-simulate-')) : undefined;
  const dir = o.dataDir ?? tempDir ?? '';
  mkdirSync(dir, { recursive: true });
  progress({ phase: 'generating', submitted: 0, total: o.orders, now: Date.parse(start), tasksRun: 0 });
  const world = createWorld({ seed: o.seed, start, ...(o.customers === undefined ? {} : { customers: o.customers }) });
  const w = wire(o, world, join(dir, 'provisio.db'));
  try {
    const generated = generateOrders({ seed: o.seed, count: o.orders, startTime: start, days: o.days, world });
    const submitted = await submitAll(w, generated, progress);
    progress({ phase: 'draining', submitted: generated.length, total: generated.length, now: w.clock.now(), tasksRun: submitted.tasksRun });
    const tasksRun = submitted.tasksRun + (await w.engine.runUntilIdle());
    await w.ledger.drain();
    progress({ phase: 'collecting', submitted: generated.length, total: generated.length, now: w.clock.now(), tasksRun });
    const results = await collect(w, submitted.ids, generated);
    if (o.outFile !== undefined) writeFileSync(o.outFile, results.map((r) => JSON.stringify(r)).join('\n') + (results.length > 0 ? '\n' : ''));
    const { onProgress: _ignored, ...options } = o;
    return { options, results, summary: summariseSimulation(results), tasksRun, effects: await w.ledger.report(), wallMs: Date.now() - began, cpuMs: cpuMsSince(cpu), endedAt: new Date(w.clock.now()).toISOString() };
  } finally {
    await w.stores.close();
    if (tempDir !== undefined) rmSync(tempDir, { recursive: true, force: true });
  }
}
