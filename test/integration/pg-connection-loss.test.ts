import { createServer, type AddressInfo, type Socket } from 'node:net';
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

  it('a statement left unanswered fails after the query timeout, and the pool goes on with a new connection', async () => {
    const schema = testSchemaName();
    const db = await openPgDatabase({ url: PG_TEST_URL, schema, maxConnections: 1, queryTimeoutMs: 300 });
    opened.push({ db, schema });
    await expect(db.pool.query('SELECT pg_sleep(3)')).rejects.toThrow(/timeout/i);
    expect((await db.pool.query<{ one: number }>('SELECT 1 AS one')).rows[0]?.one).toBe(1);
  });

});

describe('a PostgreSQL host that accepts connections and never answers', () => {
  it('fails opening the stores after the connect timeout instead of waiting for ever', async () => {
    const sockets: Socket[] = [];
    const silent = createServer((socket) => void sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as AddressInfo;
    try {
      const started = Date.now();
      await expect(openPgDatabase({ url: `postgres://provisio@127.0.0.1:${port}/provisio`, connectTimeoutMs: 300 })).rejects.toThrow(/timeout/i);
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});
