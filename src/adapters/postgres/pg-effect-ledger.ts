import type { Pool, QueryResultRow } from 'pg';
import type { Clock } from '../../ports/clock.js';
import type { AppliedEffect, EffectLedger, EffectReport, RecordOutcome } from '../../ports/effect-ledger.js';
import { pgArray } from './pg-array.js';
import { PgBatchedLookup } from './pg-batched-lookup.js';

/** One `record` call waiting for the next batch statement. */
interface PendingRecord {
  readonly key: string;
  readonly system: string;
  readonly operation: string;
  readonly effectJson: string;
  readonly appliedAt: number;
  readonly resolve: (outcome: RecordOutcome) => void;
  readonly reject: (err: unknown) => void;
}

/** Most records written by one statement. */
const MAX_BATCH = 1000;

/**
 * One statement, hence one transaction: the primary key of `effect` decides which keys are applied
 * (the first occurrence of a key in the batch wins; a key committed by another process is refused),
 * the applied ones are journalled, and every refusal is counted per system.
 */
const RECORD_SQL = `
  WITH input AS (
    SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::bigint[])
      WITH ORDINALITY AS t(key, system, operation, effect, applied_at, ord)
  ), first AS (
    SELECT DISTINCT ON (key) * FROM input ORDER BY key, ord
  ), ins AS (
    INSERT INTO effect (key, system, operation, effect, applied_at)
    SELECT key, system, operation, effect, applied_at FROM first ORDER BY key
    ON CONFLICT (key) DO NOTHING
    RETURNING key, system, operation, applied_at
  ), journal AS (
    INSERT INTO effect_journal (key, system, operation, applied_at)
    SELECT key, system, operation, applied_at FROM ins
  ), refused AS (
    INSERT INTO effect_refusal (system, count)
    SELECT i.system, count(*) FROM input i
    WHERE NOT EXISTS (SELECT 1 FROM ins JOIN first f USING (key) WHERE ins.key = i.key AND f.ord = i.ord)
    GROUP BY i.system ORDER BY i.system
    ON CONFLICT (system) DO UPDATE SET count = effect_refusal.count + excluded.count
  )
  SELECT key FROM ins`;

interface EffectRow extends QueryResultRow {
  key: string;
  system: string;
  operation: string;
  effect: string;
  applied_at: string;
}

/** Reads the ledger's report through a pool or client (also used by `provisio audit`). */
export async function readPgEffectReport(db: Pick<Pool, 'query'>): Promise<EffectReport> {
  const perSystem = await db.query<{ system: string; n: string }>('SELECT system, count(*) AS n FROM effect_journal GROUP BY system ORDER BY system');
  const dup = await db.query<{ key: string; extra: string }>(
    'SELECT key, count(*) - 1 AS extra FROM effect_journal GROUP BY key HAVING count(*) > 1 ORDER BY key',
  );
  const refused = await db.query<{ n: string }>('SELECT coalesce(sum(count), 0) AS n FROM effect_refusal');
  const applied = Object.fromEntries(perSystem.rows.map((r) => [r.system, Number(r.n)]));
  return {
    applied,
    totalApplied: perSystem.rows.reduce((s, r) => s + Number(r.n), 0),
    duplicates: dup.rows.reduce((s, r) => s + Number(r.extra), 0),
    duplicateKeys: dup.rows.slice(0, 20).map((r) => r.key),
    refused: Number(refused.rows[0]?.n ?? 0),
  };
}

/**
 * The effect ledger in PostgreSQL, shared by every process on the schema. Records arriving in the
 * same tick are written by one statement (group commit); a `record` resolves after COMMIT, so an
 * applied effect is durable before the system answers, and the primary key keeps two processes
 * from both applying one key.
 */
export class PgEffectLedger implements EffectLedger {
  private queue: PendingRecord[] = [];
  private active = false;
  private readonly effects: PgBatchedLookup<EffectRow, AppliedEffect>;

  constructor(
    private readonly pool: Pool,
    private readonly clock: Clock,
  ) {
    this.effects = new PgBatchedLookup(pool, 'SELECT key, system, operation, effect, applied_at FROM effect WHERE key = ANY($1::text[])', (row) => ({
      key: row.key,
      system: row.system,
      operation: row.operation,
      effect: JSON.parse(row.effect) as Record<string, unknown>,
      appliedAt: Number(row.applied_at),
    }));
  }

  record(key: string, system: string, operation: string, effect: Readonly<Record<string, unknown>>): Promise<RecordOutcome> {
    return new Promise<RecordOutcome>((resolve, reject) => {
      this.queue.push({ key, system, operation, effectJson: JSON.stringify(effect), appliedAt: this.clock.now(), resolve, reject });
      if (!this.active) {
        this.active = true;
        setImmediate(() => void this.loop());
      }
    });
  }

  /** The effect applied under `key`, or undefined (lookups asked for together share one statement). */
  lookup(key: string): Promise<AppliedEffect | undefined> {
    return this.effects.get(key);
  }

  report(): Promise<EffectReport> {
    return readPgEffectReport(this.pool);
  }

  private async loop(): Promise<void> {
    while (this.queue.length > 0) await this.write(this.queue.splice(0, MAX_BATCH));
    this.active = false;
  }

  // A failed statement rolls back as a whole: every record in it is rejected and may be retried.
  private async write(batch: PendingRecord[]): Promise<void> {
    try {
      const r = await this.pool.query<{ key: string }>(RECORD_SQL, [
        pgArray(batch.map((p) => p.key)),
        pgArray(batch.map((p) => p.system)),
        pgArray(batch.map((p) => p.operation)),
        pgArray(batch.map((p) => p.effectJson)),
        pgArray(batch.map((p) => p.appliedAt)),
      ]);
      const applied = new Set(r.rows.map((row) => row.key));
      for (const p of batch) {
        p.resolve(applied.delete(p.key) ? 'applied' : 'duplicate');
      }
    } catch (err) {
      for (const p of batch) p.reject(err);
    }
  }
}
