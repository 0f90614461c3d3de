import type { Pool } from 'pg';
import { quoteIdent, withPoolClient } from './pg-database.js';

/**
 * The tables whose statistics the engine's claim and batch updates depend on: without any the
 * planner guesses row counts and hash-joins sequential scans of the whole task table instead of
 * looking rows up by key (a claim of 1,000 tasks then took 80-115 ms instead of 15-35).
 */
const ENGINE_TABLES = ['task', 'plan'] as const;

// The engine tables of the current schema: whether they were never analysed (nor vacuumed: no row
// estimate yet), and whether they changed by more rows than autovacuum's threshold for an empty table (50).
const TABLES_SQL = `
  SELECT s.relname, c.reltuples < 0 AS never, s.n_mod_since_analyze > 50 AS grown
  FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid
  WHERE s.schemaname = current_schema() AND s.relname = ANY($1::text[])
  ORDER BY s.relname`;

/** Options of the statistics keeper. */
export interface StatisticsKeeperOptions {
  /** Pause between two checks, in ms (default 5,000). */
  readonly intervalMs?: number;
  /** Told when a check or an ANALYZE fails (the next check tries again). */
  readonly onError?: (err: unknown) => void;
  /** Told about every ANALYZE run, with the tables analysed. */
  readonly onAnalysed?: (tables: readonly string[]) => void;
}

/**
 * Gives the engine tables their first planner statistics when nothing else has: on a database whose
 * autovacuum is off, or before it comes round to a new schema (whose tables grow from nothing to
 * tens of thousands of rows in the first minute). Only tables never analysed are analysed: once
 * they have statistics the planner scales its row estimates with the tables' size, and analysing
 * again while the engine runs cost more than it saved (engine bench: about 2 s of PostgreSQL CPU per
 * 10,000 orders when re-analysing at autovacuum's 10% rule). Where autovacuum runs the check finds
 * nothing to do. One process at a time analyses (an advisory lock per schema).
 */
export class PgStatisticsKeeper {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly pool: Pool,
    private readonly options: StatisticsKeeperOptions = {},
  ) {}

  /** Checks now and then every `intervalMs`, until every engine table has statistics or `stop`. */
  start(): void {
    if (this.timer !== undefined) return;
    const tick = (): void => {
      this.running = this.analyseUnanalysed().catch((err: unknown) => this.options.onError?.(err));
    };
    tick();
    this.timer = setInterval(tick, this.options.intervalMs ?? 5_000);
    this.timer.unref();
  }

  /** Stops checking and waits for a check in flight. */
  async stop(): Promise<void> {
    this.done();
    await this.running;
  }

  /** Whether the keeper still checks (false once every engine table has statistics, or after `stop`). */
  get checking(): boolean {
    return this.timer !== undefined;
  }

  private done(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Analyses the engine tables never analysed that hold rows by now; returns them (none when another process holds the lock). */
  async analyseUnanalysed(): Promise<string[]> {
    return withPoolClient(this.pool, async (client) => {
      const lock = await client.query<{ ok: boolean }>("SELECT pg_try_advisory_lock(hashtext(current_schema() || ':provisio-analyse')) AS ok");
      if (lock.rows[0]?.ok !== true) return [];
      try {
        const tables = (await client.query<{ relname: string; never: boolean; grown: boolean }>(TABLES_SQL, [[...ENGINE_TABLES]])).rows;
        const unanalysed = tables.filter((t) => t.never && t.grown).map((t) => t.relname);
        if (unanalysed.length > 0) {
          await client.query(`ANALYZE ${unanalysed.map(quoteIdent).join(', ')}`);
          this.options.onAnalysed?.(unanalysed);
        }
        // Every engine table has statistics now (from here, from autovacuum or from an administrator): nothing more to check.
        if (tables.length === ENGINE_TABLES.length && tables.every((t) => !t.never || unanalysed.includes(t.relname))) this.done();
        return unanalysed;
      } finally {
        await client.query("SELECT pg_advisory_unlock(hashtext(current_schema() || ':provisio-analyse'))");
      }
    });
  }
}
