import type { Pool } from 'pg';
import type { ChangeSet } from '../../ports/change-set.js';
import type { DeliveryQueue } from '../../ports/delivery-queue.js';
import type { HubStore } from '../../ports/hub-store.js';
import type { OrderStore } from '../../ports/order-store.js';
import type { TaskStore } from '../../ports/task-store.js';
import type { BatchReport } from '../sqlite/sqlite-group-commit.js';
import type { PgChangeWriter } from './pg-change-writer.js';
import { openPgDatabase } from './pg-database.js';
import { PgDeliveryQueue } from './pg-delivery-queue.js';
import { PgGroupCommitter } from './pg-group-commit.js';
import { PgHubStore } from './pg-hub-store.js';
import { openPgNotifier, wakeChannelName, type PgNotifier } from './pg-notifier.js';
import { PgOrderStore } from './pg-order-store.js';
import { pgOrderWriter } from './pg-order-writer.js';
import { pgOutboxWriter } from './pg-outbox-writer.js';
import { PgTaskStore } from './pg-task-store.js';
import { pgTaskWriter } from './pg-task-writer.js';

/**
 * The writers that turn a batch of ChangeSets into rows, in order. Orders and plans come first so
 * that the version checks hold the rows' locks before events get their sequence numbers.
 */
export function pgChangeWriters(): readonly PgChangeWriter<ChangeSet>[] {
  return [pgOrderWriter, pgTaskWriter, pgOutboxWriter()];
}

/** Where and how to open the PostgreSQL stores. */
export interface PostgresStoresOptions {
  /** `postgres://user@host:port/database` (DATABASE_URL). */
  readonly url: string;
  /** Schema for Provisio's tables (created if missing); default: the server's search path (usually `public`). */
  readonly schema?: string;
  /** Most pooled connections of this process (default 10). */
  readonly maxConnections?: number;
  /** Most change sets per group commit (default 500). */
  readonly maxBatch?: number;
  /** Extra ms to wait for more commits before writing (default 0: same tick only). */
  readonly commitWindowMs?: number;
  /** Told after every group-commit transaction (size, failures, duration), for metrics. */
  readonly onCommitBatch?: (batch: BatchReport) => void;
  /** Open a LISTEN connection for wake-ups (default true). */
  readonly listen?: boolean;
  /** Told when the LISTEN connection fails (it reconnects by itself). */
  readonly onNotifierError?: (err: unknown) => void;
}

/** The PostgreSQL-backed stores sharing one pool; the same shape as the SQLite stores. */
export interface PostgresStores {
  readonly orders: OrderStore;
  readonly hub: HubStore;
  readonly deliveries: DeliveryQueue;
  /** Provisioning tasks (claims and plan reads; writes go through `orders.commit`). */
  readonly tasks: TaskStore;
  /** Wake-ups from commits in any process (LISTEN/NOTIFY); undefined with `listen: false`. */
  readonly notifier: PgNotifier | undefined;
  /** The pool, for diagnostics and health checks. */
  readonly pool: Pool;
  /** The schema the tables live in. */
  readonly schema: string;
  /** Checks that the database answers (health checks). */
  readonly ping: () => Promise<void>;
  /** Waits for queued commits, then closes the notifier and the pool (safe to pass around unbound). */
  readonly close: () => Promise<void>;
}

/** Connects, migrates (under an advisory lock) and builds the order, hub, delivery and task stores. */
export async function openPostgresStores(options: PostgresStoresOptions): Promise<PostgresStores> {
  const { pool, schema } = await openPgDatabase({
    url: options.url,
    ...(options.schema === undefined ? {} : { schema: options.schema }),
    ...(options.maxConnections === undefined ? {} : { maxConnections: options.maxConnections }),
  });
  const committer = new PgGroupCommitter<ChangeSet>(pool, pgChangeWriters(), {
    channelName: (c) => wakeChannelName(schema, c),
    ...(options.maxBatch === undefined ? {} : { maxBatch: options.maxBatch }),
    ...(options.commitWindowMs === undefined ? {} : { windowMs: options.commitWindowMs }),
    ...(options.onCommitBatch === undefined ? {} : { onBatch: options.onCommitBatch }),
  });
  let notifier: PgNotifier | undefined;
  try {
    if (options.listen !== false) {
      notifier = await openPgNotifier({ url: options.url, schema, ...(options.onNotifierError ? { onError: options.onNotifierError } : {}) });
    }
  } catch (err) {
    await pool.end();
    throw err;
  }
  return {
    orders: new PgOrderStore(pool, committer),
    hub: new PgHubStore(pool),
    deliveries: new PgDeliveryQueue(pool),
    tasks: new PgTaskStore(pool),
    notifier,
    pool,
    schema,
    ping: async () => void (await pool.query('SELECT 1')),
    close: async () => {
      await committer.drain();
      await notifier?.close();
      await pool.end();
    },
  };
}
