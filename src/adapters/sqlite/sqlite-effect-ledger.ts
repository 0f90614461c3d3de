import BetterSqlite3, { type Database, type Statement } from 'better-sqlite3';
import type { Clock } from '../../ports/clock.js';
import type { AppliedEffect, EffectLedger, EffectReport, RecordOutcome } from '../../ports/effect-ledger.js';
import { SqliteGroupCommitter, type ChangeWriter } from './sqlite-group-commit.js';

/** One `record` call on its way through the group commit; the writer fills in `outcome`. */
interface PendingRecord {
  readonly key: string;
  readonly system: string;
  readonly operation: string;
  readonly effectJson: string;
  readonly appliedAt: number;
  outcome?: RecordOutcome;
}

interface EffectRow {
  key: string;
  system: string;
  operation: string;
  effect: string;
  applied_at: number;
}

/** Decides applied vs duplicate by the primary key, then journals the application in the same savepoint. */
function effectWriter(db: Database): ChangeWriter<PendingRecord> {
  const insert = db.prepare('INSERT INTO effect (key, system, operation, effect, applied_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (key) DO NOTHING');
  const journal = db.prepare('INSERT INTO effect_journal (key, system, operation, applied_at) VALUES (?, ?, ?, ?)');
  const refuse = db.prepare('INSERT INTO effect_refusal (system, count) VALUES (?, 1) ON CONFLICT (system) DO UPDATE SET count = count + 1');
  return {
    write(r) {
      const { changes } = insert.run(r.key, r.system, r.operation, r.effectJson, r.appliedAt);
      if (changes === 1) {
        journal.run(r.key, r.system, r.operation, r.appliedAt);
        r.outcome = 'applied';
      } else {
        refuse.run(r.system);
        r.outcome = 'duplicate';
      }
    },
  };
}

/** Reads the ledger's report from a connection (also used read-only by `provisio audit`). */
export function readEffectReport(db: Database): EffectReport {
  const perSystem = db.prepare('SELECT system, count(*) AS n FROM effect_journal GROUP BY system ORDER BY system').all() as { system: string; n: number }[];
  const dup = db.prepare('SELECT key, count(*) - 1 AS extra FROM effect_journal GROUP BY key HAVING count(*) > 1 ORDER BY key').all() as { key: string; extra: number }[];
  const refused = db.prepare('SELECT coalesce(sum(count), 0) AS n FROM effect_refusal').get() as { n: number };
  const applied = Object.fromEntries(perSystem.map((r) => [r.system, r.n]));
  return {
    applied,
    totalApplied: perSystem.reduce((s, r) => s + r.n, 0),
    duplicates: dup.reduce((s, r) => s + r.extra, 0),
    duplicateKeys: dup.slice(0, 20).map((r) => r.key),
    refused: refused.n,
  };
}

/**
 * Opens a database file read-only and reads the ledger's report; undefined when the file has no
 * effect ledger yet (written by a build before it). Throws if the file does not exist.
 */
export function readEffectReportFromFile(path: string): EffectReport | undefined {
  const db = new BetterSqlite3(path, { readonly: true, fileMustExist: true });
  try {
    const hasLedger = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'effect_journal'").get() !== undefined;
    return hasLedger ? readEffectReport(db) : undefined;
  } finally {
    db.close();
  }
}

/**
 * The effect ledger in the orders' SQLite database. Records arriving together are written in one
 * transaction (group commit); a `record` resolves after COMMIT, so an applied effect is durable
 * before the system answers.
 */
export class SqliteEffectLedger implements EffectLedger {
  private readonly committer: SqliteGroupCommitter<PendingRecord>;
  private readonly find: Statement;

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {
    this.committer = new SqliteGroupCommitter<PendingRecord>(db, [effectWriter]);
    this.find = db.prepare('SELECT key, system, operation, effect, applied_at FROM effect WHERE key = ?');
  }

  async record(key: string, system: string, operation: string, effect: Readonly<Record<string, unknown>>): Promise<RecordOutcome> {
    const pending: PendingRecord = { key, system, operation, effectJson: JSON.stringify(effect), appliedAt: this.clock.now() };
    await this.committer.commit(pending);
    if (pending.outcome === undefined) throw new Error(`effect ${key} was not written`);
    return pending.outcome;
  }

  async lookup(key: string): Promise<AppliedEffect | undefined> {
    const row = this.find.get(key) as EffectRow | undefined;
    if (row === undefined) return undefined;
    return { key: row.key, system: row.system, operation: row.operation, effect: JSON.parse(row.effect) as Record<string, unknown>, appliedAt: row.applied_at };
  }

  async report(): Promise<EffectReport> {
    return readEffectReport(this.db);
  }

  /** Resolves when every queued record is committed (call before closing the database). */
  drain(): Promise<void> {
    return this.committer.drain();
  }
}
