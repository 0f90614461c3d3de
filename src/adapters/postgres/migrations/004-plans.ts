import type { Migration } from '../../sqlite/migrations/migration.js';

/**
 * Provisioning plans and their tasks. `due_at` is the one queue column: the wake time of a ready or
 * waiting task, the lease expiry of a running one, null otherwise; its partial index serves claims,
 * timers and expired leases alike. `inputs` is the task input JSON with sorted keys (also its digest),
 * kept as text so the digest reads back byte for byte; `depends_on` joins ids with U+001F.
 */
export const plansMigration: Migration = {
  version: 4,
  name: 'plans',
  sql: `
    CREATE TABLE plan (
      order_id     text COLLATE "C" PRIMARY KEY,
      version      integer NOT NULL,
      revision     integer NOT NULL,
      order_state  text NOT NULL,
      cancellation text NOT NULL,
      items        json NOT NULL,
      item_states  json NOT NULL
    );
    CREATE TABLE task (
      order_id    text COLLATE "C" NOT NULL,
      id          text COLLATE "C" NOT NULL,
      type        text NOT NULL,
      item_id     text NOT NULL,
      mode        text NOT NULL,
      depends_on  text NOT NULL,
      compensates text,
      state       text NOT NULL,
      attempt     integer NOT NULL,
      wake_at     bigint,
      due_at      bigint,
      claim       integer NOT NULL DEFAULT 0,
      inputs      text NOT NULL,
      output      json,
      history     json,
      PRIMARY KEY (order_id, id)
    );
    CREATE INDEX task_due ON task (due_at) WHERE due_at IS NOT NULL;
    CREATE INDEX task_by_state ON task (state) WHERE state IN ('fallout', 'pending');
  `,
};
