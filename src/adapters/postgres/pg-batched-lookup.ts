import type { Pool, QueryResultRow } from 'pg';
import { pgArray } from './pg-array.js';

/** Most keys read by one statement. */
const MAX_KEYS = 1000;

interface Waiter<V> {
  readonly resolve: (value: V | undefined) => void;
  readonly reject: (err: unknown) => void;
}

/**
 * Point reads by key asked for in the same tick, answered by one statement over all their keys
 * (a worker's round asks for hundreds of orders and ledger entries at once: one round trip instead
 * of one each). A read is sent no earlier than it was asked for, so it sees every commit that
 * finished before. `sql` takes the distinct keys as `$1::text[]` and returns rows with a `key` column.
 */
export class PgBatchedLookup<R extends QueryResultRow & { key: string }, V> {
  private queue = new Map<string, Waiter<V>[]>();
  private active = false;

  constructor(
    private readonly pool: Pool,
    private readonly sql: string,
    private readonly valueOf: (row: R) => V,
  ) {}

  /** The value stored under `key`, or undefined. */
  get(key: string): Promise<V | undefined> {
    return new Promise<V | undefined>((resolve, reject) => {
      const waiting = this.queue.get(key);
      if (waiting === undefined) this.queue.set(key, [{ resolve, reject }]);
      else waiting.push({ resolve, reject });
      if (!this.active) {
        this.active = true;
        setImmediate(() => void this.loop());
      }
    });
  }

  private async loop(): Promise<void> {
    while (this.queue.size > 0) await this.read(this.take());
    this.active = false;
  }

  private take(): Map<string, Waiter<V>[]> {
    if (this.queue.size <= MAX_KEYS) {
      const all = this.queue;
      this.queue = new Map();
      return all;
    }
    const some = new Map<string, Waiter<V>[]>();
    for (const [key, waiters] of this.queue) {
      if (some.size >= MAX_KEYS) break;
      some.set(key, waiters);
      this.queue.delete(key);
    }
    return some;
  }

  private async read(batch: ReadonlyMap<string, Waiter<V>[]>): Promise<void> {
    try {
      const r = await this.pool.query<R>(this.sql, [pgArray([...batch.keys()])]);
      const found = new Map(r.rows.map((row) => [row.key, this.valueOf(row)]));
      for (const [key, waiters] of batch) for (const w of waiters) w.resolve(found.get(key));
    } catch (err) {
      for (const waiters of batch.values()) for (const w of waiters) w.reject(err);
    }
  }
}
