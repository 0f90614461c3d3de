import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import pg from 'pg';
import { quoteIdent } from '../../src/adapters/postgres/pg-database.js';
import { FINAL_ORDER_STATES } from '../../src/domain/order/order-state.js';
import { generateOrders } from '../../sim/generator/index.js';

/** A Provisio process started from the sources (`node --import tsx`) or the build, and how it ended. */
export interface ProvisioProcess {
  readonly role: 'api' | 'worker';
  readonly url: string;
  readonly child: ChildProcess;
  readonly exited: Promise<unknown>;
}

/** What every process of one test shares: the database, the schema and the engine lease. */
export interface Cluster {
  readonly databaseUrl: string;
  readonly schema: string;
  readonly leaseMs?: number;
  /** Engine rounds in flight in each worker (`--rounds`; default 1). */
  readonly engineRounds?: number;
  /**
   * Run the compiled build in `dist/` (`npm run build` first) with the Node options of `npm start`
   * (API) and `npm run worker`, as in production, instead of the sources through tsx (whose
   * per-function helpers cost CPU).
   */
  readonly built?: boolean;
  /** Every process started, so that the test can stop what is left. */
  readonly processes: ProvisioProcess[];
}

let nextPort = 19_000 + Math.floor(Math.random() * 800) * 5;

async function waitHealthy(p: ProvisioProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let gone = false;
  void p.exited.then(() => (gone = true));
  while (Date.now() < deadline && !gone) {
    try {
      if ((await fetch(`${p.url}/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  p.child.kill('SIGKILL');
  throw new Error(`${p.role} on ${p.url} did not become healthy`);
}

// PROVISIO_PROCESS_NODE_OPTIONS adds Node options to every process started (e.g. '--cpu-prof --cpu-prof-dir=prof');
// with it set, stopCluster lets the processes shut down (SIGTERM) so that they can write what the options ask for.
const nodeOptions = (process.env.PROVISIO_PROCESS_NODE_OPTIONS ?? '').split(' ').filter((o) => o !== '');

/** The Node options an npm script (`start`, `worker`) runs the build with: `node <options> dist/…`. */
export function npmScriptNodeOptions(name: 'start' | 'worker'): string[] {
  const scripts = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { scripts: Record<string, string> }).scripts;
  return /^node\s+(.*?)\s*dist\//.exec(scripts[name] ?? '')?.[1]?.split(/\s+/).filter(Boolean) ?? [];
}

/** Starts an API process (`serve --no-engine`) or a `worker` on the cluster's schema; resolves when healthy. */
export async function startProcess(cluster: Cluster, role: 'api' | 'worker', apiUrl?: string): Promise<ProvisioProcess> {
  const port = nextPort++;
  // PROVISIO_TEST_LOG_LEVEL=warn shows the processes' warnings (lost connections, failed rounds).
  const common = ['--port', String(port), '--simulators', 'instant', '--log-level', process.env.PROVISIO_TEST_LOG_LEVEL ?? 'error'];
  const [dir, ext, loader] = cluster.built === true ? ['dist/src/main', 'js', npmScriptNodeOptions(role === 'api' ? 'start' : 'worker')] : ['src/main', 'ts', ['--import', 'tsx']];
  const args =
    role === 'api'
      ? [...loader, `${dir}/server.${ext}`, '--no-engine', ...common]
      : [...loader, `${dir}/cli.${ext}`, 'worker', ...common, '--public-url', apiUrl ?? 'http://127.0.0.1:8622'];
  const env = {
    ...process.env,
    DATABASE_URL: cluster.databaseUrl,
    PROVISIO_PG_SCHEMA: cluster.schema,
    ...(cluster.leaseMs === undefined ? {} : { PROVISIO_LEASE_MS: String(cluster.leaseMs) }),
    ...(cluster.engineRounds === undefined || role !== 'worker' ? {} : { PROVISIO_ENGINE_ROUNDS: String(cluster.engineRounds) }),
  };
  const child = spawn(process.execPath, [...nodeOptions, ...args], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  const p: ProvisioProcess = { role, url: `http://127.0.0.1:${port}`, child, exited: new Promise((r) => child.once('exit', r)) };
  cluster.processes.push(p);
  await waitHealthy(p, 120_000);
  return p;
}

/** Kills every process of the cluster that still runs. */
export async function stopCluster(cluster: Cluster): Promise<void> {
  await Promise.all(
    cluster.processes.map(async (p) => {
      if (p.child.exitCode !== null || p.child.signalCode !== null) return;
      // With extra Node options the process may have something to write at exit (a profile): let it shut down.
      const graceful = nodeOptions.length > 0;
      p.child.kill(graceful ? 'SIGTERM' : 'SIGKILL');
      const timer = graceful ? setTimeout(() => p.child.kill('SIGKILL'), 10_000) : undefined;
      await p.exited;
      clearTimeout(timer);
    }),
  );
}

/** Generated TMF622 order bodies from the simulated world (same seed, same orders). */
export function generatedBodies(count: number, seed = 7): string[] {
  return generateOrders({ seed, count, startTime: new Date().toISOString(), days: 1 }).map((o) => JSON.stringify(o.body));
}

/** One POST of a create body over a kept-alive connection of `agent`: the status and the response text. */
function postOne(agent: Agent, api: URL, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        agent,
        host: api.hostname,
        port: api.port,
        method: 'POST',
        path: '/tmf-api/productOrderingManagement/v4/productOrder',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * POSTs the bodies round-robin to the APIs from `concurrency` clients; returns the ids of the
 * orders acknowledged with 201. Refused or failed requests (e.g. while the database is down) are
 * counted, not retried. Stops early once `stop()` says so. Plain node:http with kept-alive
 * connections: `fetch` cost the posting process 1.2-2 ms of CPU per order, which on two cores was
 * taken from the processes measured.
 */
export async function postOrders(
  apis: readonly string[],
  bodies: readonly string[],
  concurrency: number,
  stop: () => boolean = () => false,
): Promise<{ ids: string[]; failed: number }> {
  const ids: string[] = [];
  let failed = 0;
  let next = 0;
  const targets = apis.map((api) => ({ url: new URL(api), agent: new Agent({ keepAlive: true, maxSockets: concurrency }) }));
  try {
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < bodies.length && !stop()) {
          const i = next++;
          const target = targets[i % targets.length]!;
          try {
            const res = await postOne(target.agent, target.url, bodies[i] as string);
            if (res.status === 201) ids.push((JSON.parse(res.text) as { id: string }).id);
            else failed++;
          } catch {
            failed++;
          }
        }
      }),
    );
  } finally {
    for (const t of targets) t.agent.destroy();
  }
  return { ids, failed };
}

/** A client on the cluster's schema, for reading what the processes wrote. */
export async function schemaClient(cluster: Cluster): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: cluster.databaseUrl, options: `-c search_path=${quoteIdent(cluster.schema)}` });
  client.on('error', () => {});
  await client.connect();
  return client;
}

/** Order states by id; an acknowledged id missing here was lost. */
export async function orderStates(client: pg.Client, ids: readonly string[]): Promise<Map<string, string>> {
  const r = await client.query<{ id: string; state: string }>('SELECT id, state FROM product_order WHERE id = ANY($1::text[])', [ids]);
  return new Map(r.rows.map((row) => [row.id, row.state]));
}

/** True for the states an order may rest in: terminal, or held for an operator. */
export function isSettled(state: string | undefined): boolean {
  return state === 'held' || FINAL_ORDER_STATES.some((s) => s === state);
}

/** Polls until every id is settled or the timeout passes; returns the last states read. */
export async function waitSettled(client: pg.Client, ids: readonly string[], timeoutMs: number): Promise<Map<string, string>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const states = await orderStates(client, ids);
    if (ids.every((id) => isSettled(states.get(id))) || Date.now() > deadline) return states;
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Ids not settled (missing, or still moving), with their state, for assertion messages. */
export function unsettled(ids: readonly string[], states: ReadonlyMap<string, string>): string[] {
  return ids.filter((id) => !isSettled(states.get(id))).map((id) => `${id}:${states.get(id) ?? 'MISSING'}`);
}
