import type { Migration } from './migration.js';

/**
 * Provisioning plans and their tasks. `due_at` is the one queue column: the wake time of a ready or
 * waiting task, the lease expiry of a running one, null otherwise; its partial index serves claims,
 * timers and expired leases alike. `inputs` is the task input JSON with sorted keys (also its digest).
 */
export const plansMigration: Migration = {
  version: 4,
  name: 'plans',
  sql: `
    CREATE TABLE plan (
      order_id     TEXT PRIMARY KEY,
      version      INTEGER NOT NULL,
      revision     INTEGER NOT NULL,
      order_state  TEXT NOT NULL,
      cancellation TEXT NOT NULL,
      items        TEXT NOT NULL,
      item_states  TEXT NOT NULL
    );
    CREATE TABLE task (
      order_id    TEXT NOT NULL,
      id          TEXT NOT NULL,
      type        TEXT NOT NULL,
      item_id     TEXT NOT NULL,
      mode        TEXT NOT NULL,
      depends_on  TEXT NOT NULL,
      compensates TEXT,
      state       TEXT NOT NULL,
      attempt     INTEGER NOT NULL,
      wake_at     INTEGER,
      due_at      INTEGER,
      claim       INTEGER NOT NULL DEFAULT 0,
      inputs      TEXT NOT NULL,
      output      TEXT,
      history     TEXT,
      PRIMARY KEY (order_id, id)
    );
    CREATE INDEX task_due ON task (due_at) WHERE due_at IS NOT NULL;
    CREATE INDEX task_by_state ON task (state) WHERE state IN ('fallout', 'pending');
  `,
};
