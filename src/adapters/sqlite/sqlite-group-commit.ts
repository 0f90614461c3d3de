import type { Database, Statement } from 'better-sqlite3';

/** Writes one part of a change set (orders, events, later tasks ...) inside the open transaction. */
export interface ChangeWriter<C> {
  /** Applies this writer's part of `changes`; throws (e.g. ConcurrencyConflict) to fail only this change set. */
  write(changes: C): void;
}

/** Builds a writer for a connection, preparing its statements once. */
export type ChangeWriterFactory<C> = (db: Database) => ChangeWriter<C>;

/** Tuning of the group committer. */
export interface GroupCommitOptions {
  /** Most change sets in one transaction (default 500). */
  readonly maxBatch?: number;
  /** Extra wait for more callers before writing, in ms (default 0: the current tick only). */
  readonly windowMs?: number;
  /**
   * Least time between the starts of two transactions, in ms (default 0). A change set that arrives
   * sooner after the last write waits for the rest of the interval with those that follow it; one
   * that arrives later is written at once. At high rates this makes fewer, larger transactions
   * (each COMMIT rewrites the pages it touched, whatever it holds), without delaying a lone one.
   */
  readonly minIntervalMs?: number;
  /** Told after every committed or failed transaction, for metrics. */
  readonly onBatch?: (batch: BatchReport) => void;
  /**
   * Makes a committed transaction durable after COMMIT returned (see WalSync): promises settle only
   * once it reports the flush. Absent, a promise settles right after COMMIT (the connection's own
   * `synchronous` level decides durability).
   */
  readonly durability?: Durability;
}

/** Flushes what was committed so far to stable storage, off the calling thread. */
export interface Durability {
  /** Calls `done` once everything committed before this call is durable (or with the flush's error). */
  flush(done: (err: Error | null) => void): void;
  /** Resolves when no flush is running or waiting. */
  drain(): Promise<void>;
}

/** What one group-commit transaction did. */
export interface BatchReport {
  /** Change sets in the transaction. */
  readonly size: number;
  /** Change sets that failed (rolled back alone, or all when the transaction failed). */
  readonly failed: number;
  /** Wall time of the transaction, COMMIT included. */
  readonly ms: number;
}

interface Waiting<C> {
  readonly changes: C;
  readonly resolve: () => void;
  readonly reject: (err: unknown) => void;
}

/**
 * Collects commit calls that arrive together and writes them in one transaction, each change set
 * under its own savepoint so that a failing one is rolled back alone. Promises settle after COMMIT.
 */
export class SqliteGroupCommitter<C> {
  private readonly writers: readonly ChangeWriter<C>[];
  private readonly maxBatch: number;
  private readonly windowMs: number;
  private readonly minIntervalMs: number;
  /** performance.now() when the last transaction began. */
  private lastWriteAt = Number.NEGATIVE_INFINITY;
  private readonly onBatch: ((batch: BatchReport) => void) | undefined;
  private readonly durability: Durability | undefined;
  private queue: Waiting<C>[] = [];
  private scheduled = false;
  private idle: (() => void)[] = [];
  private wholeBatchFailures = 0;
  /** Flushes asked for and not yet reported (0 or 1 once writes wait for them). */
  private flushesRunning = 0;
  /** A write came due while a flush ran: it happens when that flush ends. */
  private writeDeferred = false;
  private readonly sql: Record<'begin' | 'commit' | 'rollback' | 'savepoint' | 'release' | 'undo', Statement>;

  constructor(
    private readonly db: Database,
    writers: readonly ChangeWriterFactory<C>[],
    options: GroupCommitOptions = {},
  ) {
    this.writers = writers.map((make) => make(db));
    this.maxBatch = Math.max(1, options.maxBatch ?? 500);
    this.windowMs = Math.max(0, options.windowMs ?? 0);
    this.minIntervalMs = Math.max(0, options.minIntervalMs ?? 0);
    this.onBatch = options.onBatch;
    this.durability = options.durability;
    this.sql = {
      begin: db.prepare('BEGIN IMMEDIATE'),
      commit: db.prepare('COMMIT'),
      rollback: db.prepare('ROLLBACK'),
      savepoint: db.prepare('SAVEPOINT change_set'),
      release: db.prepare('RELEASE change_set'),
      undo: db.prepare('ROLLBACK TO change_set'),
    };
  }

  /** Queues a change set; resolves once it is committed, rejects with the error of this change set only. */
  commit(changes: C): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ changes, resolve, reject });
      this.schedule();
    });
  }

  /** Resolves when every queued change set has been written (and made durable). */
  async drain(): Promise<void> {
    if (this.queue.length > 0 || this.scheduled || this.writeDeferred) await new Promise<void>((resolve) => this.idle.push(resolve));
    await this.durability?.drain();
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    const run = (): void => this.flush();
    const wait = Math.max(this.windowMs, this.intervalLeft());
    if (wait > 0) setTimeout(run, wait);
    else setImmediate(run);
  }

  /** Ms until the least interval since the last write's start has passed (≤ 0: it has). */
  private intervalLeft(): number {
    return this.lastWriteAt + this.minIntervalMs - performance.now();
  }

  private flush(): void {
    this.scheduled = false;
    if (this.flushesRunning > 0) {
      // Change sets that arrive while the WAL is being flushed could not be acknowledged before the
      // next flush anyway: they are written together, in one transaction, once this flush ends. One
      // transaction per flush instead of one per turn of the event loop: each COMMIT rewrites the
      // pages it touched (index leaves, table tails), so small transactions cost more per change set.
      this.writeDeferred = true;
      return;
    }
    const batch = this.queue.splice(0, this.maxBatch);
    if (batch.length > 0) {
      this.lastWriteAt = performance.now();
      this.writeBatch(batch);
    }
    if (this.queue.length > 0) this.schedule();
    else for (const done of this.idle.splice(0)) done();
  }

  private writeBatch(batch: Waiting<C>[]): void {
    const started = performance.now();
    const outcomes: unknown[] = [];
    if (batch.length === 1) {
      this.writeAlone(batch, started);
      return;
    }
    if (this.writeWhole(batch)) {
      for (let i = 0; i < batch.length; i++) outcomes.push(undefined);
      this.settle(batch, outcomes, started);
      return;
    }
    try {
      this.sql.begin.run();
      for (const item of batch) outcomes.push(this.writeOne(item.changes));
      this.sql.commit.run();
    } catch (err) {
      this.onBatch?.({ size: batch.length, failed: batch.length, ms: performance.now() - started });
      this.abort(batch, outcomes, err);
      return;
    }
    this.settle(batch, outcomes, started);
  }

  /**
   * Writes the whole batch in one transaction without a savepoint per change set (each savepoint
   * copies every page its change set touches into the statement journal). True when it committed;
   * when any change set throws, the transaction is rolled back and false tells the caller to write
   * the batch again with savepoints, so that only the failing change set fails.
   */
  private writeWhole(batch: readonly Waiting<C>[]): boolean {
    if (this.wholeBatchFailures > 0) {
      this.wholeBatchFailures--;
      return false;
    }
    try {
      this.sql.begin.run();
      for (const item of batch) for (const w of this.writers) w.write(item.changes);
      this.sql.commit.run();
      return true;
    } catch {
      if (this.db.inTransaction) this.sql.rollback.run();
      // Change sets that fail (conflicts) tend to come in runs: the next batches go with savepoints.
      this.wholeBatchFailures = WHOLE_BATCH_BACKOFF;
      return false;
    }
  }

  /**
   * A change set alone in its batch (most batches when requests come one at a time): its transaction
   * is its savepoint, so it is written without one; when it fails, the transaction is rolled back.
   */
  private writeAlone(batch: readonly Waiting<C>[], started: number): void {
    const item = batch[0] as Waiting<C>;
    let outcome: unknown;
    try {
      this.sql.begin.run();
      for (const w of this.writers) w.write(item.changes);
      this.sql.commit.run();
    } catch (err) {
      if (this.db.inTransaction) this.sql.rollback.run();
      outcome = err ?? new Error('change set failed');
    }
    this.settle(batch, [outcome], started);
  }

  private settle(batch: readonly Waiting<C>[], outcomes: readonly unknown[], started: number): void {
    const failed = outcomes.filter((o) => o !== undefined).length;
    this.onBatch?.({ size: batch.length, failed, ms: performance.now() - started });
    const settle = (flushError: Error | null): void =>
      batch.forEach((item, i) => {
        if (outcomes[i] !== undefined) item.reject(outcomes[i]);
        else if (flushError === null) item.resolve();
        else item.reject(new CommitNotDurable(flushError));
      });
    if (this.durability === undefined || failed === batch.length) {
      settle(null);
      return;
    }
    this.flushesRunning++;
    this.durability.flush((err) => {
      this.flushesRunning--;
      settle(err);
      if (this.writeDeferred && this.flushesRunning === 0) {
        this.writeDeferred = false;
        // (a write already scheduled will find the flush over)
        if (this.scheduled) return;
        if (this.intervalLeft() <= 0) this.flush();
        else this.schedule();
      }
    });
  }

  /** Runs one change set under a savepoint; returns its error, or undefined when it was written. */
  private writeOne(changes: C): unknown {
    this.sql.savepoint.run();
    try {
      for (const w of this.writers) w.write(changes);
      this.sql.release.run();
      return undefined;
    } catch (err) {
      // SQLite may already have rolled the whole transaction back (e.g. disk full): then the batch fails.
      if (!this.db.inTransaction) throw new BatchAborted(err);
      this.sql.undo.run();
      this.sql.release.run();
      return err ?? new Error('change set failed');
    }
  }

  // The transaction is gone: the change set that broke it fails, the others go back to the queue
  // (nothing of them was kept) and are written in the next batch.
  private abort(batch: Waiting<C>[], outcomes: unknown[], err: unknown): void {
    if (this.db.inTransaction) this.sql.rollback.run();
    const culprit = err instanceof BatchAborted ? outcomes.length : -1;
    const cause = err instanceof BatchAborted ? err.cause : err;
    if (culprit < 0) {
      for (const item of batch) item.reject(cause);
      return;
    }
    batch[culprit]?.reject(cause);
    const retry = batch.filter((_, i) => i !== culprit && (i > culprit || outcomes[i] === undefined));
    for (const [i, item] of batch.entries()) if (i < culprit && outcomes[i] !== undefined) item.reject(outcomes[i]);
    this.queue.unshift(...retry);
  }
}

/**
 * The transaction committed but flushing it to disk failed (an I/O error): whether it survives a power
 * loss is unknown, so it is not acknowledged. The storage needs attention.
 */
export class CommitNotDurable extends Error {
  constructor(override readonly cause: Error) {
    super(`committed but not flushed to disk: ${cause.message}`);
    this.name = 'CommitNotDurable';
  }
}

/** Batches written with a savepoint per change set after a batch written whole met a failing one. */
const WHOLE_BATCH_BACKOFF = 8;

/** Internal: a change set's error that also ended the surrounding transaction. */
class BatchAborted extends Error {
  constructor(override readonly cause: unknown) {
    super('transaction aborted');
  }
}
