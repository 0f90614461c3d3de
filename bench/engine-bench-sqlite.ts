// End-to-end engine benchmark: decomposition, plan storage, the engine with zero-latency stub
// handlers, derived order states and outbox events, on SQLite with synchronous=FULL.
// Usage: npm run bench -- [--orders N] [--json]   (CHAIN_BUDGET_MS=n: engine chaining budget, default 250)
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStores } from '../src/adapters/sqlite/sqlite-stores.js';
import { uuidIds } from '../src/adapters/system/uuid-ids.js';
import { indexCatalog, type CatalogData } from '../src/domain/catalog/catalog.js';
import { CATALOG_FILES } from '../src/domain/catalog/catalog-shape.js';
import { loadDecompositionRules } from '../src/domain/decomposition/decomposition-rules.js';
import { planForSubmit } from '../src/domain/decomposition/plan-for-submit.js';
import type { ProductOrder } from '../src/domain/order/product-order.js';
import { TASK_TYPES } from '../src/domain/plan/task-type.js';
import { createEngine } from '../src/engine/engine.js';
import { stubHandlers } from '../src/engine/stub-handlers.js';
import { aFiberInstall, aNewMobileActivation, aDslInstall } from '../test/fixtures/catalog-orders.js';
import { machineCpu } from './process-cpu.js';

/** CPU seconds of this process's main (event loop) thread, which bounds throughput when other cores are free; NaN off Linux. */
function mainThreadCpuSeconds(): number {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
}

const args = process.argv.slice(2);
const json = args.includes('--json');
const orderCount = Number(args[args.indexOf('--orders') + 1] ?? NaN) || 20_000;
const inFlightMax = 3_000;

const read = (f: string): unknown => JSON.parse(readFileSync(new URL(`../catalog/${f}`, import.meta.url), 'utf8'));
const catalog = indexCatalog(Object.fromEntries(Object.entries(CATALOG_FILES).map(([k, f]) => [k, read(f)])) as unknown as CatalogData);
const rules = loadDecompositionRules(read('decomposition.json'), TASK_TYPES);
const templates = [aNewMobileActivation(), aFiberInstall(), aNewMobileActivation({ sim: 'esim' }), aDslInstall()];

const dir = mkdtempSync(join(tmpdir(), 'provisio-engine-bench-'));
// The store as the server and worker open it: WAL checkpoints in a background thread (src/main/open-stores.ts).
const stores = openSqliteStores({ path: join(dir, 'bench.db'), synchronous: 'FULL', maxBatch: 5_000, backgroundCheckpoints: true });
// Order ids as the server makes them (time-ordered UUIDs).
const ids = uuidIds;
const clock = { now: () => Date.now() };
const acknowledgedAt = new Map<string, number>();
const latencies: number[] = [];
let completed = 0;
let taskCount = 0;
const engine = createEngine({
  taskStore: stores.tasks,
  orders: stores.orders,
  handlers: stubHandlers(),
  clock,
  ids,
  batchSize: 4_000,
  chainBudgetMs: Number(process.env.CHAIN_BUDGET_MS ?? 250),
  onOrderStates: (moves) => {
    for (const m of moves) {
      if (m.path.at(-1) !== 'completed') continue;
      completed++;
      const t0 = acknowledgedAt.get(m.orderId);
      if (t0 !== undefined) latencies.push(performance.now() - t0);
      acknowledgedAt.delete(m.orderId);
    }
  },
});

let submitted = 0;
async function submitSome(n: number): Promise<void> {
  const commits: Promise<void>[] = [];
  const now = clock.now();
  for (let i = 0; i < n && submitted < orderCount; i++, submitted++) {
    const t = templates[submitted % templates.length] as ProductOrder;
    const order: ProductOrder = { ...t, id: ids.next(), version: 1, createdAt: new Date(now).toISOString(), updatedAt: new Date(now).toISOString() };
    const { plan, state } = planForSubmit(order, catalog, rules, now);
    taskCount += plan.tasks.length;
    acknowledgedAt.set(order.id, performance.now());
    commits.push(
      stores.orders.commit({
        orders: [{ record: order, expectedVersion: null }],
        newPlans: [{ plan, state }],
        events: [{ id: ids.next(), type: 'ProductOrderCreateEvent', occurredAt: order.createdAt, orderId: order.id, subject: { kind: 'productOrder', order } }],
      }),
    );
  }
  await Promise.all(commits);
}

const started = performance.now();
const cpuStart = process.cpuUsage();
const mainStart = mainThreadCpuSeconds();
const machineStart = machineCpu();
while (completed < orderCount) {
  const inFlight = submitted - completed;
  if (submitted < orderCount && inFlight < inFlightMax) await submitSome(Math.min(1_000, inFlightMax - inFlight));
  const n = await engine.tick();
  if (n === 0 && submitted >= orderCount && completed < orderCount) {
    const next = await stores.tasks.nextDueAt();
    if (next === null) break;
  }
}
const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuStart);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const mainSeconds = mainThreadCpuSeconds() - mainStart;
const machineEnd = machineCpu();
latencies.sort((a, b) => a - b);
const pct = (p: number): number => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? NaN);
const result = {
  orders: orderCount,
  completed,
  tasks: taskCount,
  seconds: Number(seconds.toFixed(2)),
  ordersPerSecond: Math.round(completed / seconds),
  tasksPerSecond: Math.round(taskCount / seconds),
  p50AckToCompleteMs: pct(0.5),
  p99AckToCompleteMs: pct(0.99),
  rssMb: Math.round(process.memoryUsage().rss / 1e6),
  // Orders per CPU-second of this process: comparable across runs on a machine shared with other work.
  cpuSeconds: Number(cpuSeconds.toFixed(2)),
  ordersPerCpuSecond: Math.round(completed / cpuSeconds),
  cpuUsPerOrder: Math.round((cpuSeconds * 1e6) / completed),
  mainThreadCpuUsPerOrder: Math.round((mainSeconds * 1e6) / completed),
  // How busy the whole machine was meanwhile (all processes), and its 1-minute load average at the end.
  machineBusy: Number(((machineEnd.busy - machineStart.busy) / Math.max(1e-9, machineEnd.total - machineStart.total)).toFixed(2)),
  loadAverage: Number((loadavg()[0] ?? 0).toFixed(2)),
  synchronous: 'FULL',
};
await stores.close();
rmSync(dir, { recursive: true, force: true });
if (json) console.log(JSON.stringify(result));
else {
  console.log(`engine: ${result.completed}/${orderCount} orders completed in ${result.seconds}s (${result.tasks} tasks)`);
  console.log(`  ${result.ordersPerSecond} orders/s, ${result.tasksPerSecond} tasks/s`);
  console.log(`  acknowledgement -> completion p50 ${result.p50AckToCompleteMs} ms, p99 ${result.p99AckToCompleteMs} ms`);
  console.log(`  RSS ${result.rssMb} MB, SQLite synchronous=FULL, ${result.cpuSeconds} CPU s (${result.ordersPerCpuSecond} orders per CPU s)`);
  console.log(`  CPU per order ${result.cpuUsPerOrder} µs, of which the main thread ${result.mainThreadCpuUsPerOrder} µs; machine ${Math.round(result.machineBusy * 100)}% busy, load average ${result.loadAverage}`);
}
