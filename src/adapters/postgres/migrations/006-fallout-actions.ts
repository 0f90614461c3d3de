import type { Migration } from '../../sqlite/migrations/migration.js';

/**
 * Fallout cases are derived from task rows; this adds what reading them needs: the append-only log
 * of operator actions (who, why, outcome) and a partial index over tasks that ever failed, which
 * serves the list of resolved cases (open ones use `task_by_state`).
 */
export const falloutActionsMigration: Migration = {
  version: 6,
  name: 'fallout-actions',
  sql: `
    CREATE TABLE fallout_action (
      seq      bigint GENERATED ALWAYS AS IDENTITY,
      id       text COLLATE "C" PRIMARY KEY,
      order_id text COLLATE "C" NOT NULL,
      case_id  text COLLATE "C",
      task_id  text COLLATE "C",
      action   text NOT NULL,
      operator text NOT NULL,
      reason   text NOT NULL,
      at       bigint NOT NULL,
      outcome  text NOT NULL CHECK (outcome IN ('accepted', 'denied')),
      detail   text
    );
    CREATE INDEX fallout_action_by_order ON fallout_action (order_id, at, seq);
    CREATE INDEX task_failed ON task (order_id, id) WHERE history IS NOT NULL;
  `,
};
