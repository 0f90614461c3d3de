import pg from 'pg';
import type { Migration } from '../sqlite/migrations/migration.js';
import { PG_MIGRATIONS } from './migrations/index.js';
import { migratePg } from './pg-migrator.js';

/** Where and how to connect to PostgreSQL. */
export interface PgDatabaseOptions {
  /** `postgres://user@host:port/database` (DATABASE_URL). */
  readonly url: string;
  /** Schema holding Provisio's tables (created if missing); default: the server's search path. */
  readonly schema?: string;
  /** Most connections this process opens (default 10). */
  readonly maxConnections?: number;
  /** Schema history to apply (default: all Provisio PostgreSQL migrations). */
  readonly migrations?: readonly Migration[];
  /** Longest wait for a connection, new or pooled, in ms (default 30 s). */
  readonly connectTimeoutMs?: number;
  /** Longest wait for a statement's answer, in ms (default 120 s): a database that vanished without closing the connection fails the work instead of stalling it. */
  readonly queryTimeoutMs?: number;
}

/** A migrated pool and the schema it works in. */
export interface PgDatabase {
  readonly pool: pg.Pool;
  /** The schema the tables live in (the first of the search path). */
  readonly schema: string;
}

/** Double-quotes an SQL identifier. */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Pool settings for a URL and optional schema (search path and jit=off set at connection start-up). */
export function poolConfig(options: PgDatabaseOptions): pg.PoolConfig {
  return {
    connectionString: options.url,
    max: options.maxConnections ?? 10,
    application_name: 'provisio',
    connectionTimeoutMillis: options.connectTimeoutMs ?? 30_000,
    query_timeout: options.queryTimeoutMs ?? 120_000,
    // A failover can leave connections to a host that no longer answers: probe idle ones.
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
    // No JIT: its compile time per statement (the batch statements' estimated costs pass the
    // threshold, and each is planned anew) exceeds any gain on these short statements many times.
    options: `-c jit=off -c random_page_cost=1.1${options.schema === undefined ? '' : ` -c search_path=${quoteIdent(options.schema)}`}`,
  };
}

/**
 * Runs `fn` on a client checked out of the pool and gives it back. While checked out a client has
 * no listener of the pool's: a connection lost then (PostgreSQL restarting, an administrator ending
 * the backend) would be an unhandled 'error' event that ends the process. Here it is caught, `fn`'s
 * pending query fails instead, and the client is discarded rather than pooled again when its
 * connection was lost or `fn` threw (as `pool.query` does).
 */
export async function withPoolClient<T>(pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let lost: Error | undefined;
  const onError = (err: Error): void => {
    lost ??= err;
  };
  client.on('error', onError);
  try {
    return await fn(client);
  } catch (err) {
    lost ??= err instanceof Error ? err : new Error(String(err));
    throw err;
  } finally {
    client.removeListener('error', onError);
    client.release(lost);
  }
}

/** Runs `fn` in a transaction on a pooled client (see withPoolClient): committed when it returns, rolled back when it throws. */
export function inPgTransaction<T>(pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  return withPoolClient(pool, async (client) => {
    await client.query('BEGIN');
    try {
      const result = await fn(client);
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    }
  });
}

// Two processes creating the schema at once: the loser sees a duplicate, which is fine.
async function createSchema(client: pg.PoolClient, schema: string): Promise<void> {
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`);
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    if (code !== '23505' && code !== '42P06') throw err;
  }
}

/**
 * Opens a pool on DATABASE_URL, creates the schema when one is named, and migrates it under an
 * advisory lock. Throws SchemaTooNewError for a database written by a newer build.
 */
export async function openPgDatabase(options: PgDatabaseOptions): Promise<PgDatabase> {
  const pool = new pg.Pool(poolConfig(options));
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  try {
    return await withPoolClient(pool, async (client) => {
      if (options.schema !== undefined) await createSchema(client, options.schema);
      const r = await client.query<{ s: string | null }>('SELECT current_schema() AS s');
      const schema = r.rows[0]?.s;
      if (schema == null) throw new Error('PostgreSQL search_path names no existing schema');
      await migratePg(client, options.migrations ?? PG_MIGRATIONS);
      return { pool, schema };
    });
  } catch (err) {
    await pool.end();
    throw err;
  }
}
