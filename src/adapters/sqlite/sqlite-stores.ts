import type { Database } from 'better-sqlite3';
import type { ChangeSet } from '../../ports/change-set.js';
import type { DeliveryQueue } from '../../ports/delivery-queue.js';
import type { HubStore } from '../../ports/hub-store.js';
import type { OrderStore } from '../../ports/order-store.js';
import { closeSqliteDatabase, openSqliteConnection, openSqliteDatabase, type SynchronousMode } from './sqlite-database.js';
import { registerDocumentMatch } from './sqlite-filter-sql.js';
import { SqliteDeliveryQueue } from './sqlite-delivery-queue.js';
import { SqliteGroupCommitter, type BatchReport, type ChangeWriterFactory } from './sqlite-group-commit.js';
import { SqliteHubStore } from './sqlite-hub-store.js';
import { sqliteOrderWriter } from './sqlite-order-writer.js';
import { SqliteOrderStore } from './sqlite-order-store.js';
import { sqliteOutboxWriter } from './sqlite-outbox-writer.js';
import { SqliteTaskStore } from './sqlite-task-store.js';
import { shareFreshPlans } from './sqlite-task-fresh-plans.js';
import { sqliteTaskWriter } from './sqlite-task-writer.js';
import { FOREGROUND_CHECKPOINT_PAGES, startCheckpointer } from './sqlite-checkpointer.js';
import { WalSync } from './wal-sync.js';
import type { TaskStore } from '../../ports/task-store.js';

/**
 * The writers that turn a ChangeSet into rows, in order. A new part of the change set (tasks,
 * fallout cases ...) adds its writer here; every writer runs inside the change set's savepoint.
 */
export function changeWriters(onDeliveriesQueued: () => void): readonly ChangeWriterFactory<ChangeSet>[] {
  return [sqliteOrderWriter, (db) => sqliteOutboxWriter(db, onDeliveriesQueued), sqliteTaskWriter];
}

/** Where and how to open the embedded stores. */
export interface SqliteStoresOptions {
  /** Database file (folder created if needed), or `:memory:` for tests. */
  readonly path: string;
  /** FULL (default) or NORMAL. */
  readonly synchronous?: SynchronousMode;
  /**
   * With FULL on a file: `background` (default) commits change sets on a second connection and
   * flushes the WAL to disk on the thread pool before their promises resolve, so the event loop
   * never waits for the disk; `inline` lets SQLite fsync inside COMMIT on the event loop.
   */
  readonly commitFlush?: 'background' | 'inline';
  /**
   * Checkpoint the WAL from a worker thread instead of inside the commits of the event loop (a
   * checkpoint copies pages and syncs twice: most of a commit's cost). Off by default; long-running
   * processes turn it on.
   */
  readonly backgroundCheckpoints?: boolean;
  /**
   * Keep plans just written in memory for the engine's first round of each order (default true).
   * A process that runs no engine turns it off: nobody would ever take them.
   */
  readonly freshPlanHints?: boolean;
  /** Most change sets per group commit (default 500). */
  readonly maxBatch?: number;
  /** Extra ms to wait for more commits before writing (default 0: same tick only). */
  readonly commitWindowMs?: number;
  /**
   * Least ms between the starts of two group-commit transactions (default 2 with the background
   * flush, else 0): at high rates fewer, larger transactions, each COMMIT costing about the same
   * whatever it holds; a change set arriving after a quiet spell is written at once.
   */
  readonly minCommitIntervalMs?: number;
  /** Told after every group-commit transaction (size, failures, duration), for metrics. */
  readonly onCommitBatch?: (batch: BatchReport) => void;
}

/** The SQLite-backed stores sharing one connection. */
export interface SqliteStores {
  readonly orders: OrderStore;
  readonly hub: HubStore;
  readonly deliveries: DeliveryQueue;
  /** Provisioning tasks (claims and plan reads; writes go through `orders.commit`). */
  readonly tasks: TaskStore;
  /** The raw connection, for later adapters on the same file and for diagnostics. */
  readonly db: Database;
  /**
   * Subscribes to commits of this process that queued hub deliveries (told once per group commit,
   * after the transaction's writes), so the dispatcher wakes only when there is something to send.
   */
  readonly onDeliveriesQueued: (fn: () => void) => void;
  /** Waits for queued commits, then closes the database (safe to pass around unbound). */
  readonly close: () => Promise<void>;
}

/**
 * Least interval between group commits with the background flush. At 2,000 orders/s offered to an API
 * process (bench:api open loop, back to back with 0): CPU per order 431-498 µs against 502-550, event
 * loop busy 0.73-0.87 against 0.86-0.99; a single order's transaction (14 b-trees, ~17 WAL frames)
 * costs as much to commit as several orders'.
 */
const DEFAULT_MIN_COMMIT_INTERVAL_MS = 2;

/** Opens the database (migrating it) and builds the order, hub and delivery stores over it. */
export function openSqliteStores(options: SqliteStoresOptions): SqliteStores {
  const db = openSqliteDatabase({ path: options.path, ...(options.synchronous ? { synchronous: options.synchronous } : {}) });
  registerDocumentMatch(db);
  const flushInBackground = options.path !== ':memory:' && (options.synchronous ?? 'FULL') === 'FULL' && options.commitFlush !== 'inline';
  const commitDb = flushInBackground ? openSqliteConnection({ path: options.path, synchronous: 'NORMAL' }) : db;
  // The commit connection touches the pages its inserts and updates land on: a smaller cache will do.
  if (commitDb !== db) commitDb.pragma('cache_size = -8000');
  const walSync = flushInBackground ? new WalSync(`${options.path}-wal`) : undefined;
  shareFreshPlans([db, commitDb], options.freshPlanHints === false ? 0 : undefined);
  const checkpointer = options.backgroundCheckpoints === true && options.path !== ':memory:' ? startCheckpointer({ path: options.path }) : undefined;
  if (checkpointer !== undefined) for (const c of new Set([db, commitDb])) c.pragma(`wal_autocheckpoint = ${FOREGROUND_CHECKPOINT_PAGES}`);
  const deliveryWatchers: (() => void)[] = [];
  let wakePending = false;
  const deliveriesQueued = (): void => {
    if (wakePending || deliveryWatchers.length === 0) return;
    wakePending = true;
    // told inside the transaction: the watchers run once it has been written
    setImmediate(() => {
      wakePending = false;
      for (const fn of deliveryWatchers) fn();
    });
  };
  const committer = new SqliteGroupCommitter<ChangeSet>(commitDb, changeWriters(deliveriesQueued), {
    ...(options.maxBatch === undefined ? {} : { maxBatch: options.maxBatch }),
    ...(options.commitWindowMs === undefined ? {} : { windowMs: options.commitWindowMs }),
    minIntervalMs: options.minCommitIntervalMs ?? (walSync === undefined ? 0 : DEFAULT_MIN_COMMIT_INTERVAL_MS),
    ...(options.onCommitBatch === undefined ? {} : { onBatch: options.onCommitBatch }),
    ...(walSync === undefined ? {} : { durability: walSync }),
  });
  return {
    orders: new SqliteOrderStore(db, committer),
    hub: new SqliteHubStore(db),
    deliveries: new SqliteDeliveryQueue(db),
    // Plans are written through the commit connection; shareFreshPlans gives the task store the same hints.
    tasks: new SqliteTaskStore(db),
    db,
    onDeliveriesQueued: (fn) => {
      deliveryWatchers.push(fn);
    },
    close: async () => {
      await committer.drain();
      walSync?.close();
      await checkpointer?.stop();
      if (commitDb !== db) commitDb.close();
      closeSqliteDatabase(db);
    },
  };
}
