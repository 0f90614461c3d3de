import type { Pool } from 'pg';
import { quoteIdent, withPoolClient } from './pg-database.js';

/**
 * The tables whose statistics the engine's statements depend on: without them the planner guesses
 * row counts and, for the task claim and the batch updates, hash-joins sequential scans of whole
 * tables instead of looking rows up by key (a claim of 1,000 tasks then took 80-115 ms instead of
 * 15-35).
 */
export const ENGINE_TABLES = ['task', 'plan', 'product_order', 'order_party', 'effect', 'effect_journal', 'outbox_event', 'delivery'] as const;

// Tables of the current schema changed by more rows since their last analysis than autovacuum's
// default threshold allows (50 rows + 10% of the table as last analysed; never analysed counts as empty).
const STALE_SQL = `
  SELECT s.relname FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid
  WHERE s.schemaname = current_schema() AND s.relname = ANY($1::text[])
    AND s.n_mod_since_analyze > 50 + 0.1 * greatest(c.reltuples, 0)
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
 * Keeps the engine tables' planner statistics fresh by itself, with autovacuum's default rule, for
 * databases where autovacuum is off or has not come round yet (a new schema fills fast: its tables
 * grow from nothing to tens of thousands of rows in the first minute). Where autovacuum keeps up
 * the check finds nothing to do. One process at a time analyses (an advisory lock per schema).
 */
export class PgStatisticsKeeper {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly pool: Pool,
    private readonly options: StatisticsKeeperOptions = {},
  ) {}

  /** Checks now and then every `intervalMs` until `stop`. */
  start(): void {
    if (this.timer !== undefined) return;
    const tick = (): void => {
      this.running = this.analyseStale().catch((err: unknown) => this.options.onError?.(err));
    };
    tick();
    this.timer = setInterval(tick, this.options.intervalMs ?? 5_000);
    this.timer.unref();
  }

  /** Stops checking and waits for a check in flight. */
  async stop(): Promise<void> {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** Analyses the engine tables that changed enough since their last analysis; returns them (none when another process holds the lock). */
  async analyseStale(): Promise<string[]> {
    return withPoolClient(this.pool, async (client) => {
      const lock = await client.query<{ ok: boolean }>("SELECT pg_try_advisory_lock(hashtext(current_schema() || ':provisio-analyse')) AS ok");
      if (lock.rows[0]?.ok !== true) return [];
      try {
        const stale = (await client.query<{ relname: string }>(STALE_SQL, [[...ENGINE_TABLES]])).rows.map((r) => r.relname);
        if (stale.length > 0) {
          await client.query(`ANALYZE ${stale.map(quoteIdent).join(', ')}`);
          this.options.onAnalysed?.(stale);
        }
        return stale;
      } finally {
        await client.query("SELECT pg_advisory_unlock(hashtext(current_schema() || ':provisio-analyse'))");
      }
    });
  }
}
