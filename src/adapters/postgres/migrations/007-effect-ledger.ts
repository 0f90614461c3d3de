import type { Migration } from '../../sqlite/migrations/migration.js';

/**
 * The effect ledger of the simulated southbound systems, shared by every process on the database.
 * `effect` holds one row per idempotency key (the primary key decides applied vs duplicate, also
 * between processes); `effect_journal` is an append-only log of every application, kept apart so the
 * audit counts keys applied twice without trusting the primary key; `effect_refusal` counts repeats
 * the primary key turned away.
 */
export const effectLedgerMigration: Migration = {
  version: 7,
  name: 'effect-ledger',
  sql: `
    CREATE TABLE effect (
      key        text COLLATE "C" PRIMARY KEY,
      system     text NOT NULL,
      operation  text NOT NULL,
      effect     text NOT NULL,
      applied_at bigint NOT NULL
    );
    CREATE TABLE effect_journal (
      seq        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      key        text COLLATE "C" NOT NULL,
      system     text NOT NULL,
      operation  text NOT NULL,
      applied_at bigint NOT NULL
    );
    CREATE INDEX effect_journal_key ON effect_journal (key);
    CREATE FUNCTION effect_journal_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'effect_journal is append-only'; END $$;
    CREATE TRIGGER effect_journal_no_change BEFORE UPDATE OR DELETE ON effect_journal
      FOR EACH ROW EXECUTE FUNCTION effect_journal_append_only();
    CREATE TABLE effect_refusal (
      system text PRIMARY KEY,
      count  bigint NOT NULL
    );
  `,
};
