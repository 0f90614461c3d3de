import type { Migration } from './migration.js';

/**
 * The effect ledger of the simulated southbound systems. `effect` holds one row per idempotency
 * key (the primary key decides applied vs duplicate); `effect_journal` is an append-only log of every
 * application, kept apart so the audit counts keys applied twice without trusting the primary key;
 * `effect_refusal` counts repeats the primary key turned away.
 */
export const effectLedgerMigration: Migration = {
  version: 5,
  name: 'effect-ledger',
  sql: `
    CREATE TABLE effect (
      key        TEXT PRIMARY KEY,
      system     TEXT NOT NULL,
      operation  TEXT NOT NULL,
      effect     TEXT NOT NULL,
      applied_at INTEGER NOT NULL
    ) WITHOUT ROWID;
    CREATE TABLE effect_journal (
      seq        INTEGER PRIMARY KEY AUTOINCREMENT,
      key        TEXT NOT NULL,
      system     TEXT NOT NULL,
      operation  TEXT NOT NULL,
      applied_at INTEGER NOT NULL
    );
    CREATE INDEX effect_journal_key ON effect_journal (key);
    CREATE TRIGGER effect_journal_no_update BEFORE UPDATE ON effect_journal
      BEGIN SELECT RAISE(ABORT, 'effect_journal is append-only'); END;
    CREATE TRIGGER effect_journal_no_delete BEFORE DELETE ON effect_journal
      BEGIN SELECT RAISE(ABORT, 'effect_journal is append-only'); END;
    CREATE TABLE effect_refusal (
      system TEXT PRIMARY KEY,
      count  INTEGER NOT NULL
    ) WITHOUT ROWID;
  `,
};
