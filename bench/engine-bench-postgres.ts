// Backlog-first engine benchmark on PostgreSQL: worker scaling measured apart from API intake.
// For each worker count, in a fresh schema: N generated orders are submitted through the submit use
// case (catalog and date entry checks, decomposition into a plan, one group commit per batch, as an
// API process does) while no worker runs; their ready tasks are parked; then `provisio worker`
// processes (simulators `instant`) start and first drain a small warm-up backlog (a long-running
// worker's code is compiled and optimised; a fresh one's is not), and then the measured backlog is
// released at once. The workers run the build in dist/ (built first) with the Node options of
// `npm run worker`. The clock runs from the release until every acknowledged order is terminal or held.
// Usage: npm run bench -- --store postgres [--workers 1,2,4] [--rounds 1] [--orders 10000] [--warm-up 1000] [--json]
//        (--rounds: engine rounds in flight in each worker, as `provisio worker --rounds`)
//        (DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test; the schemas are dropped afterwards)
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import pg from 'pg';
import { generateOrders } from '../sim/generator/index.js';
import { loadFileCatalog } from '../src/adapters/catalog/file-catalog.js';
import { quoteIdent } from '../src/adapters/postgres/pg-database.js';
import { openPostgresStores } from '../src/adapters/postgres/pg-stores.js';
import { systemClock } from '../src/adapters/system/system-clock.js';
import { uuidIds } from '../src/adapters/system/uuid-ids.js';
import { draftFromCreateJson } from '../src/api/tmf622/v4/order-from-json.js';
import { catalogEntryCheck, orderDatesEntryCheck } from '../src/app/catalog-entry-check.js';
import { submitOrder, type SubmitOrderDeps } from '../src/app/submit-order.js';
import { planForSubmit } from '../src/domain/decomposition/plan-for-submit.js';
import { FINAL_ORDER_STATES } from '../src/domain/order/order-state.js';
import { loadShippedDecompositionRules } from '../src/main/provisioning.js';
import { startProcess, stopCluster, type Cluster, type ProvisioProcess } from '../test/integration/multiprocess-harness.js';
import { cpuSecondsOf, localTcpPorts, machineCpu, type MachineCpu } from './process-cpu.js';

const args = process.argv.slice(2);
const json = args.includes('--json');
const option = (name: string): string | undefined => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const orderCount = Number(option('--orders') ?? 10_000);
const workerCounts = (option('--workers') ?? '1,2,4').split(',').map(Number);
const engineRounds = Number(option('--rounds') ?? 1);
const warmUpCount = Number(option('--warm-up') ?? Math.min(1_000, Math.ceil(orderCount / 5)));
const databaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
/** Added to the due time of the measured backlog's ready tasks while the workers start (about 300 years). */
const PARK_MS = 10_000_000_000_000;
/** Added to the due time of the warm-up backlog's ready tasks (parked apart from the measured ones). */
const WARM_UP_PARK_MS = PARK_MS / 2;
const SETTLED = ['held', ...FINAL_ORDER_STATES];

interface Backlog {
  readonly acknowledged: number;
  readonly notProvisioned: number;
  readonly tasks: number;
  readonly loadSeconds: number;
}

interface RunResult {
  readonly workers: number;
  /** Engine rounds in flight in each worker. */
  readonly rounds: number;
  readonly orders: number;
  readonly tasks: number;
  readonly settled: number;
  readonly seconds: number;
  readonly ordersPerSecond: number;
  readonly tasksPerSecond: number;
  readonly outcomes: Readonly<Record<string, number>>;
  /** CPU seconds during the drain: of the worker processes, and of the PostgreSQL backends serving their connections. */
  readonly workerCpuSeconds: number;
  /** The workers' engine counters over the drain (rounds, tasks claimed and chained, conflict retries, phase seconds). */
  readonly engine: EngineCounters;
  readonly postgresCpuSeconds: number;
  /** Busy share of the whole machine (all cores) during the drain. */
  readonly machineBusy: number;
  readonly loadAverage: number;
  readonly loadSeconds: number;
}

const catalog = loadFileCatalog();
const rules = loadShippedDecompositionRules();

function say(line: string): void {
  process.stderr.write(`${line}\n`);
}

async function schemaClient(schema: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: databaseUrl, options: `-c search_path=${quoteIdent(schema)}` });
  client.on('error', () => {});
  await client.connect();
  return client;
}

async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${quoteIdent(schema)} CASCADE`);
  } finally {
    await client.end();
  }
}

/** Submits the bodies as an API process would (256 requests in flight), then parks their ready tasks by `parkMs`. */
async function loadBacklog(schema: string, bodies: readonly unknown[], parkMs: number): Promise<Backlog> {
  const started = performance.now();
  const stores = await openPostgresStores({ url: databaseUrl, schema, listen: false });
  const deps: SubmitOrderDeps = {
    store: stores.orders,
    clock: systemClock,
    ids: uuidIds,
    entryChecks: [catalogEntryCheck(catalog), orderDatesEntryCheck],
    planner: (order, now) => planForSubmit(order, catalog, rules, now),
  };
  let acknowledged = 0;
  let notProvisioned = 0;
  let next = 0;
  try {
    await Promise.all(
      Array.from({ length: 256 }, async () => {
        for (let i = next++; i < bodies.length; i = next++) {
          const order = await submitOrder(deps, draftFromCreateJson(bodies[i] as Parameters<typeof draftFromCreateJson>[0]));
          if (order.state === 'acknowledged') acknowledged++;
          else notProvisioned++;
        }
      }),
    );
    // Only the tasks just submitted are due before any parked time.
    const tasks = await stores.pool.query<{ n: string }>(
      `WITH parked AS (UPDATE task SET due_at = due_at + $1 WHERE due_at < $2 RETURNING order_id)
       SELECT count(*) AS n FROM task WHERE order_id IN (SELECT order_id FROM parked)`,
      [parkMs, WARM_UP_PARK_MS],
    );
    return { acknowledged, notProvisioned, tasks: Number(tasks.rows[0]?.n), loadSeconds: (performance.now() - started) / 1000 };
  } finally {
    await stores.close();
  }
}

/**
 * What autovacuum does on a production database after such a load: the tables' statistics, without
 * which the planner guesses and scans whole tables, and no dead row versions of the parking update.
 * (PostgreSQL here may run with autovacuum off, as this machine's CI setup does.)
 */
async function vacuumAnalyze(schema: string): Promise<void> {
  const client = await schemaClient(schema);
  try {
    // The bench schema's tables only (a bare VACUUM goes through every table of the database).
    const tables = await client.query<{ name: string }>('SELECT tablename AS name FROM pg_tables WHERE schemaname = $1 ORDER BY tablename', [schema]);
    await client.query(`VACUUM ANALYZE ${tables.rows.map((t) => `${quoteIdent(schema)}.${quoteIdent(t.name)}`).join(', ')}`);
  } finally {
    await client.end();
  }
}

async function outcomes(client: pg.Client): Promise<Record<string, number>> {
  const r = await client.query<{ state: string; n: string }>('SELECT state, count(*) AS n FROM product_order GROUP BY state ORDER BY state');
  return Object.fromEntries(r.rows.map((row) => [row.state, Number(row.n)]));
}

/** The PostgreSQL backend processes serving the workers' connections (matched by the workers' local ports). */
async function backendsOf(client: pg.Client, workers: readonly ProvisioProcess[]): Promise<number[]> {
  const ports = workers.flatMap((p) => localTcpPorts(p.child.pid));
  const r = await client.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE client_port = ANY($1::int[])', [ports]);
  return r.rows.map((row) => row.pid);
}

async function settledCount(client: pg.Client): Promise<number> {
  const r = await client.query<{ n: string }>('SELECT count(*) AS n FROM product_order WHERE state = ANY($1::text[])', [SETTLED]);
  return Number(r.rows[0]?.n);
}

/** Releases the backlog parked by `parkMs` and waits until `total` orders rest (or nothing moved for 30 s). */
async function drain(client: pg.Client, parkMs: number, total: number): Promise<{ settled: number; seconds: number }> {
  const t0 = performance.now();
  await client.query('UPDATE task SET due_at = due_at - $1 WHERE due_at >= $1 AND due_at < $1 + $2', [parkMs, WARM_UP_PARK_MS]);
  let settled = 0;
  let movedAt = performance.now();
  for (;;) {
    const n = await settledCount(client);
    if (n !== settled) movedAt = performance.now();
    settled = n;
    if (settled >= total || performance.now() - movedAt > 30_000) break;
    // Counting settled orders costs the server a few ms: every 100 ms keeps that under a few % of a core.
    await new Promise((r) => setTimeout(r, 100));
  }
  return { settled, seconds: (performance.now() - t0) / 1000 };
}

/** The engine counters the bench reads off the workers' /metrics. */
const ENGINE_SERIES = {
  rounds: 'provisio_engine_rounds_total',
  claimed: 'provisio_engine_tasks_total{via="claimed"}',
  chained: 'provisio_engine_tasks_total{via="chained"}',
  conflictRetries: 'provisio_engine_conflict_retries_total',
  claimSeconds: 'provisio_engine_round_phase_seconds_sum{phase="claim"}',
  runSeconds: 'provisio_engine_round_phase_seconds_sum{phase="run"}',
  recordSeconds: 'provisio_engine_round_phase_seconds_sum{phase="record"}',
} as const;
type EngineCounters = Record<keyof typeof ENGINE_SERIES, number>;

/** The engine counters summed over the workers. */
async function engineCounters(workers: readonly ProvisioProcess[]): Promise<EngineCounters> {
  const texts = await Promise.all(workers.map(async (w) => (await fetch(`${w.url}/metrics`)).text()));
  const sum = (series: string): number =>
    texts.reduce((n, t) => n + Number(t.split('\n').find((l) => l.startsWith(`${series} `))?.slice(series.length + 1) ?? 0), 0);
  return Object.fromEntries(Object.entries(ENGINE_SERIES).map(([k, series]) => [k, sum(series)])) as EngineCounters;
}

async function runWith(workers: number, bodies: readonly unknown[], warmUp: readonly unknown[]): Promise<RunResult> {
  const cluster: Cluster = { databaseUrl, schema: `provisio_bench_${randomBytes(4).toString('hex')}`, processes: [], built: true, engineRounds };
  try {
    const backlog = await loadBacklog(cluster.schema, bodies, PARK_MS);
    const warm = await loadBacklog(cluster.schema, warmUp, WARM_UP_PARK_MS);
    await vacuumAnalyze(cluster.schema);
    say(`  ${workers} worker(s): ${backlog.acknowledged} acknowledged orders (${backlog.tasks} tasks) loaded in ${backlog.loadSeconds.toFixed(1)} s; starting workers`);
    const started: ProvisioProcess[] = await Promise.all(Array.from({ length: workers }, () => startProcess(cluster, 'worker')));
    const client = await schemaClient(cluster.schema);
    try {
      const warmed = await drain(client, WARM_UP_PARK_MS, (await settledCount(client)) + warm.acknowledged);
      say(`  ${workers} worker(s): warmed up on ${warm.acknowledged} orders in ${warmed.seconds.toFixed(1)} s; releasing the backlog`);
      const settledBefore = await settledCount(client);
      const cpu0 = started.map((p) => cpuSecondsOf(p.child.pid));
      const machine0: MachineCpu = machineCpu();
      const backends = await backendsOf(client, started);
      const postgres0 = backends.map(cpuSecondsOf);
      const engine0 = await engineCounters(started);
      const { settled, seconds } = await drain(client, PARK_MS, settledBefore + backlog.acknowledged);
      const machine1 = machineCpu();
      const engine1 = await engineCounters(started);
      const engine = Object.fromEntries(Object.keys(ENGINE_SERIES).map((k) => [k, engine1[k as keyof EngineCounters] - engine0[k as keyof EngineCounters]])) as EngineCounters;
      const postgresCpu = backends.reduce((s, pid, i) => s + cpuSecondsOf(pid) - (postgres0[i] ?? 0), 0);
      const workerCpu = started.reduce((s, p, i) => s + cpuSecondsOf(p.child.pid) - (cpu0[i] ?? 0), 0);
      const done = settled - settledBefore;
      return {
        workers,
        rounds: engineRounds,
        orders: backlog.acknowledged,
        tasks: backlog.tasks,
        settled: done,
        seconds: Number(seconds.toFixed(2)),
        ordersPerSecond: Math.round(done / seconds),
        tasksPerSecond: Math.round((backlog.tasks * done) / Math.max(1, backlog.acknowledged) / seconds),
        outcomes: await outcomes(client),
        workerCpuSeconds: Number(workerCpu.toFixed(2)),
        postgresCpuSeconds: Number(postgresCpu.toFixed(2)),
        machineBusy: Number(((machine1.busy - machine0.busy) / Math.max(1e-9, machine1.total - machine0.total)).toFixed(2)),
        loadAverage: Number((loadavg()[0] ?? 0).toFixed(2)),
        loadSeconds: Number(backlog.loadSeconds.toFixed(1)),
        engine,
      };
    } finally {
      await client.end();
    }
  } finally {
    await stopCluster(cluster);
    await dropSchema(cluster.schema);
  }
}

function table(results: readonly RunResult[]): string {
  const head = ['workers', 'in flight', 'orders', 'settled', 'seconds', 'orders/s', 'tasks/s', 'worker CPU s', 'their backends CPU s', 'CPU ms/order', 'machine busy', 'load avg', 'rounds run', 'tasks/round', 'chained', 'conflict retries', 'claim/run/record s'];
  const rows = results.map((r) =>
    [
      r.workers, r.rounds, r.orders, r.settled, r.seconds, r.ordersPerSecond, r.tasksPerSecond, r.workerCpuSeconds, r.postgresCpuSeconds,
      (((r.workerCpuSeconds + r.postgresCpuSeconds) * 1000) / Math.max(1, r.settled)).toFixed(2), `${Math.round(r.machineBusy * 100)}%`, r.loadAverage,
      r.engine.rounds, ((r.engine.claimed + r.engine.chained) / Math.max(1, r.engine.rounds)).toFixed(0),
      `${Math.round((100 * r.engine.chained) / Math.max(1, r.engine.claimed + r.engine.chained))}%`, r.engine.conflictRetries,
      [r.engine.claimSeconds, r.engine.runSeconds, r.engine.recordSeconds].map((x) => x.toFixed(1)).join('/'),
    ].map(String),
  );
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  return [head, ...rows].map((row) => row.map((c, i) => c.padStart(widths[i] ?? 0)).join('  ')).join('\n');
}

say(`engine bench on PostgreSQL: ${orderCount} generated orders per run after ${warmUpCount} to warm up, workers ${workerCounts.join(', ')} with ${engineRounds} round(s) in flight each; load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
// The workers run the build, as `provisio worker` does in production.
say('building…');
execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
// Seed 1: the world the workers simulate (their default seed), so every customer and address exists there.
const generated = generateOrders({ seed: 1, count: warmUpCount + orderCount, startTime: new Date(systemClock.now()).toISOString(), days: 1 }).map((o) => o.body as unknown);
const warmUp = generated.slice(0, warmUpCount);
const bodies = generated.slice(warmUpCount);
const results: RunResult[] = [];
for (const n of workerCounts) results.push(await runWith(n, bodies, warmUp));
say(table(results));
say(`outcomes (last run): ${JSON.stringify(results.at(-1)?.outcomes ?? {})}`);
if (json) console.log(JSON.stringify({ bench: 'engine', store: 'postgres', orders: orderCount, cpus: 2, results }));
