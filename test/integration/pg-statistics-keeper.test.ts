import { afterAll, describe, expect, it } from 'vitest';
import { openPgDatabase, type PgDatabase } from '../../src/adapters/postgres/pg-database.js';
import { PgStatisticsKeeper } from '../../src/adapters/postgres/pg-statistics-keeper.js';
import { dropSchema, PG_TEST_URL, postgresSkipReason, testSchemaName } from '../contract/postgres-test-database.js';

const skip = await postgresSkipReason();
const schema = testSchemaName();
const opened: PgDatabase[] = [];
afterAll(async () => {
  for (const db of opened) await db.pool.end();
  if (skip === undefined) await dropSchema(schema);
});

async function analysedAt(db: PgDatabase, table: string): Promise<{ analysed: boolean; estimate: number }> {
  // The statistics collector reports with a short delay.
  await db.pool.query('SELECT pg_stat_clear_snapshot()');
  const r = await db.pool.query<{ analysed: boolean; reltuples: number }>(
    `SELECT s.last_analyze IS NOT NULL AS analysed, c.reltuples FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid
     WHERE s.schemaname = current_schema() AND s.relname = $1`,
    [table],
  );
  return { analysed: r.rows[0]?.analysed ?? false, estimate: Number(r.rows[0]?.reltuples ?? -1) };
}

async function waitForModifications(db: PgDatabase, table: string, atLeast: number): Promise<void> {
  for (let i = 0; i < 100; i++) {
    await db.pool.query('SELECT pg_stat_clear_snapshot()');
    const r = await db.pool.query<{ n: string }>(
      'SELECT n_mod_since_analyze AS n FROM pg_stat_user_tables WHERE schemaname = current_schema() AND relname = $1',
      [table],
    );
    if (Number(r.rows[0]?.n ?? 0) >= atLeast) return;
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe.skipIf(skip !== undefined)('PostgreSQL statistics keeper', () => {
  it('gives the engine tables never analysed their first statistics once they hold rows, one process at a time', async () => {
    const db = await openPgDatabase({ url: PG_TEST_URL, schema });
    const other = await openPgDatabase({ url: PG_TEST_URL, schema });
    opened.push(db, other);
    const analysed: string[][] = [];
    const keeper = new PgStatisticsKeeper(db.pool, { onAnalysed: (t) => analysed.push([...t]) });

    // As on a database whose autovacuum is off (it would otherwise race the keeper here).
    await db.pool.query('ALTER TABLE task SET (autovacuum_enabled = false); ALTER TABLE plan SET (autovacuum_enabled = false)');
    // 40 plans: under the threshold of an empty table (50 rows). 2,000 tasks: over it.
    await db.pool.query(`INSERT INTO plan (order_id, version, revision, order_state, cancellation, items, item_states)
      SELECT 'o' || g, 1, 1, 'acknowledged', 'none', '[]', '{}' FROM generate_series(1, 40) g`);
    await db.pool.query(`INSERT INTO task (order_id, id, type, item_id, mode, depends_on, state, attempt, inputs)
      SELECT 'o' || (g % 40 + 1), 't' || g, 'reserve-number', 'i1', 'do', '', 'pending', 0, '{}' FROM generate_series(1, 2000) g`);
    await waitForModifications(db, 'task', 2000);

    // Another process holding the lock: this one leaves the analysis to it.
    const holder = await other.pool.connect();
    try {
      await holder.query("SELECT pg_advisory_lock(hashtext(current_schema() || ':provisio-analyse'))");
      expect(await keeper.analyseUnanalysed()).toEqual([]);
      await holder.query("SELECT pg_advisory_unlock(hashtext(current_schema() || ':provisio-analyse'))");
    } finally {
      holder.release();
    }

    expect(await keeper.analyseUnanalysed()).toEqual(['task']);
    expect(analysed).toEqual([['task']]);
    expect(await analysedAt(db, 'task')).toEqual({ analysed: true, estimate: 2000 });
    expect((await analysedAt(db, 'plan')).analysed).toBe(false);

    // Analysed once: more changes are left to the planner's scaling (and to autovacuum where it runs).
    await db.pool.query(`INSERT INTO task (order_id, id, type, item_id, mode, depends_on, state, attempt, inputs)
      SELECT 'o1', 'u' || g, 'reserve-number', 'i1', 'do', '', 'pending', 0, '{}' FROM generate_series(1, 2000) g`);
    await waitForModifications(db, 'task', 2000);
    expect(await keeper.analyseUnanalysed()).toEqual([]);
    // The plans, now over the threshold and never analysed, get theirs.
    await db.pool.query(`INSERT INTO plan (order_id, version, revision, order_state, cancellation, items, item_states)
      SELECT 'p' || g, 1, 1, 'acknowledged', 'none', '[]', '{}' FROM generate_series(1, 20) g`);
    await waitForModifications(db, 'plan', 60);
    expect(await keeper.analyseUnanalysed()).toEqual(['plan']);

    // Once every engine table has statistics a started keeper stops checking by itself.
    const started = new PgStatisticsKeeper(db.pool, { intervalMs: 20 });
    started.start();
    expect(started.checking).toBe(true);
    for (let i = 0; i < 100 && started.checking; i++) await new Promise((r) => setTimeout(r, 20));
    expect(started.checking).toBe(false);
    await started.stop();
  });
});
