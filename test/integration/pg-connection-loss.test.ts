import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { openPgDatabase, type PgDatabase } from '../../src/adapters/postgres/pg-database.js';
import type { PgChangeWriter } from '../../src/adapters/postgres/pg-change-writer.js';
import { PgGroupCommitter } from '../../src/adapters/postgres/pg-group-commit.js';
import { dropSchema, PG_TEST_URL, postgresSkipReason, testSchemaName } from '../contract/postgres-test-database.js';

const skip = await postgresSkipReason();
if (skip !== undefined) console.warn(`PostgreSQL connection-loss tests skipped: ${skip}`);

const opened: { db: PgDatabase; schema: string }[] = [];
async function openDb(): Promise<PgDatabase> {
  const schema = testSchemaName();
  const db = await openPgDatabase({ url: PG_TEST_URL, schema, maxConnections: 2 });
  opened.push({ db, schema });
  return db;
}
afterEach(async () => {
  for (const { db, schema } of opened.splice(0)) {
    await db.pool.end();
    await dropSchema(schema);
  }
});

/** Ends a backend from another connection, as a PostgreSQL restart or an administrator does. */
async function terminate(pid: number): Promise<void> {
  const admin = new pg.Client({ connectionString: PG_TEST_URL });
  await admin.connect();
  try {
    await admin.query('SELECT pg_terminate_backend($1)', [pid]);
  } finally {
    await admin.end();
  }
}

/** A change writer that inserts a marker row; told to, it has its own backend ended mid-transaction. */
function markerWriter(killNext: { on: boolean }): PgChangeWriter<string> {
  return {
    keys: (id) => [id],
    async write(tx, batch) {
      await tx.query('INSERT INTO marker (id) SELECT unnest($1::text[])', [batch]);
      if (killNext.on) {
        killNext.on = false;
        const r = await tx.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
        await terminate(r.rows[0]!.pid);
        // No query is in flight while the connection dies: the client reports it as an 'error' event.
        await new Promise((r) => setTimeout(r, 300));
      }
      return new Map();
    },
  };
}

describe.skipIf(skip !== undefined)('PostgreSQL connections lost while checked out of the pool', () => {
  it('a group commit whose connection dies fails its change sets, and the next commit goes through', async () => {
    const db = await openDb();
    await db.pool.query('CREATE TABLE marker (id text PRIMARY KEY)');
    const killNext = { on: true };
    const committer = new PgGroupCommitter(db.pool, [markerWriter(killNext)]);
    await expect(committer.commit('lost')).rejects.toThrow();
    await committer.commit('after');
    const rows = await db.pool.query<{ id: string }>('SELECT id FROM marker ORDER BY id');
    expect(rows.rows.map((r) => r.id)).toEqual(['after']);
  });

});
