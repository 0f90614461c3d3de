// Multi-process benchmark on PostgreSQL: two API processes (`serve --no-engine --simulators instant`)
// take generated orders over HTTP, and 1, 2 and 4 `provisio worker` processes provision them.
// Reports, per worker count, orders/s end to end (first POST until every acknowledged order is
// terminal or held) and the intake rate of the APIs alone, with the load average of the machine.
// Usage: npx tsx bench/engine-bench-multi.ts [--orders N] [--workers 1,2,4] [--json]
//        (DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test; a fresh schema is dropped afterwards)
import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import {
  generatedBodies,
  postOrders,
  schemaClient,
  startProcess,
  stopCluster,
  waitSettled,
  type Cluster,
  type ProvisioProcess,
} from '../test/integration/multiprocess-harness.js';
import { dropSchema, testSchemaName } from '../test/contract/postgres-test-database.js';

const args = process.argv.slice(2);
const json = args.includes('--json');
const option = (name: string): string | undefined => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const orderCount = Number(option('--orders') ?? 2_000);
const workerCounts = (option('--workers') ?? '1,2,4').split(',').map(Number);
const databaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

interface RunResult {
  workers: number;
  acknowledged: number;
  refused: number;
  settled: number;
  seconds: number;
  ordersPerSecond: number;
  intakePerSecond: number;
  loadAverage: number;
}

async function stopGracefully(ps: readonly ProvisioProcess[]): Promise<void> {
  for (const p of ps) p.child.kill('SIGTERM');
  await Promise.all(ps.map((p) => p.exited));
}

async function runWith(cluster: Cluster, apis: readonly string[], workers: number, seed: number): Promise<RunResult> {
  const started = await Promise.all(Array.from({ length: workers }, () => startProcess(cluster, 'worker', apis[0])));
  const bodies = generatedBodies(orderCount, seed);
  const client = await schemaClient(cluster);
  try {
    const t0 = performance.now();
    const posted = await postOrders(apis, bodies, 32);
    const intakeSeconds = (performance.now() - t0) / 1000;
    const states = await waitSettled(client, posted.ids, 600_000);
    const seconds = (performance.now() - t0) / 1000;
    const settled = posted.ids.filter((id) => ['held', 'completed', 'failed', 'partial', 'cancelled', 'rejected'].includes(states.get(id) ?? '')).length;
    return {
      workers,
      acknowledged: posted.ids.length,
      refused: posted.failed,
      settled,
      seconds: Number(seconds.toFixed(2)),
      ordersPerSecond: Math.round(settled / seconds),
      intakePerSecond: Math.round(posted.ids.length / intakeSeconds),
      loadAverage: Number((loadavg()[0] ?? 0).toFixed(2)),
    };
  } finally {
    await client.end();
    await stopGracefully(started);
  }
}

// The processes run the build with the Node options of `npm start` and `npm run worker`, as in production.
process.stderr.write('building…\n');
execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
const cluster: Cluster = { databaseUrl, schema: testSchemaName(), processes: [], built: true };
const results: RunResult[] = [];
try {
  const first = await startProcess(cluster, 'api');
  const second = await startProcess(cluster, 'api');
  const apis = [first.url, second.url];
  for (const [i, n] of workerCounts.entries()) {
    const r = await runWith(cluster, apis, n, 100 + i);
    results.push(r);
    if (!json) {
      console.log(
        `${n} worker(s): ${r.settled}/${r.acknowledged} orders settled in ${r.seconds} s = ${r.ordersPerSecond} orders/s end to end ` +
          `(API intake ${r.intakePerSecond}/s, ${r.refused} refused, load average ${r.loadAverage})`,
      );
    }
  }
} finally {
  await stopCluster(cluster);
  await dropSchema(cluster.schema);
}
if (json) console.log(JSON.stringify({ bench: 'engine-multi', store: 'postgres', orders: orderCount, cpus: 2, results }));
