import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { MIGRATIONS } from './migrations/index.js';
import type { Migration } from './migrations/migration.js';
import { migrate } from './sqlite-migrator.js';

/** How hard SQLite syncs on commit: FULL survives power loss, NORMAL (WAL) only process crashes. */
export const SYNCHRONOUS_MODES = ['FULL', 'NORMAL'] as const;
/** One of the supported `PRAGMA synchronous` levels. */
export type SynchronousMode = (typeof SYNCHRONOUS_MODES)[number];

/** Where and how to open the embedded database. */
export interface SqliteDatabaseOptions {
  /** File path, or `:memory:` for a private in-memory database (tests). */
  readonly path: string;
  /** Default FULL: a resolved commit is on disk. */
  readonly synchronous?: SynchronousMode;
  /** How long a writer waits for another process's lock before failing (default 5000 ms). */
  readonly busyTimeoutMs?: number;
  /** Schema history to apply (default: all Provisio migrations). */
  readonly migrations?: readonly Migration[];
}

/**
 * Opens (creating folder and file if needed) a SQLite database in WAL mode with foreign keys on,
 * and migrates its schema. Throws SchemaTooNewError for a database written by a newer build.
 */
export function openSqliteDatabase(options: SqliteDatabaseOptions): Database {
  const db = openSqliteConnection(options);
  try {
    migrate(db, options.migrations ?? MIGRATIONS, () => new Date().toISOString());
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

/**
 * Opens one more connection to a database (already migrated by `openSqliteDatabase`), configured
 * the same way: WAL, foreign keys, page cache, busy timeout and the given `synchronous` level.
 */
export function openSqliteConnection(options: Omit<SqliteDatabaseOptions, 'migrations'>): Database {
  const synchronous = options.synchronous ?? 'FULL';
  if (!SYNCHRONOUS_MODES.includes(synchronous)) throw new Error(`Unsupported synchronous mode ${String(synchronous)}`);
  const inMemory = options.path === ':memory:';
  if (!inMemory) mkdirSync(dirname(options.path), { recursive: true });
  const db = new BetterSqlite3(options.path);
  try {
    db.pragma(`busy_timeout = ${Math.max(0, Math.trunc(options.busyTimeoutMs ?? 5000))}`);
    if (!inMemory) db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${synchronous}`);
    db.pragma('foreign_keys = ON');
    // 32 MB page cache: the order indexes of ~100k orders stay in memory.
    db.pragma('cache_size = -32000');
    // Savepoint journals in memory: a group commit opens one savepoint per change set, and a
    // file-backed statement journal would write every touched page to a temp file.
    db.pragma('temp_store = MEMORY');
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

/** Closes the database cleanly: refreshes planner statistics and folds the WAL back into the file. */
export function closeSqliteDatabase(db: Database): void {
  if (!db.open) return;
  try {
    db.pragma('optimize');
    if (db.name !== ':memory:') db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
}
