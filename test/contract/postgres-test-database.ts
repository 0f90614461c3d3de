import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openPostgresStores, type PostgresStores, type PostgresStoresOptions } from '../../src/adapters/postgres/pg-stores.js';
import { quoteIdent } from '../../src/adapters/postgres/pg-database.js';

/** The server the PostgreSQL suites run against. */
export const PG_TEST_URL = process.env.PROVISIO_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/**
 * Why the PostgreSQL suites cannot run here, or undefined when they must. With
 * PROVISIO_TEST_DATABASE_URL set they always run (an unreachable server then fails them).
 */
export async function postgresSkipReason(): Promise<string | undefined> {
  if (process.env.PROVISIO_TEST_DATABASE_URL !== undefined) return undefined;
  const client = new pg.Client({ connectionString: PG_TEST_URL, connectionTimeoutMillis: 2000 });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query('SELECT 1');
    return undefined;
  } catch (err) {
    // CI starts PostgreSQL and requires it: a missing database fails the suites instead of skipping them.
    if (process.env.PROVISIO_REQUIRE_POSTGRES === '1') throw new Error(`PostgreSQL is required but not reachable at ${PG_TEST_URL}: ${(err as Error).message}`);
    return `no PostgreSQL at ${PG_TEST_URL} (${(err as Error).message}); set PROVISIO_TEST_DATABASE_URL to run these suites`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** A fresh schema name, unique across parallel test files. */
export function testSchemaName(): string {
  return `provisio_test_${process.pid}_${randomBytes(4).toString('hex')}`;
}

/** Drops a test schema with everything in it. */
export async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_TEST_URL });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${quoteIdent(schema)} CASCADE`);
  } finally {
    await client.end();
  }
}

/** Stores in a new schema of their own; `close` also drops the schema. */
export async function openTestStores(options: Partial<PostgresStoresOptions> = {}): Promise<PostgresStores> {
  const schema = options.schema ?? testSchemaName();
  const stores = await openPostgresStores({ url: PG_TEST_URL, listen: false, maxConnections: 4, ...options, schema });
  return { ...stores, close: async () => (await stores.close(), await dropSchema(schema)) };
}

const DATA_TABLES = ['order_party', 'product_order', 'cancel_request', 'delivery', 'outbox_event', 'hub_listener', 'task', 'plan'];

/**
 * Stores in a schema shared by the tests of one file (migrated once); `close` empties the tables,
 * which is much cheaper than creating and dropping a schema per test.
 */
export async function openReusedTestStores(schema: string, options: Partial<PostgresStoresOptions> = {}): Promise<PostgresStores> {
  const stores = await openPostgresStores({ url: PG_TEST_URL, listen: false, maxConnections: 4, ...options, schema });
  const close = async (): Promise<void> => {
    await stores.close();
    const client = new pg.Client({ connectionString: PG_TEST_URL, options: `-c search_path=${quoteIdent(schema)}` });
    await client.connect();
    try {
      await client.query(DATA_TABLES.map((t) => `DELETE FROM ${t};`).join(' '));
    } finally {
      await client.end();
    }
  };
  return { ...stores, close };
}
