// A Provisio process the engine crash test kills with SIGKILL at random points: it opens the SQLite
// store in a folder, submits the generated orders not yet stored, and runs the engine with the
// realistic simulated systems on a virtual clock it advances itself (WAL with synchronous=NORMAL:
// a killed process loses no commit; only a power cut could). Restarted on the same folder,
// it resumes from what was committed. Prints `ready` once initialised and `done` at rest.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateOrders } from '../../sim/generator/index.js';
import { createWorld } from '../../sim/world/index.js';
import { loadFileCatalog } from '../../src/adapters/catalog/file-catalog.js';
import { VirtualClock } from '../../src/adapters/clock/virtual-clock.js';
import { createSimulatedSystems, orderFactsFromStore } from '../../src/adapters/simulators/index.js';
import { SqliteEffectLedger } from '../../src/adapters/sqlite/sqlite-effect-ledger.js';
import { openSqliteStores } from '../../src/adapters/sqlite/sqlite-stores.js';
import { draftFromCreateJson } from '../../src/api/tmf622/v4/order-from-json.js';
import { catalogEntryCheck } from '../../src/app/catalog-entry-check.js';
import { submitOrder } from '../../src/app/submit-order.js';
import { validationEntryCheck } from '../../src/app/validation-entry-check.js';
import { createEngine } from '../../src/engine/engine.js';
import { createTaskHandlers } from '../../src/engine/handlers/task-handler-registry.js';
import { loadShippedDecompositionRules } from '../../src/main/provisioning.js';
import { simulationPlanner } from '../../src/main/simulation/simulation-planner.js';

const [dir = '', seedText = '1', countText = '200', daysText = '10'] = process.argv.slice(2);
const seed = Number(seedText);
const START = '2026-01-05T00:00:00Z';
const clockFile = join(dir, 'clock');

/** The order id of generated order i, the same in every incarnation of the process. */
const crashOrderId = (i: number): string => `crash-${i}`;

async function main(): Promise<void> {
  const catalog = loadFileCatalog();
  const world = createWorld({ seed, start: START, customers: 3000 });
  const generated = generateOrders({ seed, count: Number(countText), startTime: START, days: Number(daysText), world });
  const stores = openSqliteStores({ path: join(dir, 'provisio.db'), synchronous: 'NORMAL' });
  // Simulated time survives restarts: it only moves forward, and a kill loses at most the last jump.
  const clock = new VirtualClock(existsSync(clockFile) ? Number(readFileSync(clockFile, 'utf8')) : Date.parse(START));
  const advance = (t: number): void => {
    clock.advanceTo(t);
    // Write then rename, so a kill never leaves a torn clock file.
    writeFileSync(`${clockFile}.next`, String(clock.now()));
    renameSync(`${clockFile}.next`, clockFile);
  };
  const ledger = new SqliteEffectLedger(stores.db, clock);
  // Each call waits a thousandth of its simulated response time for real: calls of one batch end
  // at different moments, so a kill often falls between an applied effect and its recorded outcome.
  const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms / 1000));
  const systems = createSimulatedSystems({ world, seed, clock, ledger, mode: 'realistic', sleep, orderFacts: orderFactsFromStore((id) => stores.orders.getOrder(id)) });
  let n = 0;
  const engine = createEngine({
    taskStore: stores.tasks, orders: stores.orders, handlers: createTaskHandlers(systems), clock, seed, batchSize: 50,
    ids: { next: () => `ev-${process.pid}-${++n}` }, advanceClock: advance,
  });
  const entryChecks = [catalogEntryCheck(catalog), validationEntryCheck((now) => ({ now }))];
  const planner = simulationPlanner(catalog, loadShippedDecompositionRules(), 'parallel');
  process.stdout.write('ready\n');
  for (const [i, g] of generated.entries()) {
    const id = crashOrderId(i);
    if ((await stores.orders.getOrder(id)) !== undefined) continue;
    const at = Date.parse(g.submitAt);
    await engine.runUntilIdle({ untilMs: at });
    advance(at);
    let k = 0;
    const ids = { next: () => (k++ === 0 ? id : `${id}-ev-${k}`) };
    await submitOrder({ store: stores.orders, clock, ids, entryChecks, planner }, draftFromCreateJson(g.body));
  }
  await engine.runUntilIdle();
  await ledger.drain();
  await stores.close();
  process.stdout.write('done\n');
}

main().catch((err: unknown) => {
  process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
