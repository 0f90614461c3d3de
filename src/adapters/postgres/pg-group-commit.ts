import type { Pool, PoolClient, QueryResultRow } from 'pg';
import type { BatchReport } from '../sqlite/sqlite-group-commit.js';
import { pgParams } from './pg-array.js';
import type { PgChangeWriter, PgTx, WakeChannel } from './pg-change-writer.js';
import { withPoolClient } from './pg-database.js';

/** Tuning of the PostgreSQL group committer. */
export interface PgGroupCommitOptions {
  /** Most change sets in one transaction (default 500). */
  readonly maxBatch?: number;
  /** Extra wait for more callers before writing, in ms (default 0: the current tick only). */
  readonly windowMs?: number;
  /** Told after every committed or failed transaction, for metrics. */
  readonly onBatch?: (batch: BatchReport) => void;
  /** The NOTIFY channel name of a wake-up channel (none: no NOTIFY is sent). */
  readonly channelName?: (channel: WakeChannel) => string;
}

interface Waiting<C> {
  readonly changes: C;
  readonly resolve: () => void;
  readonly reject: (err: unknown) => void;
}

type FastOutcome = { kind: 'committed' } | { kind: 'conflicts'; errors: ReadonlyMap<number, Error> } | { kind: 'failed'; err: unknown };

/** Internal: COMMIT itself failed, so whether the batch is durable is unknown; nothing is retried. */
class CommitFailed extends Error {
  constructor(override readonly cause: unknown) {
    super('COMMIT failed');
  }
}

/**
 * Collects commit calls that arrive together and writes them in one transaction with multi-row
 * statements. A change set that conflicts is rejected and the others are written again without it;
 * when a statement fails, the batch is written once more with one savepoint per change set so that
 * only the failing one is rolled back. Promises settle after COMMIT.
 */
export class PgGroupCommitter<C> {
  private readonly maxBatch: number;
  private readonly windowMs: number;
  private queue: Waiting<C>[] = [];
  private active = false;
  private idle: (() => void)[] = [];

  constructor(
    private readonly pool: Pool,
    private readonly writers: readonly PgChangeWriter<C>[],
    private readonly options: PgGroupCommitOptions = {},
  ) {
    this.maxBatch = Math.max(1, options.maxBatch ?? 500);
    this.windowMs = Math.max(0, options.windowMs ?? 0);
  }

  /** Queues a change set; resolves once it is committed, rejects with the error of this change set only. */
  commit(changes: C): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ changes, resolve, reject });
      this.start();
    });
  }

  /** Resolves when every queued change set has been written. */
  drain(): Promise<void> {
    if (this.queue.length === 0 && !this.active) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  private start(): void {
    if (this.active) return;
    this.active = true;
    const run = (): void => void this.loop();
    if (this.windowMs > 0) setTimeout(run, this.windowMs);
    else setImmediate(run);
  }

  private async loop(): Promise<void> {
    while (this.queue.length > 0) await this.writeBatch(this.take());
    this.active = false;
    for (const done of this.idle.splice(0)) done();
  }

  // The next batch in queue order; a change set touching a record already in the batch waits for the next one.
  private take(): Waiting<C>[] {
    const taken: Waiting<C>[] = [];
    const rest: Waiting<C>[] = [];
    const keys = new Set<string>();
    for (const item of this.queue) {
      const own = taken.length < this.maxBatch ? this.writers.flatMap((w) => w.keys(item.changes)) : undefined;
      if (own === undefined || own.some((k) => keys.has(k))) {
        rest.push(item);
        continue;
      }
      for (const k of own) keys.add(k);
      taken.push(item);
    }
    this.queue = rest;
    return taken;
  }

  private async writeBatch(batch: Waiting<C>[]): Promise<void> {
    const started = performance.now();
    const report = (failed: number): void => this.options.onBatch?.({ size: batch.length, failed, ms: performance.now() - started });
    try {
      await withPoolClient(this.pool, (client) => this.writeOn(client, batch, report));
    } catch (err) {
      // The connection itself failed: nothing of the batch is known to be written.
      report(batch.length);
      for (const item of batch) item.reject(err);
    }
  }

  private async writeOn(client: PoolClient, batch: Waiting<C>[], report: (failed: number) => void): Promise<void> {
    const fast = await this.fastPath(client, batch);
    if (fast.kind === 'committed') {
      report(0);
      for (const item of batch) item.resolve();
    } else if (fast.kind === 'conflicts') {
      report(fast.errors.size);
      batch.forEach((item, i) => {
        const err = fast.errors.get(i);
        if (err !== undefined) item.reject(err);
      });
      this.queue.unshift(...batch.filter((_, i) => !fast.errors.has(i)));
    } else if (batch.length === 1 || fast.err instanceof CommitFailed) {
      report(batch.length);
      const err = fast.err instanceof CommitFailed ? fast.err.cause : fast.err;
      for (const item of batch) item.reject(err);
    } else {
      const outcomes = await this.slowPath(client, batch);
      report(outcomes.filter((o) => o !== undefined).length);
      batch.forEach((item, i) => (outcomes[i] === undefined ? item.resolve() : item.reject(outcomes[i])));
    }
  }

  private async fastPath(client: PoolClient, batch: readonly Waiting<C>[]): Promise<FastOutcome> {
    const tx = this.tx(client);
    const changes = batch.map((w) => w.changes);
    await client.query('BEGIN');
    try {
      for (const w of this.writers) {
        const errors = await w.write(tx, changes);
        if (errors.size > 0) {
          await client.query('ROLLBACK');
          return { kind: 'conflicts', errors };
        }
      }
      await this.notify(tx);
    } catch (err) {
      await client.query('ROLLBACK');
      return { kind: 'failed', err };
    }
    try {
      await client.query('COMMIT');
    } catch (err) {
      return { kind: 'failed', err: new CommitFailed(err) };
    }
    return { kind: 'committed' };
  }

  /** One savepoint per change set; returns each change set's error, undefined when it was written. */
  private async slowPath(client: PoolClient, batch: readonly Waiting<C>[]): Promise<unknown[]> {
    const tx = this.tx(client);
    const outcomes: unknown[] = [];
    await client.query('BEGIN');
    try {
      for (const item of batch) {
        await client.query('SAVEPOINT change_set');
        const err = await this.writeOne(tx, item.changes);
        await client.query(err === undefined ? 'RELEASE SAVEPOINT change_set' : 'ROLLBACK TO SAVEPOINT change_set');
        outcomes.push(err);
      }
      await this.notify(tx);
      await client.query('COMMIT');
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      return batch.map(() => err);
    }
    return outcomes;
  }

  private async writeOne(tx: PgTx, changes: C): Promise<unknown> {
    try {
      for (const w of this.writers) {
        const errors = await w.write(tx, [changes]);
        const first = errors.values().next();
        if (first.done !== true) return first.value;
      }
      return undefined;
    } catch (err) {
      return err ?? new Error('change set failed');
    }
  }

  private tx(client: PoolClient): PgTx & { readonly wakes: Set<WakeChannel> } {
    const wakes = new Set<WakeChannel>();
    return {
      wakes,
      // Array parameters go as array literals built in one pass (see pgArray).
      query: <R extends QueryResultRow>(text: string, values?: readonly unknown[]) => client.query<R>(text, pgParams(values)),
      wake: (channel) => wakes.add(channel),
    };
  }

  private async notify(tx: { readonly wakes: Set<WakeChannel>; query: PgTx['query'] }): Promise<void> {
    const name = this.options.channelName;
    if (name === undefined || tx.wakes.size === 0) return;
    await tx.query(`SELECT pg_notify(c, '') FROM unnest($1::text[]) AS c`, [[...tx.wakes].map(name)]);
  }
}
