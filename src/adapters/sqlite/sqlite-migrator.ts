import type { Database } from 'better-sqlite3';
import type { Migration } from './migrations/migration.js';

/** Raised when the database file was written by a newer Provisio than the running one. */
export class SchemaTooNewError extends Error {
  constructor(
    readonly databaseVersion: number,
    readonly codeVersion: number,
  ) {
    super(
      `The database schema is at version ${databaseVersion}, but this Provisio build only knows ` +
        `migrations up to version ${codeVersion}. Upgrade Provisio or open a database written by this version.`,
    );
    this.name = 'SchemaTooNewError';
  }
}

/** Checks that migration versions are positive and strictly increasing; throws on a defect. */
export function checkMigrationList(migrations: readonly Migration[]): void {
  let previous = 0;
  for (const m of migrations) {
    if (!Number.isInteger(m.version) || m.version <= previous) {
      throw new Error(`Migration ${m.version} (${m.name}) must have an integer version greater than ${previous}`);
    }
    previous = m.version;
  }
}

/** The highest applied schema version, 0 for a new database. */
export function schemaVersion(db: Database): number {
  const row = db.prepare('SELECT max(version) AS v FROM schema_migrations').get() as { v: number | null };
  return row.v ?? 0;
}

/**
 * Brings the schema up to date in one transaction: applies every migration newer than the stored
 * version, in order. Refuses a database newer than the code. Returns the versions applied.
 */
export function migrate(db: Database, migrations: readonly Migration[], now: () => string): number[] {
  checkMigrationList(migrations);
  const latest = migrations.at(-1)?.version ?? 0;
  const run = db.transaction((): number[] => {
    db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
    const current = schemaVersion(db);
    if (current > latest) throw new SchemaTooNewError(current, latest);
    const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
    const applied: number[] = [];
    for (const m of migrations) {
      if (m.version <= current) continue;
      db.exec(m.sql);
      record.run(m.version, m.name, now());
      applied.push(m.version);
    }
    return applied;
  });
  return run.immediate();
}
