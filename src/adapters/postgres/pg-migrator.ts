import type { ClientBase } from 'pg';
import type { Migration } from '../sqlite/migrations/migration.js';
import { checkMigrationList, SchemaTooNewError } from '../sqlite/sqlite-migrator.js';

// First key of the advisory lock that serialises migrations; the second is the schema's name hash.
const MIGRATION_LOCK = 0x70726f76; // "prov"

/** The highest applied schema version in the current schema, 0 when none (or no table yet). */
export async function pgSchemaVersion(client: ClientBase): Promise<number> {
  const exists = await client.query<{ t: string | null }>(`SELECT to_regclass('schema_migrations')::text AS t`);
  if (exists.rows[0]?.t == null) return 0;
  const r = await client.query<{ v: number | null }>('SELECT max(version) AS v FROM schema_migrations');
  return r.rows[0]?.v ?? 0;
}

/**
 * Brings the schema (the first of the search path) up to date in one transaction, holding an
 * advisory lock so that processes starting together apply each migration once. Refuses a database
 * newer than the code with SchemaTooNewError. Returns the versions applied.
 */
export async function migratePg(client: ClientBase, migrations: readonly Migration[]): Promise<number[]> {
  checkMigrationList(migrations);
  const latest = migrations.at(-1)?.version ?? 0;
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1, hashtext(current_schema()))', [MIGRATION_LOCK]);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const current = await pgSchemaVersion(client);
    if (current > latest) throw new SchemaTooNewError(current, latest);
    const applied: number[] = [];
    for (const m of migrations) {
      if (m.version <= current) continue;
      await client.query(m.sql);
      await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      applied.push(m.version);
    }
    await client.query('COMMIT');
    return applied;
  } catch (err) {
    await client.query('ROLLBACK');
    throw err;
  }
}
