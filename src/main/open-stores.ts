import { join } from 'node:path';
import { openPostgresStores } from '../adapters/postgres/pg-stores.js';
import { openSqliteStores } from '../adapters/sqlite/sqlite-stores.js';
import { PgFalloutActionLog } from '../adapters/postgres/pg-fallout-action-log.js';
import { PgFalloutCaseReader } from '../adapters/postgres/pg-fallout-case-reader.js';
import { PgEffectLedger } from '../adapters/postgres/pg-effect-ledger.js';
import { PgPortRequestStore } from '../adapters/postgres/pg-port-request-store.js';
import { SqliteFalloutActionLog } from '../adapters/sqlite/sqlite-fallout-action-log.js';
import { SqliteFalloutCaseReader } from '../adapters/sqlite/sqlite-fallout-case-reader.js';
import { SqliteEffectLedger } from '../adapters/sqlite/sqlite-effect-ledger.js';
import { SqlitePortRequestStore } from '../adapters/sqlite/sqlite-port-request-store.js';
import type { Clock } from '../ports/clock.js';
import type { DeliveryQueue } from '../ports/delivery-queue.js';
import type { EffectLedger } from '../ports/effect-ledger.js';
import type { FalloutActionLog } from '../ports/fallout-action-log.js';
import type { FalloutCaseReader } from '../ports/fallout-case-reader.js';
import type { ModelRegistry } from '../ports/model-registry.js';
import { sqliteModelRegistry } from '../adapters/sqlite/sqlite-model-registry.js';
import { PgModelRegistry } from '../adapters/postgres/pg-model-registry.js';
import { PgStatisticsKeeper } from '../adapters/postgres/pg-statistics-keeper.js';
import type { HubStore } from '../ports/hub-store.js';
import type { OrderStore } from '../ports/order-store.js';
import type { PortRequestStore } from '../ports/port-request-store.js';
import type { TaskStore } from '../ports/task-store.js';

/** The stores a process works on, whichever database holds them. */
export interface Stores {
  readonly kind: 'sqlite' | 'postgres';
  /** Where the data is (file path, or the URL without its password). */
  readonly location: string;
  readonly orders: OrderStore;
  readonly hub: HubStore;
  readonly deliveries: DeliveryQueue;
  readonly tasks: TaskStore;
  /**
   * Subscribes to wake-ups: on PostgreSQL from every process's commits (LISTEN/NOTIFY); on SQLite,
   * `deliveries` from this process's commits that queued hub deliveries (others poll).
   */
  readonly onWake: (channel: 'tasks' | 'deliveries', fn: () => void) => void;
  /** Fallout cases (derived from failed tasks) and the operators' actions on them. */
  readonly falloutCases: FalloutCaseReader;
  readonly falloutActions: FalloutActionLog;
  /** The fallout model registry (versions, metrics, the active model), in the same database. */
  readonly modelRegistry: ModelRegistry;
  /** The ledger of effects the simulated southbound systems applied (durable, in the same database). */
  readonly effectLedger: (clock: Clock) => EffectLedger;
  /** Port requests coordinated with losing carriers. */
  readonly portRequests: PortRequestStore;
  /** Throws when the database does not answer. */
  readonly ping: () => Promise<void>;
  readonly close: () => Promise<void>;
}

/** Where the stores live: `DATABASE_URL=postgres://…` selects PostgreSQL, otherwise SQLite in the data folder. */
export interface StoreConfig {
  readonly databaseUrl?: string;
  readonly dataDir: string;
  readonly synchronous: 'FULL' | 'NORMAL';
  readonly pgSchema?: string;
  readonly onError?: (err: unknown) => void;
  /** Told when giving the PostgreSQL engine tables their first statistics fails (retried at the next check). */
  readonly onStatisticsError?: (err: unknown) => void;
  /** False for a process that runs no engine (an API process): no in-memory hints for it. */
  readonly runsEngine?: boolean;
  /** Extra ms a group commit waits for more change sets (default 0). */
  readonly commitWindowMs?: number;
}

/** True when the URL names a PostgreSQL database. */
export function isPostgresUrl(url: string | undefined): url is string {
  return url !== undefined && /^postgres(ql)?:\/\//i.test(url);
}

/** Opens (and migrates) the configured stores. */
export async function openStores(config: StoreConfig): Promise<Stores> {
  if (isPostgresUrl(config.databaseUrl)) {
    const pg = await openPostgresStores({
      url: config.databaseUrl,
      ...(config.pgSchema ? { schema: config.pgSchema } : {}),
      ...(config.onError ? { onNotifierError: config.onError } : {}),
      ...(config.commitWindowMs ? { commitWindowMs: config.commitWindowMs } : {}),
    });
    // A process that runs the engine gives the tables it claims from their first statistics (autovacuum may be off or late).
    const statistics = config.runsEngine === false ? undefined : new PgStatisticsKeeper(pg.pool, config.onStatisticsError ? { onError: config.onStatisticsError } : {});
    statistics?.start();
    return {
      kind: 'postgres',
      location: config.databaseUrl.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@'),
      orders: pg.orders,
      hub: pg.hub,
      deliveries: pg.deliveries,
      tasks: pg.tasks,
      onWake: (channel, fn) => pg.notifier?.onWake(channel, fn),
      effectLedger: (clock) => new PgEffectLedger(pg.pool, clock),
      portRequests: new PgPortRequestStore(pg.pool),
      falloutCases: new PgFalloutCaseReader(pg.pool),
      modelRegistry: new PgModelRegistry(pg.pool),
      falloutActions: new PgFalloutActionLog(pg.pool),
      ping: pg.ping,
      close: async () => {
        await statistics?.stop();
        await pg.close();
      },
    };
  }
  const path = join(config.dataDir, 'provisio.db');
  const sqlite = openSqliteStores({
    path,
    synchronous: config.synchronous,
    backgroundCheckpoints: true,
    freshPlanHints: config.runsEngine !== false,
    ...(config.commitWindowMs ? { commitWindowMs: config.commitWindowMs } : {}),
  });
  return {
    kind: 'sqlite',
    location: path,
    orders: sqlite.orders,
    hub: sqlite.hub,
    deliveries: sqlite.deliveries,
    tasks: sqlite.tasks,
    onWake: (channel, fn) => {
      if (channel === 'deliveries') sqlite.onDeliveriesQueued(fn);
    },
    effectLedger: (clock) => new SqliteEffectLedger(sqlite.db, clock),
    portRequests: new SqlitePortRequestStore(sqlite.db),
    falloutCases: new SqliteFalloutCaseReader(sqlite.db),
    modelRegistry: sqliteModelRegistry(sqlite.db),
    falloutActions: new SqliteFalloutActionLog(sqlite.db),
    ping: async () => {
      sqlite.db.prepare('select 1').get();
    },
    close: sqlite.close,
  };
}
