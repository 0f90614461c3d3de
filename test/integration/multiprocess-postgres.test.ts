import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { readPgEffectReport } from '../../src/adapters/postgres/pg-effect-ledger.js';
import { dropSchema, PG_TEST_URL, postgresSkipReason, testSchemaName } from '../contract/postgres-test-database.js';
import {
  generatedBodies,
  postOrders,
  schemaClient,
  startProcess,
  stopCluster,
  unsettled,
  waitSettled,
  type Cluster,
} from './multiprocess-harness.js';

const skip = await postgresSkipReason();
if (skip !== undefined) process.stdout.write(`skipping the multi-process PostgreSQL suite: ${skip}\n`);

const clusters: Cluster[] = [];
function newCluster(leaseMs?: number, engineRounds?: number): Cluster {
  const c: Cluster = {
    databaseUrl: PG_TEST_URL,
    schema: testSchemaName(),
    processes: [],
    ...(leaseMs === undefined ? {} : { leaseMs }),
    ...(engineRounds === undefined ? {} : { engineRounds }),
  };
  clusters.push(c);
  return c;
}

afterEach(async () => {
  for (const c of clusters.splice(0)) {
    await stopCluster(c);
    await dropSchema(c.schema);
  }
});

/** Runs pg_ctlcluster on the local PostgreSQL (stop or start). */
function pgCtl(action: 'stop' | 'start' | 'status'): boolean {
  const version = readdirSync('/etc/postgresql')[0];
  if (version === undefined) throw new Error('no local PostgreSQL cluster to restart');
  try {
    execFileSync('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', action], { stdio: 'ignore' });
    return true;
  } catch (err) {
    if (action === 'status') return false;
    throw err;
  }
}

describe.skipIf(skip !== undefined)('several Provisio processes on one PostgreSQL', () => {
  it('two API processes and three workers, each with two rounds in flight, complete a generated workload', { timeout: 150_000 }, async () => {
    const cluster = newCluster(undefined, 2);
    // The first process migrates the schema; the others start together.
    const api1 = await startProcess(cluster, 'api');
    const [api2] = await Promise.all([startProcess(cluster, 'api'), ...[1, 2, 3].map(() => startProcess(cluster, 'worker', api1.url))]);
    const posted = await postOrders([api1.url, api2.url], generatedBodies(150), 12);
    expect(posted.ids.length).toBeGreaterThan(100);
    const client = await schemaClient(cluster);
    try {
      const states = await waitSettled(client, posted.ids, 30_000);
      expect(unsettled(posted.ids, states)).toEqual([]);
      expect([...states.values()].filter((s) => s === 'completed').length).toBeGreaterThan(posted.ids.length / 2);
      const report = await readPgEffectReport(client);
      expect(report.totalApplied).toBeGreaterThan(posted.ids.length);
      expect(report.duplicates).toBe(0);
    } finally {
      await client.end();
    }
  });

  it('a worker killed while holding leases: the others finish its tasks, no effect applied twice', { timeout: 150_000 }, async () => {
    const cluster = newCluster(1_500);
    const api = await startProcess(cluster, 'api');
    const victim = await startProcess(cluster, 'worker', api.url);
    const client = await schemaClient(cluster);
    try {
      const posting = postOrders([api.url], generatedBodies(120, 11), 12);
      // Freeze the victim at a moment it holds live leases, then kill it: its leases can only expire.
      let held = 0;
      for (let i = 0; i < 400 && held === 0; i++) {
        await new Promise((r) => setTimeout(r, 5));
        victim.child.kill('SIGSTOP');
        const r = await client.query<{ n: string }>(`SELECT count(*) AS n FROM task WHERE state = 'running' AND due_at > $1`, [Date.now()]);
        held = Number(r.rows[0]?.n);
        if (held === 0) victim.child.kill('SIGCONT');
      }
      victim.child.kill('SIGKILL');
      await victim.exited;
      expect(held).toBeGreaterThan(0);
      const posted = await posting;
      await Promise.all([startProcess(cluster, 'worker', api.url), startProcess(cluster, 'worker', api.url)]);
      const states = await waitSettled(client, posted.ids, 30_000);
      expect(unsettled(posted.ids, states)).toEqual([]);
      const report = await readPgEffectReport(client);
      expect(report.duplicates).toBe(0);
      expect(report.totalApplied).toBeGreaterThan(0);
    } finally {
      await client.end();
    }
  });

  // The restart ends every backend, also those of group commits in flight: the processes must
  // live through it (a lost checked-out connection used to end them) and drain the backlog after.
  it('a PostgreSQL restart mid-run loses no acknowledged order', { timeout: 240_000 }, async () => {
    const cluster = newCluster(2_000);
    const api = await startProcess(cluster, 'api');
    const worker = await startProcess(cluster, 'worker', api.url);
    let posted: { ids: string[]; failed: number } = { ids: [], failed: 0 };
    let stopPosting = false;
    try {
      const posting = postOrders([api.url], generatedBodies(3_000, 13), 8, () => stopPosting);
      await new Promise((r) => setTimeout(r, 1_500));
      pgCtl('stop');
      await new Promise((r) => setTimeout(r, 1_000));
      pgCtl('start');
      await new Promise((r) => setTimeout(r, 1_500));
      stopPosting = true;
      posted = await posting;
    } finally {
      if (!pgCtl('status')) pgCtl('start');
    }
    expect(posted.failed).toBeGreaterThan(0);
    expect([api, worker].filter((p) => p.child.exitCode !== null || p.child.signalCode !== null).map((p) => p.role)).toEqual([]);
    // Orders keep being taken once the database is back.
    const after = await postOrders([api.url], generatedBodies(20, 17), 4);
    expect(after.ids.length).toBe(20);
    const ids = [...posted.ids, ...after.ids];
    const client = await schemaClient(cluster);
    try {
      // One worker drains the whole backlog after the restart; give a loaded CI machine time.
      const states = await waitSettled(client, ids, 150_000);
      expect(unsettled(ids, states)).toEqual([]);
      expect((await readPgEffectReport(client)).duplicates).toBe(0);
      expect(worker.child.exitCode).toBeNull();
    } finally {
      await client.end();
    }
  });
});
