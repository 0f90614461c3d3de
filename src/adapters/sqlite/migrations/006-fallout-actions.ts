import type { Migration } from './migration.js';

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
      id       TEXT PRIMARY KEY,
      order_id TEXT NOT NULL,
      case_id  TEXT,
      task_id  TEXT,
      action   TEXT NOT NULL,
      operator TEXT NOT NULL,
      reason   TEXT NOT NULL,
      at       INTEGER NOT NULL,
      outcome  TEXT NOT NULL CHECK (outcome IN ('accepted', 'denied')),
      detail   TEXT
    );
    CREATE INDEX fallout_action_by_order ON fallout_action (order_id, at);
    CREATE INDEX task_failed ON task (order_id, id) WHERE history IS NOT NULL;
  `,
};
